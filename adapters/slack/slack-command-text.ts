/** What `/finetune-advisor <text>` asks for. */
export type SlackCommand = { kind: 'start'; task: string } | { kind: 'help' } | { kind: 'history' } | { kind: 'trial' } | { kind: 'unknown'; word: string };

const SUBCOMMANDS = new Set(['help', 'history', 'start', 'trial']);

/**
 * Text as the person typed it, from the way Slack sends it (`&`, `<` and `>` escaped as
 * `&amp;`, `&lt;`, `&gt;`): decoded once here, so the renderers escape it once on the way out.
 */
export function typedText(slackText: string): string {
  return slackText.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function parseCommandText(text: string | undefined): SlackCommand {
  const trimmed = typedText(text ?? '').trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const word = first.toLowerCase();
  if (word === 'help' || word === '?') return { kind: 'help' };
  if (word === 'history' && rest.length === 0) return { kind: 'history' };
  if (word === 'trial' && rest.length === 0) return { kind: 'trial' };
  if (word === 'start') return { kind: 'start', task: rest.join(' ') };
  // One word that is not a subcommand is more likely a typo ("histroy") than a task.
  if (trimmed && rest.length === 0 && !SUBCOMMANDS.has(word) && /^[a-z-]+$/i.test(word)) return { kind: 'unknown', word: first };
  return { kind: 'start', task: trimmed };
}

export const SLACK_USAGE = [
  '*finetune-advisor* — keep improving the prompt, or fine-tune? A few questions in a thread, then a verdict with the costs.',
  '• `/finetune-advisor <your task>` starts an interview, e.g. `/finetune-advisor classify 50k support tickets a day into 12 queues`',
  '• `/finetune-advisor start` starts one without a description',
  '• `/finetune-advisor history` lists your last verdicts',
  '• `/finetune-advisor trial` runs your prompt on your own examples, for the interview running in this channel',
  '• `/finetune-advisor help` shows this',
  'Answer with the buttons, or reply in the thread: `4k`, `10M a month`, `250k/day`, `8/10`, `80%`.',
].join('\n');
