import type { TrialSpec } from '../../src/index.js';
import type { TrialConfig } from '../config/load-trial-config.js';
import { exportPromptfooYaml, type PromptfooYamlExport } from './write-promptfoo-yaml.js';

/** The trial as a Promptfoo configuration, with the endpoint's model names: for the team to keep testing after the advice. */
export function promptfooExportOf(spec: TrialSpec, config: TrialConfig): PromptfooYamlExport {
  const name = (id: string) => config.modelNames[id] ?? id;
  return exportPromptfooYaml(spec, {
    providerIds: Object.fromEntries(spec.models.map((m) => [m, name(m)])),
    ...(config.baseURL ? { apiBaseUrl: config.baseURL } : {}),
    ...(config.judgeModel ? { judgeModel: name(config.judgeModel) } : {}),
  });
}
