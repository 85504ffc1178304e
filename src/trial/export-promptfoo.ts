import type { Grader, TrialExample, TrialSpec } from './trial-spec.js';

/**
 * A trial as a Promptfoo configuration (https://promptfoo.dev/docs/configuration/reference/), so a
 * team can run the same prompts, variants, models and examples with `npx promptfoo eval`.
 *
 * Promptfoo renders much of its configuration with Nunjucks, and the team's text must reach the
 * model and the grader as written. What its loader and evaluator do (read in Promptfoo's source):
 * - at load time, every `{{ env.NAME }}` anywhere in the file is filled from the environment;
 * - each string of a JSON chat prompt is rendered with the test's vars (and `env`), so a prompt
 *   holding `{{ x }}` or `{% … %}` would be filled in or fail;
 * - a var holding `{{ name }}`, where `name` is another var, gets that var's value pasted in
 *   (an input holding `{{expected}}` would hand the model the answer), and a var that starts with
 *   `file://` or `package:` is read from disk or a package; one trailing newline is cut from each var;
 * - an assertion's string value is rendered the same way, and read from a file if it starts with `file://`;
 * - `$ref` in any object is dereferenced against the whole file (a JSON Schema's `#/definitions/x` would break).
 * So: the prompt text and assertion values are escaped for Nunjucks ({@link templateLiteral}), vars that
 * need it carry an invisible {@link TEMPLATE_BREAK} that the user message strips, JavaScript assertions
 * hold the team's strings as escaped literals, and the JSON Schema is written as JSON text.
 */

/** What `promptfoo eval` looks for when it is given no `-c`. */
export const PROMPTFOO_FILE_NAME = 'promptfooconfig.yaml';

/**
 * A private-use character put inside a var where Promptfoo would otherwise act on it (between the
 * braces of `{{`, before a leading `file://` or `package:`, after a final newline); the user
 * message's `replace` filter removes every one before the text is sent.
 */
export const TEMPLATE_BREAK = '\uE000';

export interface PromptfooExportOptions {
  /** Catalogue id → the model's name at the endpoint (what follows `openai:chat:`). Every model of the trial needs one. */
  providerIds: Record<string, string>;
  /** The OpenAI-compatible endpoint (`https://…/v1`); OpenAI's own API when absent. The key stays in `OPENAI_API_KEY`. */
  apiBaseUrl?: string;
  /** The suite's one-line description; one that names the trial's size and grader when absent. */
  description?: string;
  /**
   * The endpoint's name for the model that judges rubric answers. When absent, the first model
   * judges if `apiBaseUrl` is set (so no example leaves for an endpoint the team did not name),
   * else Promptfoo's default grader on OpenAI's API.
   */
  judgeModel?: string;
}

/** A chat prompt: `raw` is the JSON array of messages Promptfoo documents for chat prompts. */
export interface PromptfooPrompt {
  label: string;
  raw: string;
}

export interface PromptfooProviderOptions {
  /** `openai:chat:<the endpoint's model name>`. */
  id: string;
  config?: { apiBaseUrl: string };
}

export interface PromptfooProvider extends PromptfooProviderOptions {
  /** The catalogue id, as the trial's results name the model. */
  label: string;
}

export type PromptfooAssertion =
  | { type: 'javascript'; value: string }
  | { type: 'icontains'; value: string }
  | { type: 'regex'; value: string; transform: string }
  | { type: 'is-json'; value?: string }
  | { type: 'llm-rubric'; value: string };

export interface PromptfooTest {
  description: string;
  vars: { input: string; expected?: string };
  assert: PromptfooAssertion[];
}

/** The part of Promptfoo's configuration an exported trial uses (its schema: https://promptfoo.dev/config-schema.json). */
export interface PromptfooConfig {
  description: string;
  prompts: PromptfooPrompt[];
  providers: PromptfooProvider[];
  /** Only for a rubric: the judge. */
  defaultTest?: { options: { provider: string | PromptfooProviderOptions } };
  tests: PromptfooTest[];
  /** The file holds the team's examples: `promptfoo eval --share` does not upload them. */
  sharing: false;
}

export interface PromptfooExport {
  config: PromptfooConfig;
  fileName: typeof PROMPTFOO_FILE_NAME;
}

