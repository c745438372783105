import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SQLite: the search index's vocabulary as a table, so that a word beginning becomes the OR of the whole
 * terms that start with it (prefix-terms.ts). A view of the existing index: nothing is rebuilt or stored,
 * so it is instant on any size and costs writes nothing. PostgreSQL needs nothing: its GIN index answers `:*`.
 */
export const SEARCH_TERMS = 'search_terms';

export class HistoryPrefixSearch1765200000000 implements MigrationInterface {
  name = 'HistoryPrefixSearch1765200000000';

  async up(db: QueryRunner): Promise<void> {
    if (db.connection.options.type === 'postgres') return;
    await db.query(`CREATE VIRTUAL TABLE ${SEARCH_TERMS} USING fts5vocab(search_index, 'instance')`);
  }

  async down(db: QueryRunner): Promise<void> {
    if (db.connection.options.type === 'postgres') return;
    await db.query(`DROP TABLE ${SEARCH_TERMS}`);
  }
}
