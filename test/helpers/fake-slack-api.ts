/** The fake Slack lives with the local-trial tool (`npm run slack:local`); tests use the same one. */
export * from '../../tools/slack/fake-slack-api.js';
