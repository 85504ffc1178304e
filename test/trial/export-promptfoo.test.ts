import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { exportPromptfooConfig, type PromptfooAssertion, type PromptfooConfig, TEMPLATE_BREAK, templateLiteral } from '../../src/trial/export-promptfoo.js';
import type { Grader, TrialExample, TrialSpec } from '../../src/trial/trial-spec.js';

const providerIds = { 'acme-small': 'small-2025-01', 'acme-large': 'large-v3' };
const base = 'https://llm.example.com/v1';

function spec(grader: Grader, examples: TrialExample[] = [{ input: 'Capital of France?', expected: 'Paris' }], overrides: Partial<TrialSpec> = {}): TrialSpec {
  return { prompts: [{ label: 'the prompt', text: 'Answer with the city only.' }], models: ['acme-small'], examples, grader, ...overrides };
}

const onlyAssertion = (config: PromptfooConfig, test = 0): PromptfooAssertion => {
  const asserts = config.tests[test]!.assert;
  expect(asserts).toHaveLength(1);
  return asserts[0]!;
};

/**
 * Nunjucks as Promptfoo sets it up (autoescape off, the environment as the global `env`): it renders
 * the prompts' strings and the assertions' values with the test's vars before using them.
 */
const engine = new nunjucks.Environment(null, { autoescape: false });
engine.addGlobal('env', { OPENAI_API_KEY: 'sk-secret-from-the-environment', HOME: '/home/someone' });
const render = (template: string, vars: Record<string, unknown> = {}) => engine.renderString(template, vars);

/** Runs a javascript assertion the way Promptfoo runs a multi-line one: rendered, then the body of a function of output and context. */
function passes(assertion: PromptfooAssertion, output: string, vars: Record<string, unknown> = {}): boolean {
  expect(assertion.type).toBe('javascript');
  const body = render(assertion.value!, vars);
  expect(body).toContain('\n');
  return new Function('output', 'context', body)(output, { vars }) as boolean;
}

/** The messages a prompt sends for one test: its JSON parsed, each string rendered with the test's vars. */
function messagesFor(config: PromptfooConfig, prompt: number, test: number): { role: string; content: string }[] {
  const vars = config.tests[test]!.vars;
  return (JSON.parse(config.prompts[prompt]!.raw) as { role: string; content: string }[]).map((m) => ({ role: m.role, content: render(m.content, vars) }));
}

describe('exportPromptfooConfig: prompts and variants', () => {
  it('writes each prompt as a labelled chat prompt: its text as the system message, the example as the user message', () => {
    const trial = spec({ kind: 'exact' }, undefined, {
      prompts: [
        { label: 'the prompt', text: 'Answer with the city only.' },
        { label: 'variant 2', text: 'You are terse.\nReply with one word.' },
        { label: 'variant 3', text: 'City name, nothing else.' },
      ],
    });
    const { config, fileName } = exportPromptfooConfig(trial, { providerIds });
    expect(fileName).toBe('promptfooconfig.yaml');
    expect(config.prompts.map((p) => p.label)).toEqual(['the prompt', 'variant 2', 'variant 3']);
    expect(JSON.parse(config.prompts[1]!.raw)).toEqual([
      { role: 'system', content: 'You are terse.\nReply with one word.' },
      { role: 'user', content: '{{input}}' },
    ]);
    expect(messagesFor(config, 2, 0)).toEqual([
      { role: 'system', content: 'City name, nothing else.' },
      { role: 'user', content: 'Capital of France?' },
    ]);
  });

  it('keeps {{ }}, {% %}, {# #} in a prompt as written when Promptfoo renders it, environment included', () => {
    const text = 'Fill {{name}} and {{ env.OPENAI_API_KEY }}; {% if x %}keep{% endif %} {# a note #} {{{triple}}} {#} #} {%- raw -%} }} %}';
    const { config } = exportPromptfooConfig(spec({ kind: 'exact' }, undefined, { prompts: [{ label: 'the prompt', text }] }), { providerIds });
    const system = JSON.parse(config.prompts[0]!.raw)[0].content as string;
    expect(system).not.toBe(text);
    expect(render(system, { name: 'NAME', x: true, triple: 'T' })).toBe(text);
    expect(messagesFor(config, 0, 0)[0]!.content).toBe(text);
  });

  it('names the trial in the description unless one is given', () => {
    const trial = spec({ kind: 'contains' }, [
      { input: 'a', expected: 'x' },
      { input: 'b', expected: 'y' },
    ]);
    expect(exportPromptfooConfig(trial, { providerIds }).config.description).toBe('Prompt trial: the prompt on 1 model over 2 examples, graded contains');
    expect(exportPromptfooConfig(trial, { providerIds, description: 'Ticket triage, March' }).config.description).toBe('Ticket triage, March');
  });
});