/** Each prompt × each model × each example, graded as the trial grades: the configuration object, for an adapter to write as YAML. */
export function exportPromptfooConfig(spec: TrialSpec, options: PromptfooExportOptions): PromptfooExport {
  const endpointName = (catalogueId: string): string => {
    const name = options.providerIds[catalogueId];
    if (name === undefined || name.trim() === '') throw new Error(`no endpoint model name for "${catalogueId}": providerIds needs one for every model of the trial`);
    return name;
  };
  const providerFor = (modelName: string): PromptfooProviderOptions => ({ id: `openai:chat:${modelName}`, ...(options.apiBaseUrl ? { config: { apiBaseUrl: options.apiBaseUrl } } : {}) });
  const providers = spec.models.map((id) => ({ ...providerFor(endpointName(id)), label: id }));

  const guardVars = spec.examples.some((example) => needsBreak(example.input) || (example.expected !== undefined && needsBreak(example.expected)));
  if (guardVars) {
    const carrier = spec.examples.findIndex((example) => example.input.includes(TEMPLATE_BREAK) || example.expected?.includes(TEMPLATE_BREAK));
    if (carrier >= 0) throw new Error(`example ${carrier + 1} holds the private-use character U+E000, which the export uses to keep Promptfoo's templating off the examples`);
  }
  const userMessage = guardVars ? `{{ input | replace("${TEMPLATE_BREAK}", "") }}` : '{{input}}';
  const prompts = spec.prompts.map((prompt) => ({
    label: prompt.label,
    raw: JSON.stringify(
      [
        { role: 'system', content: templateLiteral(prompt.text) },
        { role: 'user', content: userMessage },
      ],
      null,
      2,
    ),
  }));

  const tests = spec.examples.map((example, index) => {
    const vars: PromptfooTest['vars'] = { input: guardVars ? breakTemplates(example.input) : example.input };
    if (example.expected !== undefined) vars.expected = guardVars ? breakTemplates(example.expected) : example.expected;
    return { description: `example ${index + 1}`, vars, assert: [assertionFor(spec.grader, example, index)] };
  });

  const config: PromptfooConfig = {
    description: options.description ?? defaultDescription(spec),
    prompts,
    providers,
    tests,
    sharing: false,
  };
  if (spec.grader.kind === 'rubric') {
    const judge = options.judgeModel ?? (options.apiBaseUrl ? endpointName(spec.models[0]!) : undefined);
    if (judge !== undefined) {
      const provider = providerFor(judge);
      config.defaultTest = { options: { provider: provider.config ? provider : provider.id } };
    }
  }
  return { config, fileName: PROMPTFOO_FILE_NAME };
}

function defaultDescription(spec: TrialSpec): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const variants = spec.prompts.length - 1;
  const prompts = variants === 0 ? 'the prompt' : `the prompt and ${count(variants, 'variant', 'variants')}`;
  return `Prompt trial: ${prompts} on ${count(spec.models.length, 'model', 'models')} over ${count(spec.examples.length, 'example', 'examples')}, graded ${spec.grader.kind}`;
}

/** The assertion that grades one example's answer the way the trial's grader does. */
function assertionFor(grader: Grader, example: TrialExample, index: number): PromptfooAssertion {
  const expected = (): string => {
    if (example.expected === undefined || example.expected.trim() === '') throw new Error(`example ${index + 1} has no expected answer, which the ${grader.kind} grader compares with`);
    return example.expected;
  };
  switch (grader.kind) {
    case 'exact':
      return { type: 'javascript', value: [`// exact: equal once both are normalised (${NORMALISED})`, NORMALISE_JS, `return norm(output) === norm(${jsString(expected())});`].join('\n') };
    case 'contains':
      // Promptfoo's icontains: the expected text inside the answer, case-insensitive.
      return { type: 'icontains', value: templateLiteral(expected()) };
    case 'label':
      return {
        type: 'javascript',
        value: [
          `// label: the normalised answer is one of the labels, and it is the expected one (${NORMALISED})`,
          NORMALISE_JS,
          `const labels = [${grader.labels.map(jsString).join(', ')}].map(norm);`,
          'const answer = norm(output);',
          `return labels.includes(answer) && answer === norm(${jsString(expected())});`,
        ].join('\n'),
      };
    case 'regex':
      if (grader.flags) {
        // Promptfoo's regex assertion takes no flags.
        return {
          type: 'javascript',
          value: `// regex with flags, on the answer without surrounding space\nreturn new RegExp(${jsString(grader.pattern)}, ${jsString(grader.flags)}).test(output.trim());`,
        };
      }
      // The trial tests the answer without surrounding space: a model's final newline does not fail `^\d+$`.
      return { type: 'regex', value: templateLiteral(grader.pattern), transform: 'output.trim()' };
    case 'json':
      return grader.schema === undefined ? { type: 'is-json' } : { type: 'is-json', value: templateLiteral(JSON.stringify(forPromptfooAjv(grader.schema), null, 2)) };
    case 'number': {
      const want = firstNumber(expected());
      if (want === null) throw new Error(`example ${index + 1}'s expected answer has no number for the number grader to compare with`);
      return {
        type: 'javascript',
        value: [
          `// number: the answer's first number within ${grader.tolerance} of ${want}`,
          'const firstNumber = (text) => {',
          `  const match = /${NUMBER_PATTERN.source}/${NUMBER_PATTERN.flags}.exec(String(text));`,
          "  return match === null ? null : (match[1] === '' ? 1 : -1) * Number(match[2].replaceAll(',', ''));",
          '};',
          'const got = firstNumber(output);',
          `return got !== null && Math.abs(got - ${want}) <= ${grader.tolerance} + 1e-9 * Math.max(1, Math.abs(${want}));`,
        ].join('\n'),
      };
    }
    case 'rubric':
      return { type: 'llm-rubric', value: templateLiteral(grader.rubric) };
  }
}

