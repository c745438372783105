import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WalCheckpointLoop, walSalt } from './wal-checkpoint-loop';

describe('WalCheckpointLoop (who restarts the WAL)', () => {
  let dir: string;
  let file: string;
  let writer: Database.Database;
  let loop: WalCheckpointLoop;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'desk-wal-loop-'));
    file = join(dir, 'wal.sqlite');
    writer = new Database(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE items (id integer PRIMARY KEY, body text NOT NULL)');
    loop = new WalCheckpointLoop(new Database(file), new Database(file));
  });

  afterEach(() => {
    loop.close();
    writer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = () => writer.prepare("INSERT INTO items (body) VALUES ('x')").run();
  // Salt-1 of the WAL header goes up by one at every restart.
  const restarts = () => walSalt(file);
  const walFrames = () => (writer.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0].log;

  it('copies committed pages while writes go on, and no commit restarts the WAL', () => {
    insert();
    const before = restarts();
    for (let round = 0; round < 50; round += 1) {
      insert();
      const result = loop.tick();
      expect(result.busy).toBe(0);
      insert();
    }
    expect(restarts()).toBe(before);
    expect(writer.prepare('SELECT COUNT(*) AS n FROM items').get()).toEqual({ n: 101 });
  });

  it('restarts the WAL itself when asked between commits, so that the next commit appends to a fresh one', () => {
    for (let round = 0; round < 20; round += 1) {
      insert();
      loop.tick();
    }
    const before = restarts();
    const result = loop.restart();
    expect(result).toMatchObject({ restarted: true, checkpointed: result.log });
    expect(restarts()).toBe(before + 1);
    insert();
    expect(restarts()).toBe(before + 1);
    expect(walFrames()).toBeLessThan(5);
  });

  it('is refused while another reader is still in the old WAL', () => {
    insert();
    loop.tick();
    insert();
    const reader = new Database(file);
    reader.exec('BEGIN');
    reader.prepare('SELECT COUNT(*) FROM items').get();
    const before = restarts();
    expect(loop.restart()).toMatchObject({ restarted: false });
    expect(restarts()).toBe(before);
    reader.exec('COMMIT');
    reader.close();
    expect(loop.restart()).toMatchObject({ restarted: true });
  });

  it('leaves the restart to the next commit after a round without any commit', () => {
    insert();
    loop.tick();
    loop.tick();
    const before = restarts();
    insert();
    expect(restarts()).toBe(before + 1);
  });
});
