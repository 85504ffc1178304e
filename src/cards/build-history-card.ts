import type { VerdictRecord } from '../conversation/conversation-store.js';
import type { Card } from './card-model.js';
import { verdictHeadline } from './build-verdict-card.js';
import { describeDecision } from './describe-decision.js';
import { said } from './said-text.js';

/**
 * A person's last verdicts (`history`): one line each with the date, the headline and the task
 * as typed, the decision's monthly cost below and a link to the full card where there is one.
 */
export function buildHistoryCard(records: readonly VerdictRecord[]): Card {
  if (!records.length) return { kind: 'message', title: 'Your verdicts', blocks: [{ type: 'text', text: 'You have no verdicts yet.' }] };
  return {
    kind: 'message',
    title: 'Your last verdicts',
    blocks: [
      {
        type: 'list',
        title: '',
        items: records.map((v) => {
          const decision = describeDecision(v.verdict)?.line;
          const open = v.link ? `[Open](${v.link})` : '';
          const detail = [decision, open].filter(Boolean).join(' · ');
          return { text: `${v.createdAt.slice(0, 10)} · ${verdictHeadline(v.verdict)} · ${v.task === null ? 'no task given' : said(v.task)}`, ...(detail ? { detail } : {}) };
        }),
      },
    ],
  };
}