const NORMALISED = 'case, surrounding space, quotes and backticks, a final full stop, runs of inner space';

/** `norm`, in the JavaScript of an assertion: what makes two answers the same for `exact` and `label`. */
const NORMALISE_JS = [
  'const norm = (text) => {',
  '  let now = String(text);',
  '  let before;',
  '  do {',
  '    before = now;',
  "    now = now.trim().replace(/^[\"'`“”‘’«»]+|[\"'`“”‘’«»]+$/g, '').replace(/\\.$/, '');",
  '  } while (now !== before);',
  "  return now.replace(/\\s+/g, ' ').toLowerCase();",
  '};',
].join('\n');

/** The first number written in a text: `1,234.5`, `-3`, `−3`, `42%`; a hyphen after a letter or digit is no sign (COVID-19 is 19). */
const NUMBER_PATTERN = /(?<![\p{L}\p{N}.])([-−]?)(\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)/u;

function firstNumber(text: string): number | null {
  const match = NUMBER_PATTERN.exec(text);
  return match === null ? null : (match[1] === '' ? 1 : -1) * Number(match[2]!.replaceAll(',', ''));
}

/**
 * A string literal for an assertion's JavaScript. Promptfoo renders the code with Nunjucks
 * first, so no `{` or `#` is left bare in the team's text (Nunjucks refuses even a lone `#}`):
 * `\u007b` and `\u0023` are the same characters to JavaScript.
 */
function jsString(text: string): string {
  return JSON.stringify(text).replaceAll('{', '\\u007b').replaceAll('#', '\\u0023');
}

/**
 * `text` for a string Promptfoo renders with Nunjucks, so that rendering gives `text` back:
 * `{{ '{' }}` stands for each `{` that would open a tag (`{{`, `{%`, `{#`) and `{{ '#' }}` for
 * the `#` of a `#}` (which Nunjucks refuses outside a comment), and a leading `file://` or
 * `package:` is put behind an empty `{{ '' }}` so Promptfoo does not read a file.
 */
export function templateLiteral(text: string): string {
  const escaped = text.replace(/\{(?=[{%#])|#(?=\})/g, (char) => `{{ '${char}' }}`);
  return /^(?:file:\/\/|package:)/.test(escaped) ? `{{ '' }}${escaped}` : escaped;
}

/** Whether a var holds something Promptfoo would act on: a `{{`, a leading `file://` or `package:`, a final newline. */
function needsBreak(text: string): boolean {
  return text.includes('{{') || /^(?:file:\/\/|package:)/.test(text) || text.endsWith('\n');
}

/** `text` with {@link TEMPLATE_BREAK} where Promptfoo would act on it; removing every break gives `text` back. */
export function breakTemplates(text: string): string {
  let broken = text.replace(/\{(?=\{)/g, `{${TEMPLATE_BREAK}`);
  if (/^(?:file:\/\/|package:)/.test(broken)) broken = TEMPLATE_BREAK + broken;
  if (broken.endsWith('\n')) broken += TEMPLATE_BREAK;
  return broken;
}

/**
 * The schema as Promptfoo's validator takes it: one draft-07 Ajv shared by every test, so a top-level
 * `$id` would clash from the second test on and a `$schema` naming another draft is not known to it.
 */
function forPromptfooAjv(schema: Record<string, unknown>): Record<string, unknown> {
  const { $id: _id, $schema: _draft, ...rest } = schema;
  return rest;
}
