import { MigrationInterface, QueryRunner } from 'typeorm';

// SQLite only: automerge off, commits merge in small steps instead (search-index-merge.ts); no-op on PostgreSQL.
export class SearchIndexMergeSteps1764600000000 implements MigrationInterface {
  name = 'SearchIndexMergeSteps1764600000000';

  async up(db: QueryRunner): Promise<void> {
    if (db.connection.options.type === 'postgres') return;
    await db.query(`INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0)`);
  }

  async down(db: QueryRunner): Promise<void> {
    if (db.connection.options.type === 'postgres') return;
    await db.query(`INSERT INTO search_index (search_index, rank) VALUES ('automerge', 4)`);
  }
}
