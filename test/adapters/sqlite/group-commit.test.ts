import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../adapters/sqlite/group-commit.js';
import { freshDbPath, open } from './helpers.js';

/** The service's file, a table to write to, and a second connection that sees only what is committed. */
function setUp(): { writer: Database.Database; reader: Database.Database; group: GroupCommit; rows: () => string[] } {
  const path = freshDbPath();
  const writer = open(path);
  writer.exec('CREATE TABLE notes (text TEXT NOT NULL UNIQUE)');
  const reader = open(path, { readonly: true });
  const rows = () => (reader.prepare('SELECT text FROM notes ORDER BY rowid').all() as { text: string }[]).map((r) => r.text);
  return { writer, reader, group: new GroupCommit(writer), rows };
}

function note(db: Database.Database, text: string): number {
  return Number(db.prepare('INSERT INTO notes (text) VALUES (?)').run(text).lastInsertRowid);
}

describe('committing several writes as one', () => {
  it('answers a write only once it is committed: another connection already sees it', async () => {
    const { writer, group, rows } = setUp();
    const id = await group.run(() => note(writer, 'first'));
    expect(id).toBe(1);
    expect(rows()).toEqual(['first']);
  });

  it('commits the writes that arrive together in one transaction, in the order they came', async () => {
    const { writer, group, rows } = setUp();
    const seen: string[][] = [];
    const first = group.run(() => note(writer, 'a')).then(() => seen.push(rows()));
    const second = group.run(() => note(writer, 'b'));
    const third = group.run(() => (writer.prepare('SELECT COUNT(*) AS n FROM notes').get() as { n: number }).n);
    expect(rows()).toEqual([]); // nothing is written before the batch runs
    const [, , countSeenByThird] = await Promise.all([first, second, third]);
    // When the first was answered, the other two were in the file already: one commit for all three.
    expect(seen).toEqual([['a', 'b']]);
    // Each write sees the ones queued before it.
    expect(countSeenByThird).toBe(2);
  });

  it('rolls back only the write that fails; the others in its batch are kept', async () => {
    const { writer, group, rows } = setUp();
    const results = await Promise.allSettled([
      group.run(() => note(writer, 'kept')),
      group.run(() => {
        note(writer, 'undone');
        throw new Error('the turn changed its mind');
      }),
      group.run(() => note(writer, 'also kept')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('the turn changed its mind');
    expect(rows()).toEqual(['kept', 'also kept']);
  });

  it('fails every write of a batch whose commit fails, and keeps none of them', async () => {
    const { writer, group, rows } = setUp();
    // A deferred foreign key is checked at COMMIT: the batch's commit itself fails.
    writer.exec('PRAGMA foreign_keys = ON; CREATE TABLE parents (id INTEGER PRIMARY KEY); CREATE TABLE children (parent INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED)');
    const results = await Promise.allSettled([group.run(() => note(writer, 'innocent')), group.run(() => writer.prepare('INSERT INTO children (parent) VALUES (42)').run())]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason.message)).toMatch(/FOREIGN KEY/);
    expect(rows()).toEqual([]);
    expect(writer.inTransaction).toBe(false);
    // The next batch starts clean.
    await group.run(() => note(writer, 'after'));
    expect(rows()).toEqual(['after']);
  });

  it('refuses a write given as an async function, which would run outside the transaction', async () => {
    const { writer, group, rows } = setUp();
    await expect(group.run(async () => note(writer, 'late'))).rejects.toThrow(/synchronous/);
    expect(rows()).toEqual([]);
  });

  it('commits what is waiting when asked (a store closing), without waiting for the batch to run', async () => {
    const { writer, group, rows } = setUp();
    const pending = group.run(() => note(writer, 'just in time'));
    group.commitNow();
    expect(rows()).toEqual(['just in time']);
    await expect(pending).resolves.toBe(1);
    writer.close();
  });

  it('fails the batch with the error itself when SQLite undid the whole transaction under a write', async () => {
    const { writer, group, rows } = setUp();
    const results = await Promise.allSettled([
      group.run(() => note(writer, 'lost with the batch')),
      group.run(() => {
        // What SQLite does on a full disk or an I/O error: the transaction is gone, savepoints and all.
        writer.exec('ROLLBACK');
        throw new Error('database or disk is full');
      }),
    ]);
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'kept'))).toEqual(['database or disk is full', 'database or disk is full']);
    expect(rows()).toEqual([]);
    await group.run(() => note(writer, 'after'));
    expect(rows()).toEqual(['after']);
  });

  it('leaves alone a transaction it did not open, and answers every write of its batch', async () => {
    const { writer, group, rows } = setUp();
    writer.exec('BEGIN');
    note(writer, 'someone else’s');
    const refused = group.run(() => note(writer, 'queued'));
    group.commitNow();
    await expect(refused).rejects.toThrow(/within a transaction/);
    // The transaction that was open is still open, with what it wrote.
    expect(writer.inTransaction).toBe(true);
    writer.exec('COMMIT');
    expect(rows()).toEqual(['someone else’s']);
  });

  it('runs a write queued by a write in the next batch, not inside its own', async () => {
    const { writer, group, rows } = setUp();
    let inner: Promise<number> | undefined;
    const outer = group.run(() => {
      inner = group.run(() => note(writer, 'inner'));
      group.commitNow(); // a flush asked for from inside a flush does nothing
      return note(writer, 'outer');
    });
    await expect(outer).resolves.toBe(1);
    await expect(inner!).resolves.toBe(2);
    expect(rows()).toEqual(['outer', 'inner']);
  });
});
