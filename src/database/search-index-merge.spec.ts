import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { storeChatMessage } from '../tickets/message-store/store-chat-message.task';
import { buildDataSourceOptions } from './data-source-options';
import { sqliteConnection } from './prepared-statements';
import { commitBatch, WriteTask } from './writer-thread/write-task';

describe('the search index, merged in steps by the commits that store chat messages (SQLite)', () => {
  let dataSource: DataSource;

  beforeEach(async () => {
    dataSource = await new DataSource(buildDataSourceOptions({ type: 'sqlite', path: ':memory:' })).initialize();
  });

  afterEach(() => dataSource.destroy());

  const db = () => sqliteConnection(dataSource);
  const value = (sql: string) => (db().prepare(sql).get() as { v: unknown }).v;
  const segments = () => Number(value('SELECT COUNT(DISTINCT segid) AS v FROM search_index_idx'));

  function openChat(): string {
    const id = randomUUID();
    db()
      .prepare(
        `INSERT INTO tickets (id, reference, channel, topic, status, created_at, updated_at)
         VALUES (?, ?, 'chat', 'digital-mailbox', 'queued', datetime('now'), datetime('now'))`,
      )
      .run(id, `C-${id.slice(0, 8)}`);
    return id;
  }

  // Every commit adds a segment to the index.
  function storeOneByOne(task: WriteTask<unknown, unknown>, chats: string[], messages: number): void {
    for (let i = 0; i < messages; i += 1) {
      const args = { chatId: chats[i % chats.length], sender: { role: 'citizen' }, id: randomUUID(), createdAt: '2026-11-24 10:00:00.000', clientId: null, body: `melding ${i} om digipost` };
      const [outcome] = commitBatch(db(), [{ task, args }]);
      expect(outcome).toEqual(expect.objectContaining({ ok: true }));
    }
  }

  it('leaves merging to those commits (FTS5 automerge is off)', () => {
    expect(Number(value(`SELECT v FROM search_index_config WHERE k = 'automerge'`))).toBe(0);
  });

  it('keeps the index to a few segments, and every stored message findable', () => {
    const chats = Array.from({ length: 20 }, openChat);
    storeOneByOne(storeChatMessage as WriteTask<unknown, unknown>, chats, 400);

    expect(segments()).toBeLessThanOrEqual(6);
    expect(Number(value(`SELECT COUNT(*) AS v FROM search_index WHERE search_index MATCH 'digipost'`))).toBe(400);
    expect(Number(value(`SELECT COUNT(*) AS v FROM search_index WHERE search_index MATCH '"melding 123"'`))).toBe(1);
  });

  it('needs the steps: without them the same commits leave far more segments', () => {
    const chats = Array.from({ length: 20 }, openChat);
    const withoutSteps = { ...storeChatMessage, afterBatch: undefined } as WriteTask<unknown, unknown>;
    storeOneByOne(withoutSteps, chats, 400);

    expect(segments()).toBeGreaterThan(6);
  });
});
