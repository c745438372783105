import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SEARCH_TERMS } from '../../database/migrations/1765200000000-history-prefix-search';
import { TERMS_PENDING, TERMS_RECHECK } from '../../database/migrations/1765400000000-search-vocabulary';
import { SEARCH_CONFIG } from '../../database/migrations/postgres/1764400000000-history-search';
import { Sql } from '../../database/sql';

const EVERY_MS = 1_000;
const DOCS_PER_BATCH = 5_000;
const BATCHES_PER_ROUND = 10;
const RECHECKS_PER_ROUND = 500;
// Any fixed number: one instance at a time runs a round.
const VOCABULARY_LOCK = 7_220_411;

/**
 * PostgreSQL only: brings the search vocabulary up to date (migration 1765400000000). One round adds the terms
 * of queued documents and drops rechecked terms that no document holds any more; a round is one transaction, so
 * a document's terms are in the vocabulary before its id leaves the queue.
 */
@Injectable()
export class SearchVocabularyJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SearchVocabulary');
  private timer?: NodeJS.Timeout;
  // Rounds on one instance follow each other: the advisory lock would turn a second one away.
  private rounds: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(
    private readonly sql: Sql,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.sql.postgres) return;
    this.timer = setInterval(() => {
      if (this.waiting > 0) return;
      this.runRound().catch((error: Error) => this.logger.warn(`Could not update the search vocabulary: ${error.message}`));
    }, EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.rounds;
  }

  /** One round after any in progress here; false on SQLite, or when another instance holds the round. Public for tests. */
  runRound(): Promise<boolean> {
    this.waiting += 1;
    const round = this.rounds.then(() => this.round()).finally(() => (this.waiting -= 1));
    this.rounds = round.catch(() => undefined);
    return round;
  }

  private async round(): Promise<boolean> {
    if (!this.sql.postgres) return false;
    return this.dataSource.transaction(async (db) => {
      const [{ locked }] = await this.sql.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock(?) AS locked', [VOCABULARY_LOCK], db);
      if (!locked) return false;
      // A backlog (a bulk import) is worked off quickly: until it is gone, every prefix search reads its terms too.
      for (let batch = 0; batch < BATCHES_PER_ROUND; batch++) {
        const [{ taken }] = await this.sql.query<{ taken: string | number }[]>(
          `WITH taken AS (DELETE FROM ${TERMS_PENDING} WHERE doc_id IN (SELECT doc_id FROM ${TERMS_PENDING} ORDER BY doc_id LIMIT ${DOCS_PER_BATCH}) RETURNING doc_id),
                added AS (INSERT INTO ${SEARCH_TERMS} (term)
                            SELECT DISTINCT unnest(tsvector_to_array(d.document)) FROM search_docs d JOIN taken ON taken.doc_id = d.doc_id
                          ON CONFLICT DO NOTHING)
           SELECT COUNT(*) AS taken FROM taken`,
          [],
          db,
        );
        if (Number(taken) < DOCS_PER_BATCH) break;
      }
      const rechecked = await this.sql.returning<{ term: string }>(
        `WITH taken AS (DELETE FROM ${TERMS_RECHECK} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${TERMS_RECHECK} LIMIT ${RECHECKS_PER_ROUND})) RETURNING term)
         SELECT DISTINCT term FROM taken`,
        [],
        db,
      );
      // One statement per term, planned with the term itself: a common one is found by reading a few rows,
      // a rare one through the index (a plan for any term would read every document of a common one).
      for (const { term } of rechecked) {
        await this.sql.query(
          `DELETE FROM ${SEARCH_TERMS} WHERE term = ? AND NOT EXISTS (SELECT 1 FROM search_docs WHERE document @@ plainto_tsquery('${SEARCH_CONFIG}', ?))`,
          [term, term],
          db,
        );
      }
      return true;
    });
  }
}
