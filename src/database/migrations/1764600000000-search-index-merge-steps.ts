import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SQLite: FTS5 no longer merges the search index's segments inside whichever commit finds a level
 * full; the commits that store chat messages merge it in small steps (search-index-merge.ts).
 * PostgreSQL has nothing to change (its GIN index is kept by the database), so the same class
 * serves both lists and does nothing there.
 */
export class SearchIndexMergeSteps1764600000000 implements MigrationInterface {
  name = 'SearchIndexMergeSteps1764600000000';

  async up(db: QueryRunner): Promise<void> {
    if (db.connection.options.type === 'postgres') return;
    await db.query(`INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0)`);
  }

  async down(db: QueryRunner): Promise<void> {
    if (db.connection.options.type === 'postgres') return;
    // FTS5's default.
    await db.query(`INSERT INTO search_index (search_index, rank) VALUES ('automerge', 4)`);
  }
}
