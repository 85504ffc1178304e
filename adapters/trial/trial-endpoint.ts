import OpenAI from 'openai';
import type { TrialConfig } from '../config/load-trial-config.js';
import type { TrialEndpoint } from './run-trial.js';

/** The endpoint a trial calls: the openai SDK, retrying 429s and 5xx with its backoff (it honours Retry-After). */
export function trialEndpoint(config: TrialConfig, options: { maxRetries?: number; fetch?: typeof fetch } = {}): TrialEndpoint {
  const client = new OpenAI({
    apiKey: config.apiKey,
    ...(config.baseURL ? { baseURL: config.baseURL } : {}),
    // Each retry of a timed-out call waits the whole timeout again: few retries, and the run stops after timeouts in a row.
    maxRetries: options.maxRetries ?? 2,
    timeout: config.limits.timeoutMs,
    // The SDK's debug log would print the team's examples.
    logLevel: 'off',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return { client, modelName: (id) => config.modelNames[id] ?? id, baseUrlShown: config.baseURL ?? 'https://api.openai.com/v1' };
}
