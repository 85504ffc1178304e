/**
 * The pages the Teams manifest links to (the developer's website, privacy and terms), served by
 * the service itself so an install never points at nothing. Plain and true to what it stores.
 */
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><meta name="viewport" content="width=device-width"></head>` +
  `<body style="font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;line-height:1.5"><h1>${title}</h1>${body}</body></html>`;

export const INFO_PAGES: Record<string, string> = {
  '/': page(
    'finetune-advisor',
    "<p>Keep improving the prompt, or fine-tune? A short interview in Slack or Microsoft Teams, then a verdict with the reasons, the common mistakes spotted and a cost breakdown over your own volumes and the providers' dated prices.</p>" +
      '<p>This service is run by your organisation. See <a href="/privacy">privacy</a> and <a href="/terms">terms</a>.</p>',
  ),
  '/privacy': page(
    'Privacy',
    '<p>This deployment of finetune-advisor stores, in its own database: each interview (who started it, the answers given, where it runs), each verdict, the ids of Slack and Teams events it has processed (for two days), Slack workspace installations (their tokens), and the Teams channels that subscribed to verdict summaries.</p>' +
      "<p>Prompt trials: the prompt, its variants and the examples you give a trial are sent to the language-model endpoint your administrator configured, to be answered and graded. The service keeps them, with the answers, only for the trial's summary, its failure samples (up to three a group of failures) and its Promptfoo file, and deletes all of it after the retention period your administrator set (TRIAL_RETENTION_DAYS, 7 days by default); the interview keeps only the measured figures. The results card and the Promptfoo file posted in Slack or Teams are kept there under your workspace's own retention. Examples and answers are never written to the log.</p>" +
      '<p>It sends nothing anywhere but to Slack and Microsoft Teams, to post the interview and the verdicts, and, if your administrator configured one, to a language model to read a task description and run prompt trials. It logs requests without message text. Ask your administrator to delete data.</p>',
  ),
  '/terms': page(
    'Terms of use',
    "<p>finetune-advisor gives advice from published rules of thumb and dated public prices; it is not a guarantee of cost or quality. Check prices with your provider before you commit. Your organisation's own terms for internal tools apply.</p>",
  ),
};