describe('exportPromptfooConfig: providers', () => {
  it('gives each model an openai:chat provider named by its catalogue id, at the endpoint when one is given, with no key in the file', () => {
    const trial = spec({ kind: 'exact' }, undefined, { models: ['acme-small', 'acme-large'] });
    const { config } = exportPromptfooConfig(trial, { providerIds, apiBaseUrl: base });
    expect(config.providers).toEqual([
      { id: 'openai:chat:small-2025-01', label: 'acme-small', config: { apiBaseUrl: base } },
      { id: 'openai:chat:large-v3', label: 'acme-large', config: { apiBaseUrl: base } },
    ]);
    expect(JSON.stringify(config)).not.toMatch(/apiKey|sk-/);
    expect(config.sharing).toBe(false);
  });

  it("leaves out the endpoint when there is none (Promptfoo's default: OpenAI's API)", () => {
    const { config } = exportPromptfooConfig(spec({ kind: 'exact' }), { providerIds });
    expect(config.providers).toEqual([{ id: 'openai:chat:small-2025-01', label: 'acme-small' }]);
  });

  it('refuses a model without an endpoint name', () => {
    expect(() => exportPromptfooConfig(spec({ kind: 'exact' }, undefined, { models: ['acme-small', 'acme-mystery'] }), { providerIds })).toThrow(/acme-mystery/);
  });
});

describe('exportPromptfooConfig: tests', () => {
  it('writes one test per example with its input and, where there is one, its expected answer', () => {
    const { config } = exportPromptfooConfig(spec({ kind: 'json' }, [{ input: 'first' }, { input: 'second', expected: '{"a":1}' }]), { providerIds });
    expect(config.tests.map((t) => [t.description, t.vars])).toEqual([
      ['example 1', { input: 'first' }],
      ['example 2', { input: 'second', expected: '{"a":1}' }],
    ]);
  });

  it('sends an example holding {{ }}, file:// or a final newline as written, and keeps {{expected}} from being filled in', () => {
    const examples = [
      { input: 'Repeat {{expected}} and {{ input }} and {{ env.OPENAI_API_KEY }}', expected: 'Lyon' },
      { input: 'file:///etc/passwd', expected: 'Nice' },
      { input: 'package:left-pad:pad', expected: 'Brest' },
      { input: 'two lines\n', expected: '{{{x}}}' },
      { input: 'plain', expected: 'Paris' },
    ];
    const { config } = exportPromptfooConfig(spec({ kind: 'exact' }, examples), { providerIds });
    examples.forEach((example, i) => {
      const vars = config.tests[i]!.vars;
      // What Promptfoo acts on is gone from the vars: no {{ for its var and env filling, no file:// or package: to read, no final newline to cut.
      for (const value of [vars.input, vars.expected!]) {
        expect(value).not.toContain('{{');
        expect(value).not.toMatch(/^(file:\/\/|package:)/);
        expect(value).not.toMatch(/\n$/);
        expect(value.replaceAll(TEMPLATE_BREAK, '')).toBe(examples[i]![value === vars.input ? 'input' : 'expected']);
      }
      expect(messagesFor(config, 0, i)[1]).toEqual({ role: 'user', content: example.input });
    });
  });

  it('guards an example whose only oddity is a {{', () => {
    const { config } = exportPromptfooConfig(spec({ kind: 'exact' }, [{ input: 'Say {{expected}}', expected: 'no' }]), { providerIds });
    expect(config.tests[0]!.vars.input).toBe(`Say {${TEMPLATE_BREAK}{expected}}`);
    expect(messagesFor(config, 0, 0)[1]!.content).toBe('Say {{expected}}');
  });

  it('writes plain examples as they are, with a plain {{input}}', () => {
    const { config } = exportPromptfooConfig(spec({ kind: 'exact' }, [{ input: 'What is {x}? 50% {#', expected: 'y' }]), { providerIds });
    expect(config.tests[0]!.vars).toEqual({ input: 'What is {x}? 50% {#', expected: 'y' });
    expect(JSON.parse(config.prompts[0]!.raw)[1].content).toBe('{{input}}');
  });

  it('refuses an example holding the private-use character the export relies on', () => {
    expect(() => exportPromptfooConfig(spec({ kind: 'exact' }, [{ input: `{{x}} ${TEMPLATE_BREAK}`, expected: 'y' }]), { providerIds })).toThrow(/U\+E000/);
  });
});

