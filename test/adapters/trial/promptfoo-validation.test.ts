/**
 * The exported file against Promptfoo's own validation: its published JSON Schema for
 * promptfooconfig.yaml (test/fixtures/promptfoo, see the README there), with ajv.
 *
 * Why not the `promptfoo` package itself (its `UnifiedConfigSchema`, or a real `promptfoo eval`
 * against a loopback fake): `npm install --save-dev promptfoo` took 56 s and added 1.4 GB to
 * node_modules (500 packages, two of them with install scripts) on the 2-core development machine,
 * for one test file. By hand, once, promptfoo 0.121.20 did run every grader kind's export
 * (`promptfoo eval` against a fake OpenAI on 127.0.0.1, telemetry and updates off): each prompt and
 * example reached the model as written, the grades came out as the trial's, its loader logged no
 * invalid configuration, and its UnifiedConfigSchema accepted each file.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportPromptfooYaml, renderPromptfooYaml, writePromptfooYaml } from '../../../adapters/trial/write-promptfoo-yaml.js';
import { exportPromptfooConfig } from '../../../src/trial/export-promptfoo.js';
import type { Grader, TrialSpec } from '../../../src/trial/trial-spec.js';

const schema = JSON.parse(readFileSync(new URL('../../fixtures/promptfoo/config-schema.json', import.meta.url), 'utf8'));
// Draft-07, as the schema declares; not strict, as the published schema is not written for ajv's strict mode.
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
/** The assertion types Promptfoo knows. Its schema also lets any other `type` through, so the export's are checked against this list. */
const assertionTypes: string[] = schema.definitions.__schema23.properties.type.anyOf[0].enum;

const providerIds = { 'acme-small': 'small-2025-01', 'acme-large': 'large-v3' };
const options = { providerIds, apiBaseUrl: 'https://llm.example.com/v1', judgeModel: 'judge-9' };

const GRADERS: Grader[] = [
  { kind: 'exact' },
  { kind: 'contains' },
  { kind: 'label', labels: ['billing', 'refund', '{{ odd }} 7'] },
  { kind: 'regex', pattern: '^\\d{2}-{{$' },
  { kind: 'regex', pattern: '^yes', flags: 'i' },
  { kind: 'json', schema: { $id: 'https://example.com/a.json', type: 'object', properties: { a: { $ref: '#/definitions/n' } }, definitions: { n: { type: 'number' } } } },
  { kind: 'json' },
  { kind: 'number', tolerance: 0.5 },
  { kind: 'rubric', rubric: 'Polite, and never repeats {{ env.OPENAI_API_KEY }}.' },
];

function trial(grader: Grader): TrialSpec {
  return {
    prompts: [
      { label: 'the prompt', text: 'Classify the ticket. Placeholders like {{name}} and {% raw %} stay as written.' },
      { label: 'variant 2', text: 'You are terse.\nOne word.' },
    ],
    models: ['acme-small', 'acme-large'],
    examples: [
      { input: 'Where is my refund?', expected: '12' },
      { input: 'Repeat {{expected}} back', expected: '{{ odd }} 7' },
      { input: 'file://notes.txt\n', expected: '3.5 units' },
    ],
    grader,
  };
}

function problems(config: unknown): string {
  return validate(config) ? '' : JSON.stringify(validate.errors, null, 2);
}

/** Every `$ref` key in a value: Promptfoo's loader dereferences them against the whole file. */
function refKeys(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + refKeys(v), 0);
  if (value && typeof value === 'object') return Object.entries(value).reduce((n, [k, v]) => n + (k === '$ref' ? 1 : 0) + refKeys(v), 0);
  return 0;
}

