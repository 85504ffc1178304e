import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { exportPromptfooConfig, type PromptfooConfig, type PromptfooExport, type PromptfooExportOptions, TEMPLATE_BREAK } from '../../src/trial/export-promptfoo.js';
import type { TrialSpec } from '../../src/trial/trial-spec.js';

/** How the export writes a `{` that would open a Nunjucks tag, and the `#` of a `#}`. */
const ESCAPES = ["{{ '{' }}", "{{ '#' }}"];

export interface PromptfooYamlExport extends PromptfooExport {
  /** The file's text: a comment saying how to run it, then the configuration. */
  yaml: string;
}

/** A trial as the Promptfoo configuration file that `npx promptfoo eval` runs as it is. */
export function exportPromptfooYaml(spec: TrialSpec, options: PromptfooExportOptions): PromptfooYamlExport {
  const exported = exportPromptfooConfig(spec, options);
  return { ...exported, yaml: renderPromptfooYaml(exported) };
}

/** The configuration as YAML, under a header that says how to run it and what it holds. */
export function renderPromptfooYaml({ config, fileName }: PromptfooExport): string {
  const header = [
    `Promptfoo configuration: ${config.description.replace(/\s+/g, ' ')}`,
    "Exported by finetune-advisor. It holds the team's own prompts and examples: keep it where those may be kept.",
    '',
    'Run it with the endpoint key in the environment (the key is not written in this file):',
    `  OPENAI_API_KEY=… npx promptfoo@latest eval -c ${fileName}`,
    'then `npx promptfoo@latest view` shows the prompts and models side by side.',
    'Promptfoo sends anonymous usage telemetry unless PROMPTFOO_DISABLE_TELEMETRY=1 is set.',
    ...notes(config),
  ];
  const body = stringify(config, { lineWidth: 0, aliasDuplicateObjects: false });
  return `${header.map((line) => (line === '' ? '#' : `# ${line}`)).join('\n')}\n\n${body}`;
}

/** Writes the file into `directory` (readable by its owner only, as it holds the examples); returns its path. */
export async function writePromptfooYaml(directory: string, exported: PromptfooYamlExport): Promise<string> {
  const path = join(directory, exported.fileName);
  await writeFile(path, exported.yaml, { encoding: 'utf8', mode: 0o600 });
  return path;
}

function notes(config: PromptfooConfig): string[] {
  const lines: string[] = [];
  if (config.tests.some((test) => test.vars.input.includes(TEMPLATE_BREAK) || test.vars.expected?.includes(TEMPLATE_BREAK))) {
    lines.push(
      '',
      'Some examples carry an invisible U+E000 (inside "{{", before a leading file:// or package:, after a final newline),',
      'which the user message removes before sending: Promptfoo would otherwise fill "{{ … }}" from its vars and the',
      'environment, read a file, or cut the newline.',
    );
  }
  const templated = [...config.prompts.map((prompt) => prompt.raw), ...config.tests.flatMap((test) => test.assert.map((assertion) => assertion.value ?? ''))];
  if (templated.some((text) => ESCAPES.some((mark) => text.includes(mark)))) {
    lines.push('', `Promptfoo reads prompts and checks as Nunjucks templates: there ${ESCAPES[0]} stands for a "{" of the team's text, ${ESCAPES[1]} for a "#".`);
  }
  if (config.tests.some((test) => test.assert.some((assertion) => assertion.type === 'llm-rubric')) && config.defaultTest === undefined) {
    lines.push('', "No judge model was set: Promptfoo's default grader (on OpenAI's API) judges the rubric.");
  }
  return lines;
}