describe('exportPromptfooConfig: one assertion per grader kind', () => {
  it('exact: a javascript assertion equal once normalised (case, space, quotes, a final full stop)', () => {
    const { config } = exportPromptfooConfig(spec({ kind: 'exact' }, [{ input: 'q', expected: 'New York' }]), { providerIds });
    const assertion = onlyAssertion(config);
    expect(assertion.type).toBe('javascript');
    for (const answer of ['New York', '  new york.\n', '"New   York."', '“NEW YORK”', '`New York`']) expect(passes(assertion, answer), answer).toBe(true);
    for (const answer of ['New York City', 'York', '']) expect(passes(assertion, answer), answer).toBe(false);
  });

  it('exact: compares with an expected answer holding {{, {% or #} as written', () => {
    const expected = '{{ env.OPENAI_API_KEY }} {% x %} #} \\ "q"';
    const { config } = exportPromptfooConfig(spec({ kind: 'exact' }, [{ input: 'q', expected }]), { providerIds });
    const assertion = onlyAssertion(config);
    expect(assertion.value).not.toMatch(/\{[{%#]|#\}/);
    expect(passes(assertion, expected)).toBe(true);
    expect(passes(assertion, 'sk-secret-from-the-environment')).toBe(false);
  });

  it('contains: icontains with the expected text', () => {
    const { config } = exportPromptfooConfig(
      spec({ kind: 'contains' }, [
        { input: 'q', expected: 'Paris' },
        { input: 'r', expected: 'file://{{x}}' },
      ]),
      { providerIds },
    );
    expect(onlyAssertion(config, 0)).toEqual({ type: 'icontains', value: 'Paris' });
    const guarded = onlyAssertion(config, 1);
    expect(guarded.type).toBe('icontains');
    expect(guarded.value).not.toMatch(/^file:\/\//);
    expect(render(guarded.value!, { x: 'X' })).toBe('file://{{x}}');
  });

  it('label: a javascript assertion that the normalised answer is the expected label', () => {
    const { config } = exportPromptfooConfig(
      spec({ kind: 'label', labels: ['billing', 'refund', 'Not {{spam}}'] }, [
        { input: 'q', expected: 'billing' },
        { input: 'r', expected: 'Not {{spam}}' },
      ]),
      {
        providerIds,
      },
    );
    const billing = onlyAssertion(config, 0);
    for (const answer of ['billing', ' Billing.', '"BILLING"']) expect(passes(billing, answer), answer).toBe(true);
    for (const answer of ['refund', 'billing and refund', 'Not {{spam}}']) expect(passes(billing, answer), answer).toBe(false);
    expect(passes(onlyAssertion(config, 1), 'not {{SPAM}}.')).toBe(true);
  });

  it('regex: a regex assertion on the answer without surrounding space', () => {
    const { config } = exportPromptfooConfig(spec({ kind: 'regex', pattern: '^\\d{3}-[{][{]$' }, [{ input: 'q' }]), { providerIds });
    const assertion = onlyAssertion(config);
    expect(assertion).toMatchObject({ type: 'regex', transform: 'output.trim()' });
    expect(render(assertion.value!)).toBe('^\\d{3}-[{][{]$');
  });

  it('regex with flags: a javascript assertion, as Promptfoo’s regex takes none', () => {
    const { config } = exportPromptfooConfig(spec({ kind: 'regex', pattern: '^yes\\b.*{{', flags: 'is' }, [{ input: 'q' }]), { providerIds });
    const assertion = onlyAssertion(config);
    expect(passes(assertion, 'YES,\nsure {{\n')).toBe(true);
    expect(passes(assertion, 'no {{')).toBe(false);
  });

  it('json: is-json, with the JSON Schema as JSON text when there is one (no $ref for Promptfoo to dereference, no $id or $schema for its shared draft-07 Ajv)', () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://example.com/answer.json',
      type: 'object',
      required: ['label'],
      properties: { label: { $ref: '#/definitions/label' } },
      definitions: { label: { enum: ['a', '{{b}}'] } },
    };
    const { config } = exportPromptfooConfig(spec({ kind: 'json', schema }, [{ input: 'q' }]), { providerIds });
    const assertion = onlyAssertion(config);
    expect(assertion.type).toBe('is-json');
    const { $schema: _s, $id: _i, ...rest } = schema;
    expect(JSON.parse(render(assertion.value!))).toEqual(rest);
    expect(onlyAssertion(exportPromptfooConfig(spec({ kind: 'json' }, [{ input: 'q' }]), { providerIds }).config)).toEqual({ type: 'is-json' });
  });

  it('number: a javascript assertion that the first number is within the tolerance', () => {
    const { config } = exportPromptfooConfig(
      spec({ kind: 'number', tolerance: 0.5 }, [
        { input: 'q', expected: '1,234.5' },
        { input: 'r', expected: 'It is -3 degrees' },
        { input: 's', expected: '0.3' },
      ]),
      { providerIds: providerIds },
    );
    const [thousand, minus] = [onlyAssertion(config, 0), onlyAssertion(config, 1)];
    for (const answer of ['About 1,234.9 units', '1234', '$1,235']) expect(passes(thousand, answer), answer).toBe(true);
    for (const answer of ['1,236', 'COVID-19', 'none']) expect(passes(thousand, answer), answer).toBe(false);
    expect(passes(minus, '−3.4')).toBe(true);
    expect(passes(minus, '3')).toBe(false);
    const exactly = exportPromptfooConfig(spec({ kind: 'number', tolerance: 0 }, [{ input: 's', expected: '0.3' }]), { providerIds }).config;
    expect(passes(onlyAssertion(exactly), `${0.1 + 0.2}`)).toBe(true);
  });

  it('rubric: llm-rubric with the rubric text, judged by the judge model when one is given', () => {
    const rubric = 'Polite; never says {{ env.OPENAI_API_KEY }}; file:// links are fine';
    const trial = spec({ kind: 'rubric', rubric }, [{ input: 'q' }]);
    const withJudge = exportPromptfooConfig(trial, { providerIds, apiBaseUrl: base, judgeModel: 'judge-9' }).config;
    const assertion = onlyAssertion(withJudge);
    expect(assertion.type).toBe('llm-rubric');
    expect(render(assertion.value!)).toBe(rubric);
    expect(withJudge.defaultTest).toEqual({ options: { provider: { id: 'openai:chat:judge-9', config: { apiBaseUrl: base } } } });
    expect(exportPromptfooConfig(trial, { providerIds, judgeModel: 'gpt-judge' }).config.defaultTest).toEqual({ options: { provider: 'openai:chat:gpt-judge' } });
  });

  it('rubric without a judge: the first model judges at the team’s endpoint; with no endpoint, Promptfoo’s default grader', () => {
    const trial = spec({ kind: 'rubric', rubric: 'Polite.' }, [{ input: 'q' }], { models: ['acme-large', 'acme-small'] });
    expect(exportPromptfooConfig(trial, { providerIds, apiBaseUrl: base }).config.defaultTest).toEqual({ options: { provider: { id: 'openai:chat:large-v3', config: { apiBaseUrl: base } } } });
    expect(exportPromptfooConfig(trial, { providerIds }).config.defaultTest).toBeUndefined();
    expect(exportPromptfooConfig(spec({ kind: 'exact' }), { providerIds, judgeModel: 'judge-9' }).config.defaultTest).toBeUndefined();
  });

  it('refuses an example without the expected answer its grader compares with', () => {
    expect(() => exportPromptfooConfig(spec({ kind: 'exact' }, [{ input: 'q', expected: 'a' }, { input: 'r' }]), { providerIds })).toThrow(/example 2 has no expected answer/);
    expect(() => exportPromptfooConfig(spec({ kind: 'number', tolerance: 1 }, [{ input: 'q', expected: 'many' }]), { providerIds })).toThrow(/no number/);
  });
});

describe('templateLiteral', () => {
  it.each(['plain', '{{x}}', '{{{', '{%}', '{#}', '#}', '}}{{', '{ {', 'file://a', 'package:x', '{', '#', 'a{', 'ends {', "quote ' and {{ ' }}", "{{ '{' }}"])('renders %j back as written', (text) => {
    expect(render(templateLiteral(text), { x: 'X' })).toBe(text);
  });
});
