import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Transactions } from './transactions';

describe('Transactions on SQLite (group commit)', () => {
  let dataSource: DataSource;
  let transactions: Transactions;

  beforeEach(async () => {
    dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:' }).initialize();
    await dataSource.query('CREATE TABLE items (value integer NOT NULL UNIQUE)');
    transactions = new Transactions(dataSource);
  });

  afterEach(() => dataSource.destroy());

  const count = async () => Number((await dataSource.query('SELECT COUNT(*) AS n FROM items'))[0].n);

  it('keeps the work of every caller whose work succeeded, and rolls back only the one that failed', async () => {
    const runs = Array.from({ length: 50 }, (_, i) =>
      transactions.run(async (db) => {
        await db.query('INSERT INTO items (value) VALUES (?)', [i]);
        await db.query('INSERT INTO items (value) VALUES (?)', [1000 + i]);
        if (i === 17) await db.query('INSERT INTO items (value) VALUES (?)', [3]); // duplicate: this unit fails
        return i;
      }),
    );
    const results = await Promise.allSettled(runs);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect((results[17] as PromiseRejectedResult).reason.message).toMatch(/UNIQUE/);
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value)).toHaveLength(49);
    expect(await count()).toBe(98);
    const values = (await dataSource.query('SELECT value FROM items WHERE value IN (17, 1017)')) as unknown[];
    expect(values).toEqual([]); // neither statement of the failed unit survived
  });

  it('answers a caller only once its work is committed (visible to another connection)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-tx-'));
    const file = join(dir, 'tx.sqlite');
    const onFile = await new DataSource({ type: 'better-sqlite3', database: file }).initialize();
    await onFile.query('CREATE TABLE items (value integer NOT NULL UNIQUE)');
    const reader = new Database(file, { readonly: true });
    try {
      const grouped = new Transactions(onFile);
      const seenOnAnswer = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          grouped.run((db) => db.query('INSERT INTO items (value) VALUES (?)', [i])).then(() => reader.prepare('SELECT 1 FROM items WHERE value = ?').get(i) !== undefined),
        ),
      );
      expect(seenOnAnswer).toEqual(Array(20).fill(true));
    } finally {
      reader.close();
      await onFile.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs work queued after a failure as usual', async () => {
    await expect(transactions.run(() => Promise.reject(new Error('nope')))).rejects.toThrow('nope');
    await transactions.run((db) => db.query('INSERT INTO items (value) VALUES (1)'));
    expect(await count()).toBe(1);
  });

  it('runs a task between commits: after the work queued before it is committed, before the work queued after it starts', async () => {
    const before = Array.from({ length: 5 }, (_, i) => transactions.run((db) => db.query('INSERT INTO items (value) VALUES (?)', [i])));
    const seenByTask: number[] = [];
    const task = transactions.betweenCommits(async () => {
      seenByTask.push(await count());
      await new Promise((resolve) => setTimeout(resolve, 20)); // work queued now must wait
      seenByTask.push(await count());
      return 'done';
    });
    const after = transactions.run((db) => db.query('INSERT INTO items (value) VALUES (100)'));
    await expect(task).resolves.toBe('done');
    await Promise.all([...before, after]);
    expect(seenByTask).toEqual([5, 5]);
    expect(await count()).toBe(6);
  });

  it('goes on with the queue when a task between commits fails', async () => {
    await expect(transactions.betweenCommits(() => Promise.reject(new Error('worker gone')))).rejects.toThrow('worker gone');
    await transactions.run((db) => db.query('INSERT INTO items (value) VALUES (1)'));
    expect(await count()).toBe(1);
  });
});
