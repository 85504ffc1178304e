/**
 * How the catalogue's names map onto @pydantic/genai-prices' names, for `prices --check`.
 * Explicit on purpose: the library's own name matching is loose (it would price a
 * "claude-sonnet-5.5" as its "claude-sonnet-5"), so a row is compared only with the library
 * model named here, or with one whose id is exactly the row's id or snapshot.
 */

/** Our provider ids → the library's. A provider not listed here is reported, never skipped. */
export const LIBRARY_PROVIDER_IDS: Readonly<Record<string, string>> = {
  openai: 'openai',
  // The library's Azure prices its OpenAI models as OpenAI's (its fallback to "openai").
  'azure-openai': 'azure',
  anthropic: 'anthropic',
  // One provider in the library for the Gemini API and Vertex AI (both pricing pages).
  'google-vertex': 'google',
  'aws-bedrock': 'aws',
  together: 'together',
  fireworks: 'fireworks',
  mistral: 'mistral',
};

/** Providers whose prices are the customer's own (their hardware, their contract): nothing public to check against. */
export const UNCHECKABLE_PROVIDERS: readonly string[] = ['self-hosted'];

/** Our model ids → the library's, where they differ (the same id, or the row's snapshot, needs no entry). */
export const LIBRARY_MODEL_IDS: Readonly<Record<string, string>> = {
  'azure-gpt-4o': 'gpt-4o',
  'azure-gpt-4o-mini': 'gpt-4o-mini',
  'azure-gpt-4.1-mini': 'gpt-4.1-mini',
  'claude-opus-4.5': 'claude-opus-4-5',
  'claude-sonnet-4.5': 'claude-sonnet-4-5',
  'claude-haiku-4.5': 'claude-haiku-4-5',
  'claude-opus-5.5': 'claude-opus-5-5',
  'nova-pro': 'amazon.nova-pro-v1:0',
  'nova-lite': 'amazon.nova-lite-v1:0',
  'nova-micro': 'amazon.nova-micro-v1:0',
  // The library's Fireworks ids drop the accounts/fireworks/models/ prefix of the API's.
  'llama-3.1-70b-fireworks': 'llama-v3p1-70b-instruct',
};
