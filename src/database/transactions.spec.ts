import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { insertItem, insertItemNotingCommit, insertTwoItems, refuse, stopThread } from '../../test/support/write-tasks';
import { DomainError } from '../common/errors';
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

describe('Transactions on SQLite (write tasks)', () => {
  let dir: string;
  let dataSource: DataSource;
  let transactions: Transactions;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-tasks-'));
    dataSource = await new DataSource({ type: 'better-sqlite3', database: join(dir, 'tasks.sqlite'), prepareDatabase: (db: Database.Database) => void db.pragma('journal_mode = WAL') }).initialize();
    await dataSource.query('CREATE TABLE items (value integer NOT NULL UNIQUE)');
    transactions = new Transactions(dataSource);
  });

  afterEach(async () => {
    await transactions.onModuleDestroy();
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const values = async () => ((await dataSource.query('SELECT value FROM items ORDER BY value')) as { value: number }[]).map((row) => row.value);

  it('runs them in the writer thread, rolling back only the task that failed, with its SQLite error code', async () => {
    const runs = Array.from({ length: 40 }, (_, i) => transactions.runTask(insertTwoItems, [i, i === 17 ? 3 : 1000 + i]));
    const results = await Promise.allSettled(runs);
    const failed = (results[17] as PromiseRejectedResult).reason as Error & { code?: string };
    expect(failed.message).toMatch(/UNIQUE/);
    expect(failed.code).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(39);
    const stored = await values();
    expect(stored).toHaveLength(78);
    expect(stored).not.toContain(17);
    const { threadId: ranIn } = await transactions.runTask(insertItem, 5000);
    expect(ranIn).not.toBe(threadId);
  });

  it('hands a refusal back as the DomainError the client is told of', async () => {
    const refused = await transactions.runTask(refuse, undefined).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'CONFLICT', message: 'Not now' });
  });

  it("runs a task's afterBatch once at the end of each commit in which the task succeeded", async () => {
    await dataSource.query('CREATE TABLE commit_ends (items integer NOT NULL)');
    const commitEnds = async () => ((await dataSource.query('SELECT items FROM commit_ends')) as { items: number }[]).map((row) => row.items);

    const oneTurn = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => transactions.runTask(insertItemNotingCommit, i === 4 ? 3 : i)));
    expect(oneTurn.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(await commitEnds()).toEqual([9]);

    await expect(transactions.runTask(insertItemNotingCommit, 5)).rejects.toThrow(/UNIQUE/);
    expect(await commitEnds()).toEqual([9]);

    await transactions.runTask(insertItemNotingCommit, 10);
    expect(await commitEnds()).toEqual([9, 10]);
  });

  it('answers a task only once its work is committed (visible to another connection)', async () => {
    const reader = new Database(dataSource.options.database as string, { readonly: true });
    try {
      const seenOnAnswer = await Promise.all(
        Array.from({ length: 20 }, (_, i) => transactions.runTask(insertItem, i).then(() => reader.prepare('SELECT 1 FROM items WHERE value = ?').get(i) !== undefined)),
      );
      expect(seenOnAnswer).toEqual(Array(20).fill(true));
    } finally {
      reader.close();
    }
  });

  it('keeps the order of work queued with run, tasks and tasks between commits', async () => {
    const order = [
      transactions.run((db) => db.query('INSERT INTO items (value) VALUES (1)')).then(() => 'run 1'),
      transactions.runTask(insertItem, 2).then(({ count }) => `task saw ${count}`),
      transactions.betweenCommits(async () => `between saw ${(await values()).length}`),
      transactions.run(async (db) => `run saw ${((await db.query('SELECT COUNT(*) AS n FROM items')) as { n: number }[])[0].n}`),
      transactions.runTask(insertItem, 3).then(({ count }) => `task saw ${count}`),
    ];
    expect(await Promise.all(order)).toEqual(['run 1', 'task saw 2', 'between saw 2', 'run saw 2', 'task saw 3']);
  });

  it('goes on in the main thread when the writer thread has stopped, losing nothing that was answered', async () => {
    await transactions.runTask(insertItem, 1);
    await expect(transactions.runTask(stopThread, undefined)).rejects.toThrow(/writer thread stopped/);
    const { threadId: ranIn } = await transactions.runTask(insertItem, 2);
    expect(ranIn).toBe(threadId);
    expect(await values()).toEqual([1, 2]);
  });

  it('runs them in the main thread on an in-memory database', async () => {
    const inMemory = await new DataSource({ type: 'better-sqlite3', database: ':memory:' }).initialize();
    try {
      await inMemory.query('CREATE TABLE items (value integer NOT NULL UNIQUE)');
      const direct = new Transactions(inMemory);
      await expect(direct.runTask(insertItem, 7)).resolves.toEqual({ threadId, count: 1 });
      await expect(direct.runTask(insertItem, 7)).rejects.toThrow(/UNIQUE/);
    } finally {
      await inMemory.destroy();
    }
  });
});
