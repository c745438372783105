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

  // A commit elsewhere empties the reader's page cache: rows read from the table instead cost four times the pages.
  const filters: [string, HistoryFilter][] = [
    ['no filter', {}],
    ['period', { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-02-01T00:00:00Z') }],
    ['five strict filters', { verified: true, channel: 'chat', rating: 5, outcome: 'other', topic: 'other' }],
    ['provider and status', { provider: 'digipost', status: 'closed' }],
  ];
  it.each(filters)('reads only the history index, newest first: %s', async (_name, filter) => {
    const { where, params } = filterSql(SQLITE_FILTERS, filter, { createdAt: new Date('2026-03-01T00:00:00Z'), id: 'b' });
    const plan = (await db.query(`EXPLAIN QUERY PLAN SELECT t.id FROM tickets t WHERE ${where} ORDER BY t.created_at DESC, t.id DESC LIMIT 26`, params)) as { detail: string }[];
    expect(plan.map((step) => step.detail)).toEqual([expect.stringMatching(/^(SCAN|SEARCH) t USING COVERING INDEX idx_tickets_history\b/)]);
  });
});
