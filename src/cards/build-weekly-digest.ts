import type { VerdictRecord } from '../conversation/conversation-store.js';
import type { DigestWeek } from '../conversation/digest-week.js';
import { formatUsd, plural } from '../format/format-numbers.js';
import { VERDICT_KINDS } from '../verdict/verdict-kinds.js';
import type { Card, CardBlock, CardField, CardListItem } from './card-model.js';
import { PLATFORM_NAMES } from './build-summary-card.js';
import { VERDICT_LABELS } from '../verdict/verdict-kinds.js';
import { said } from './said-text.js';
import { DECISION_PATHS, describeDecision, type Decision, type DecisionPath } from './describe-decision.js';

/** The decisions listed by the money they are about: enough to act on, short enough for a phone. */
export const DIGEST_BIGGEST = 5;

const PATH_NAMES: Record<DecisionPath, string> = { prompting: 'Prompting', 'fine-tuning': 'Fine-tuning', both: 'Both' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "30 Nov 2026, 08:00": a date a manager reads at a glance. */
function dayAndHour(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${String(d.getUTCHours()).padStart(2, '0')}:00`;
}

function byKind(records: readonly VerdictRecord[]): CardField[] {
  return VERDICT_KINDS.map((kind) => ({ kind, n: records.filter((r) => r.verdict.verdict === kind).length }))
    .filter(({ n }) => n > 0)
    .map(({ kind, n }) => ({ label: VERDICT_LABELS[kind], value: String(n) }));
}

/** Each path's monthly spend once this week's verdicts are followed, with what training costs first. */
function spendByPath(decisions: readonly Decision[], unpriced: number): CardField[] {
  const fields = DECISION_PATHS.flatMap((path) => {
    const on = decisions.filter((d) => d.path === path);
    if (!on.length) return [];
    const monthly = on.reduce((sum, d) => sum + d.recommended.monthly, 0);
    const upFront = on.reduce((sum, d) => sum + (path === 'prompting' ? 0 : d.recommended.upFront), 0);
    const first = upFront > 0 ? `, after ${formatUsd(upFront)} up front` : '';
    return [{ label: PATH_NAMES[path], value: `${formatUsd(monthly)}/month${first} (${plural(on.length, 'verdict')})` }];
  });
  if (unpriced > 0) fields.push({ label: 'Not priced', value: `${plural(unpriced, 'verdict')}: asked too early for costs` });
  return fields;
}

/** The week's largest decisions by the monthly money they compare, each with who asked and, where known, its link. */
function biggest(priced: readonly { record: VerdictRecord; decision: Decision }[]): CardListItem[] {
  return [...priced]
    .sort((a, b) => b.decision.atStake - a.decision.atStake || b.record.createdAt.localeCompare(a.record.createdAt))
    .slice(0, DIGEST_BIGGEST)
    .map(({ record, decision }, i) => ({
      marker: `${i + 1}.`,
      text: `${record.task === null ? 'a task not described' : said(record.task)} (${said(record.ownerName)}, ${PLATFORM_NAMES[record.platform]})`,
      detail: `${decision.line}${record.link ? ` · [Open](${record.link})` : ''}`,
    }));
}

/**
 * The weekly digest posted in each managers' thread: the week's verdicts by kind, the monthly
 * spend they project on each path, and the biggest decisions with links. The task text goes in
 * as typed, as in the per-verdict summaries, and is rendered (and cut) the same way.
 */
export function buildWeeklyDigest(week: DigestWeek, records: readonly VerdictRecord[]): Card {
  const priced = records.flatMap((record) => {
    const decision = describeDecision(record.verdict);
    return decision ? [{ record, decision }] : [];
  });
  const title = `Verdicts of the week to ${dayAndHour(week.to).split(',')[0]}`;
  const when = `${dayAndHour(week.from)} to ${dayAndHour(week.to)} UTC`;
  if (!records.length) return { kind: 'summary', title, blocks: [{ type: 'text', text: `No verdicts from Slack or Teams, ${when}.` }] };
  const blocks: CardBlock[] = [
    { type: 'text', text: `${plural(records.length, 'verdict')} from Slack and Teams, ${when}.` },
    { type: 'heading', text: 'By kind' },
    { type: 'fields', fields: byKind(records) },
    { type: 'heading', text: 'Projected spend a month' },
    {
      type: 'fields',
      fields: spendByPath(
        priced.map((p) => p.decision),
        records.length - priced.length,
      ),
    },
  ];
  if (priced.length) blocks.push({ type: 'list', title: 'Biggest decisions', items: biggest(priced) });
  blocks.push({
    type: 'context',
    text: "Spend: each verdict's recommended path, at its prices on the day; a step to take first counts as prompting meanwhile. Biggest: by the largest monthly cost each decision compares.",
  });
  return { kind: 'summary', title, blocks };
}
