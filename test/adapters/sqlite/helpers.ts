import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { loadPriceCatalogue } from '../../../adapters/catalogue/load-price-catalogue.js';
import { openDatabase, type Database } from '../../../adapters/sqlite/open-database.js';
import { adviseFromAnswers, type Conversation, type Verdict, type VerdictRecord } from '../../../src/index.js';

const made: string[] = [];
const opened: Database[] = [];

/** Closes every database a test opened and removes its folder. */
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'advisor-sqlite-'));
  made.push(dir);
  return dir;
}

/** A database path in a fresh folder, in a sub-folder that does not exist yet. */
export function freshDbPath(): string {
  return join(freshDir(), 'data', 'advisor.db');
}

/** Opens (and later closes) a database file the way the app does. */
export function open(path: string, options?: { readonly?: boolean }): Database {
  const db = openDatabase(path, options);
  opened.push(db);
  return db;
}

/** A clock the test moves by hand. */
export function manualClock(start = '2026-11-23T09:00:00.000Z'): { now: () => Date; advanceHours: (h: number) => void } {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), advanceHours: (h) => (t += h * 3_600_000) };
}

/** An interview in progress on Slack, one question answered. */
export function activeConversation(changes: Partial<Conversation> = {}): Conversation {
  return {
    id: 'slack:T1:C1:1763888400.000100',
    platform: 'slack',
    ownerId: 'U123',
    ownerLabel: '<@U123>',
    status: 'active',
    version: 1,
    answers: { task: 'Route support tickets to 12 queues', taskKind: 'classification' },
    skipped: [],
    history: ['taskKind'],
    pending: 'testedExamples',
    suggested: {},
    refs: { kind: 'slack', channel: 'C1', threadTs: '1763888400.000100', teamId: 'T1', ownerName: 'alice' },
    verdictId: null,
    createdAt: '2026-11-23T09:00:00.000Z',
    updatedAt: '2026-11-23T09:01:00.000Z',
    ...changes,
  };
}

/** The conversation one turn later. */
export function nextTurnOf(conv: Conversation, changes: Partial<Conversation> = {}): Conversation {
  return { ...conv, version: conv.version + 1, updatedAt: '2026-11-23T09:02:00.000Z', ...changes };
}

/** A real verdict from the core: five tested examples is too few, so "test prompts first". */
export function realVerdict(): Verdict {
  const advice = adviseFromAnswers({ testedExamples: 5 }, { catalogue: loadPriceCatalogue(), asOf: '2026-11-23' });
  if (!advice.ok) throw new Error(advice.errors.join('\n'));
  return advice.verdict;
}

/** A verdict record for `conv`, as the adapter keeps it. */
export function verdictRecordFor(conv: Conversation, changes: Partial<VerdictRecord> = {}): VerdictRecord {
  return {
    id: `${conv.id}#${conv.version}`,
    conversationId: conv.id,
    platform: conv.platform,
    ownerId: conv.ownerId,
    ownerLabel: conv.ownerLabel,
    ownerName: 'Alice',
    task: conv.answers.task ?? null,
    verdict: realVerdict(),
    link: null,
    createdAt: '2026-11-23T09:05:00.000Z',
    ...changes,
  };
}
