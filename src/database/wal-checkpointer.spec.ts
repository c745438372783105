import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { Transactions } from './transactions';
import { WalCheckpointer } from './wal-checkpointer';

const PAGE = 4096;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('WalCheckpointer (SQLite checkpoints in a worker thread)', () => {
  let dir: string;
  let file: string;
  let dataSource: DataSource;
  let transactions: Transactions;
  let checkpointer: WalCheckpointer;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-wal-'));
    file = join(dir, 'wal.sqlite');
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: file,
      // Whatever is checkpointed, the worker did.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('wal_autocheckpoint = 0');
      },
    }).initialize();
    await dataSource.query('CREATE TABLE items (id integer PRIMARY KEY, body blob NOT NULL)');
    transactions = new Transactions(dataSource);
    checkpointer = new WalCheckpointer({ database: { type: 'sqlite', path: file } } as AppConfig, transactions, { intervalMs: 10, restartAtPages: 40 });
    checkpointer.onApplicationBootstrap();
  });

  afterEach(async () => {
    await checkpointer.onModuleDestroy();
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const insertPages = (count: number) => transactions.run((db) => db.query('INSERT INTO items (body) VALUES (zeroblob(?))', [count * PAGE]));
  const count = async () => Number((await dataSource.query('SELECT COUNT(*) AS n FROM items'))[0].n);

  it('copies committed pages into the database file and lets the WAL start over, while writes go on', async () => {
    await checkpointer.restartWal(); // answered: the worker is up
    for (let i = 0; i < 200; i += 1) {
      await insertPages(2);
      await pause(1);
    }
    // Without checkpoints the WAL would hold all 400+ pages.
    expect(await count()).toBe(200);
    expect(statSync(file).size).toBeGreaterThan(300 * PAGE);
    expect(statSync(`${file}-wal`).size).toBeLessThan(200 * PAGE);
  });

  it('catches up completely when asked between commits', async () => {
    await Promise.all(Array.from({ length: 20 }, () => insertPages(1)));
    const result = await checkpointer.restartWal();
    expect(result).toEqual({ busy: 0, log: expect.any(Number), checkpointed: expect.any(Number) });
    expect(result!.checkpointed).toBe(result!.log);
    expect(await count()).toBe(20);
  });

  it('does nothing for an in-memory database', async () => {
    const idle = new WalCheckpointer({ database: { type: 'sqlite', path: ':memory:' } } as AppConfig, transactions);
    idle.onApplicationBootstrap();
    await expect(idle.restartWal()).resolves.toBeNull();
    await idle.onModuleDestroy();
  });
});
