import { DataSource } from 'typeorm';
import { SQLITE_MIGRATIONS } from '../../database/data-source-options';
import type { HistoryFilter } from './history-search.store';
import { filterSql, SQLITE_FILTERS } from './history-sql';

describe('the history walk on SQLite', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = await new DataSource({ type: 'better-sqlite3', database: ':memory:', migrations: SQLITE_MIGRATIONS, migrationsRun: true }).initialize();
  });

  afterAll(() => db.destroy());

  const every: Required<HistoryFilter> = {
    from: new Date('2026-01-01T00:00:00Z'),
    to: new Date('2026-02-01T00:00:00Z'),
    agentId: 'a',
    topic: 'other',
    outcome: 'other',
    provider: 'digipost',
    rating: 5,
    verified: true,
    channel: 'chat',
    status: 'closed',
  };
  const cursor = { createdAt: new Date('2026-03-01T00:00:00Z'), id: 'b' };

  it('finds every column a filter names in the history index', async () => {
    const { where } = filterSql(SQLITE_FILTERS, every, cursor);
    const filtered = new Set([...where.matchAll(/t\.(\w+)/g)].map((m) => m[1]));
    const indexed = ((await db.query(`PRAGMA index_info(idx_tickets_history)`)) as { name: string }[]).map((column) => column.name);
    expect([...filtered].filter((column) => !indexed.includes(column))).toEqual([]);
  });

  // A commit elsewhere empties the reader's page cache: reading the table rows instead costs about four times the pages.
  it.each(Object.keys(every).filter((key) => key !== 'agentId') as (keyof HistoryFilter)[])('reads only the history index, never the table: %s', async (key) => {
    const { where, params } = filterSql(SQLITE_FILTERS, { [key]: every[key] }, cursor);
    const plan = (await db.query(`EXPLAIN QUERY PLAN SELECT t.id FROM tickets t WHERE ${where} ORDER BY t.created_at DESC, t.id DESC LIMIT 26`, params)) as { detail: string }[];
    const reads = plan.map((step) => step.detail).filter((detail) => /^(SCAN|SEARCH) t /.test(detail));
    expect(reads.length).toBeGreaterThan(0);
    // `from` with a cursor is planned as two ranges of the same index and a sort (as on the index it replaced).
    for (const detail of reads) expect(detail).toMatch(/^(SCAN|SEARCH) t USING COVERING INDEX idx_tickets_history\b/);
  });

  it("walks one agent's chats by their own index", async () => {
    const { where, params } = filterSql(SQLITE_FILTERS, { agentId: 'a', rating: 5 }, cursor);
    const plan = (await db.query(`EXPLAIN QUERY PLAN SELECT t.id FROM tickets t WHERE ${where} ORDER BY t.created_at DESC, t.id DESC LIMIT 26`, params)) as { detail: string }[];
    expect(plan.map((step) => step.detail)).toEqual([expect.stringMatching(/^SEARCH t USING INDEX idx_tickets_assignee_created\b/)]);
  });
});
