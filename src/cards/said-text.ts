/**
 * A person's words inside a card's strings. Cards mix the product's own text (which may carry
 * its mentions `<@U…>` and links `[label](https://…)`) with what a person typed: a task, an
 * answer, a model's name, a display name. `said()` marks the typed part so that each renderer
 * shows it as words, escaped for its surface exactly once, and never as a mention, link, image
 * or formatting. The marks are two private-use characters, so they survive the renderers' cuts
 * and joins (one string, no change of type); every renderer removes them.
 */

/** Opens a person's words. */
export const SAID_OPEN = '\uE000';
/** Closes a person's words. */
export const SAID_CLOSE = '\uE001';

const MARKS = /[\uE000\uE001]/g;

/** A person's words, marked; marks already in them (typed, or from an earlier `said`) are dropped. */
export function said(text: string): string {
  const words = text.replace(MARKS, '');
  return words ? `${SAID_OPEN}${words}${SAID_CLOSE}` : '';
}

/** The text without marks: where a surface shows everything as plain text anyway. */
export function unmarked(text: string): string {
  return text.includes(SAID_OPEN) || text.includes(SAID_CLOSE) ? text.replace(MARKS, '') : text;
}

export interface TextRun {
  text: string;
  /** True: a person's words, to be shown as typed. */
  said: boolean;
}

/**
 * The text as runs of the product's text and a person's words. A cut may have dropped a close
 * mark (the words then run to the end) or an open one (the words run from the start).
 */
export function textRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let inside = false;
  let current = '';
  const flush = (saidRun: boolean) => {
    if (current) runs.push({ text: current, said: saidRun });
    current = '';
  };
  for (const ch of text) {
    if (ch === SAID_OPEN) {
      flush(inside);
      inside = true;
    } else if (ch === SAID_CLOSE) {
      flush(true);
      inside = false;
    } else current += ch;
  }
  flush(inside);
  // Neighbouring runs of the same kind read as one.
  return runs.reduce<TextRun[]>((all, run) => {
    const last = all[all.length - 1];
    if (last && last.said === run.said) last.text += run.text;
    else all.push({ ...run });
    return all;
  }, []);
}

/** The text with a person's words passed through `escapeSaid` and the product's through `escapeOwn`. */
export function mapRuns(text: string, escapeSaid: (words: string) => string, escapeOwn: (own: string) => string = (own) => own): string {
  // Most texts are the product's alone: no runs to split (renderers call this on every string, several times while fitting).
  if (!text.includes(SAID_OPEN) && !text.includes(SAID_CLOSE)) return escapeOwn(text);
  return textRuns(text)
    .map((run) => (run.said ? escapeSaid(run.text) : escapeOwn(run.text)))
    .join('');
}

/** A Slack mention the adapter built from the payload's user id: the only asker label shown as a mention. */
const PAYLOAD_MENTION = /^<@[UW][A-Z0-9]+>$/;

/**
 * How a card names the asker: the Slack adapter's `<@U…>` (built from the request's user id,
 * never from text) stays a mention; any other label (a Teams display name, a terminal user) is
 * that person's own words.
 */
export function askerLabel(label: string): string {
  return PAYLOAD_MENTION.test(label) ? label : said(label);
}

/**
 * A product text that quotes a person's words (a reason naming the model the team typed): each
 * place they appear marked as theirs. Words already marked, or empty, leave the text as it is.
 */
export function markQuoted(text: string, words: string | undefined): string {
  const plain = words ? unmarked(words) : '';
  if (!plain || text.includes(SAID_OPEN)) return text;
  return text.split(plain).join(said(plain));
}