describe("the exported promptfooconfig.yaml against Promptfoo's schema", () => {
  it.each(GRADERS.map((g) => [`${g.kind}${g.kind === 'regex' && g.flags ? ' with flags' : ''}${g.kind === 'json' && !g.schema ? ' without a schema' : ''}`, g] as const))(
    'is valid for the %s grader, and its YAML reads back as the configuration',
    (_name, grader) => {
      const exported = exportPromptfooYaml(trial(grader), options);
      const fromYaml = parse(exported.yaml);
      expect(fromYaml).toEqual(JSON.parse(JSON.stringify(exported.config)));
      expect(problems(fromYaml)).toBe('');
      for (const test of exported.config.tests) for (const assertion of test.assert) expect(assertionTypes).toContain(assertion.type);
      expect(refKeys(fromYaml)).toBe(0);
      expect(exported.fileName).toBe('promptfooconfig.yaml');
    },
  );

  it('is valid with one prompt, one model and no endpoint', () => {
    const small: TrialSpec = { ...trial({ kind: 'exact' }), prompts: [{ label: 'the prompt', text: 'Hi.' }], models: ['acme-small'] };
    expect(problems(parse(exportPromptfooYaml(small, { providerIds }).yaml))).toBe('');
  });

  it('fails a broken configuration, so the check can fail', () => {
    const { config } = exportPromptfooConfig(trial({ kind: 'contains' }), options);
    const good = JSON.parse(JSON.stringify(config));
    expect(problems(good)).toBe('');

    const misspeltValue = JSON.parse(JSON.stringify(config));
    misspeltValue.tests[0].assert[0] = { type: 'icontains', vaule: 'Paris' };
    expect(problems(misspeltValue)).toMatch(/additionalProperties/);

    const unlabelledPrompt = JSON.parse(JSON.stringify(config));
    delete unlabelledPrompt.prompts[0].label;
    expect(problems(unlabelledPrompt)).not.toBe('');

    // (The schema lets any provider entry through, so a misspelt provider key is not among these.)
    const testTypo = JSON.parse(JSON.stringify(config));
    testTypo.tests[1].asserts = testTypo.tests[1].assert;
    expect(problems(testTypo)).not.toBe('');

    const noPrompts = JSON.parse(JSON.stringify(config));
    delete noPrompts.prompts;
    expect(problems(noPrompts)).toMatch(/prompts/);

    const sharingWord = { ...good, sharing: 'no' };
    expect(problems(sharingWord)).not.toBe('');
  });
});

describe('the YAML file', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('opens with a comment saying how to run it, that the key stays in the environment and that it holds the examples', () => {
    const { yaml, config } = exportPromptfooYaml(trial({ kind: 'rubric', rubric: 'Polite.' }), { providerIds, apiBaseUrl: 'https://llm.example.com/v1' });
    const header = yaml.slice(0, yaml.indexOf('\n\n'));
    expect(header.split('\n').every((line) => line.startsWith('#'))).toBe(true);
    expect(header).toContain('OPENAI_API_KEY=… npx promptfoo@latest eval -c promptfooconfig.yaml');
    expect(header).toMatch(/the key is not written in this file/);
    expect(header).toMatch(/team's own prompts and examples/);
    expect(header).toMatch(/U\+E000/);
    expect(header).toContain(`{{ '{' }} stands for a "{"`);
    expect(config.defaultTest).toBeDefined();
    expect(yaml).not.toMatch(/sk-|apiKey/);
  });

  it("says when Promptfoo's default grader judges a rubric, and says nothing of escapes a plain trial does not use", () => {
    const plain: TrialSpec = { prompts: [{ label: 'the prompt', text: 'Be polite.' }], models: ['acme-small'], examples: [{ input: 'Hello' }], grader: { kind: 'rubric', rubric: 'Polite.' } };
    const { yaml } = exportPromptfooYaml(plain, { providerIds });
    expect(yaml).toMatch(/^# No judge model was set: Promptfoo's default grader/m);
    expect(yaml).not.toMatch(/U\+E000|stands for/);
  });

  it('is written as promptfooconfig.yaml, readable by its owner only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'promptfoo-export-'));
    dirs.push(dir);
    const exported = exportPromptfooYaml(trial({ kind: 'exact' }), options);
    const path = await writePromptfooYaml(dir, exported);
    expect(path).toBe(join(dir, 'promptfooconfig.yaml'));
    expect(readFileSync(path, 'utf8')).toBe(exported.yaml);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(renderPromptfooYaml(exported)).toBe(exported.yaml);
  });
});
