/** Signed Slack requests in real payload shapes, shared with the local-trial tool. */
export * from '../../tools/slack/slack-payloads.js';
