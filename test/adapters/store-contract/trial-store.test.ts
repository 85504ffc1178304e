import { describe, expect, it } from 'vitest';
import type { NewTrial, TrialSummary } from '../../../src/index.js';
import { tellPostgresSkipped } from '../../helpers/postgres.js';
import { BACKENDS } from './backends.js';

tellPostgresSkipped();

const trial = (id: string, createdAt = '2026-11-27T10:00:00.000Z'): NewTrial => ({ id, conversationId: 'slack:T1:C1:1.0', platform: 'slack', ownerId: 'U1', downloadKey: `key-${id}`, createdAt });

const summary: TrialSummary = {
  id: 't1',
  at: '2026-11-27T10:05:00.000Z',
  grader: 'label',
  examples: 2,
  models: ['gpt-4.1-mini'],
  prompts: ['the prompt'],
  cells: [],
  stopped: null,
  spentUsd: 0.01,
};

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`prompt trials on ${backend.name}`, () => {
    it('runs one trial at a time per interview, and a second start is told it is busy', async () => {
      const store = (await backend.open()).conversations();
      expect(await store.trials.startTrial(trial('t1'), '2026-11-27T09:45:00.000Z')).toBe('started');
      expect(await store.trials.startTrial(trial('t2'), '2026-11-27T09:45:00.000Z')).toBe('busy');
      expect(await store.trials.getTrial('t2')).toBeUndefined();
      expect(await store.trials.getTrial('t1')).toMatchObject({ id: 't1', status: 'running', summary: null, downloadKey: 'key-t1' });
    });

    it('lets a new trial start when the running one was not heard from since the stale time (its process died)', async () => {
      const store = (await backend.open()).conversations();
      await store.trials.startTrial(trial('t1', '2026-11-27T09:00:00.000Z'), '2026-11-27T08:45:00.000Z');
      expect(await store.trials.startTrial(trial('t2', '2026-11-27T10:00:00.000Z'), '2026-11-27T09:45:00.000Z')).toBe('started');
      expect((await store.trials.getTrial('t1'))?.status).toBe('finished');
    });

    it('carries a Cancel to the runner through its heartbeat, and keeps the results and the export once finished', async () => {
      const store = (await backend.open()).conversations();
      await store.trials.startTrial(trial('t1'), '2026-11-27T09:45:00.000Z');
      expect(await store.trials.heartbeatTrial('t1', '2026-11-27T10:01:00.000Z')).toBe('running');
      expect(await store.trials.requestTrialCancel('t1')).toBe(true);
      expect(await store.trials.heartbeatTrial('t1', '2026-11-27T10:02:00.000Z')).toBe('cancelling');
      await store.trials.finishTrial('t1', summary, 'prompts: []\n', '2026-11-27T10:03:00.000Z');
      expect(await store.trials.requestTrialCancel('t1')).toBe(false);
      expect(await store.trials.getTrial('t1')).toMatchObject({ status: 'finished', summary, exportYaml: 'prompts: []\n', updatedAt: '2026-11-27T10:03:00.000Z' });
    });

    it('deletes finished trials older than the retention period, with their examples, and nothing newer', async () => {
      const store = (await backend.open()).conversations();
      await store.trials.startTrial({ ...trial('old', '2026-11-01T10:00:00.000Z'), conversationId: 'c-old' }, '2026-11-01T09:45:00.000Z');
      await store.trials.finishTrial('old', summary, 'tests: [secret example]\n', '2026-11-01T10:05:00.000Z');
      await store.trials.startTrial({ ...trial('new', '2026-11-26T10:00:00.000Z'), conversationId: 'c-new' }, '2026-11-26T09:45:00.000Z');
      await store.trials.finishTrial('new', summary, 'tests: []\n', '2026-11-26T10:05:00.000Z');
      await store.trials.keepTrialFile('c-old', { name: 'old.csv', content: 'input\nold secret' }, '2026-11-01T10:00:00.000Z');
      await store.trials.keepTrialFile('c-new', { name: 'new.csv', content: 'input\nnew' }, '2026-11-26T10:00:00.000Z');
      expect(await store.trials.purgeTrials('2026-11-20T00:00:00.000Z')).toBe(1);
      expect(await store.trials.getTrial('old')).toBeUndefined();
      expect(await store.trials.getTrial('new')).toBeDefined();
      expect(await store.trials.trialFile('c-old')).toBeUndefined();
      expect(await store.trials.trialFile('c-new')).toEqual({ name: 'new.csv', content: 'input\nnew' });
    });

    it('deletes delivered and given-up messages older than the retention period (a results card holds failure samples), never waiting ones', async () => {
      const db = await backend.open();
      const store = db.conversations();
      const row = "INSERT INTO outbox (conversation_id, platform, actor_id, item, status, attempts, not_before, created_at) VALUES (?, 'slack', 'U1', '{}', ?, 0, ?, ?)";
      await db.run(row, 'c1', 'sent', '2026-11-01T10:00:00.000Z', '2026-11-01T10:00:00.000Z');
      await db.run(row, 'c1', 'pending', '2026-11-01T10:00:00.000Z', '2026-11-01T10:00:00.000Z');
      await db.run(row, 'c1', 'failed', '2026-11-01T10:00:00.000Z', '2026-11-01T10:00:00.000Z');
      await db.run(row, 'c1', 'sent', '2026-11-26T10:00:00.000Z', '2026-11-26T10:00:00.000Z');
      await store.trials.purgeTrials('2026-11-20T00:00:00.000Z');
      const left = await db.all<{ status: string; created_at: string }>('SELECT status, created_at FROM outbox ORDER BY id');
      expect(left).toEqual([
        { status: 'pending', created_at: '2026-11-01T10:00:00.000Z' },
        { status: 'sent', created_at: '2026-11-26T10:00:00.000Z' },
      ]);
    });

    it("keeps the newest file shared for an interview's trial", async () => {
      const store = (await backend.open()).conversations();
      await store.trials.keepTrialFile('c1', { name: 'first.csv', content: 'a' }, '2026-11-27T10:00:00.000Z');
      await store.trials.keepTrialFile('c1', { name: 'second.jsonl', content: 'b' }, '2026-11-27T10:01:00.000Z');
      expect(await store.trials.trialFile('c1')).toEqual({ name: 'second.jsonl', content: 'b' });
      expect(await store.trials.trialFile('c2')).toBeUndefined();
    });
  });
}
