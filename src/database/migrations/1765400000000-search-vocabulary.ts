import { MigrationInterface, QueryRunner } from 'typeorm';
import { SEARCH_TERMS } from './1765200000000-history-prefix-search';

/**
 * PostgreSQL: the search index's vocabulary, so that a word beginning becomes the OR of the whole terms that
 * start with it, as on SQLite. The GIN index answers `'postkass':*` by collecting every document of every
 * matching term before it can intersect (40 ms for `postkasse sjeldenord7` at a million messages, 2 ms as whole terms).
 *
 * Kept off the message path: the functions that write `search_docs` also queue the new document's id
 * (`search_terms_pending`; a statement trigger with a transition table cost 4–5 times as much per message), and
 * the vocabulary job (search-vocabulary.job.ts) adds the queued documents' terms and deletes their ids in one
 * transaction, so a search that reads the vocabulary and the queued documents' terms in one statement sees every
 * term. Whatever else inserts into `search_docs` must queue the same way. Deleting documents queues their terms for
 * a recheck, so that an erased chat's words leave the vocabulary. The queues have no unique key on terms:
 * concurrent writers never wait for each other there.
 * SQLite: nothing, its vocabulary is a view of the FTS5 index (migration 1765200000000).
 */
export const TERMS_PENDING = 'search_terms_pending';
export const TERMS_RECHECK = 'search_terms_recheck';

const queued = (insert: string) => `WITH added AS (${insert} RETURNING doc_id) INSERT INTO ${TERMS_PENDING} (doc_id) SELECT doc_id FROM added`;

const syncFunction = (source: 'message' | 'note', insert: string) => `CREATE OR REPLACE FUNCTION search_${source}s_sync() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP <> 'INSERT' THEN
      DELETE FROM search_docs WHERE source_id = OLD.id AND source = '${source}';
    END IF;
    IF TG_OP <> 'DELETE' THEN
      ${insert};
    END IF;
    RETURN NULL;
  END
  $$`;

const MESSAGE_DOC = `INSERT INTO search_docs (source, source_id, ticket_id, body)
        SELECT 'message', NEW.id, NEW.ticket_id, search_masked_body(NEW.body, t.national_id) FROM tickets t WHERE t.id = NEW.ticket_id`;
const NOTE_DOC = `INSERT INTO search_docs (source, source_id, ticket_id, body) VALUES ('note', NEW.id, NEW.ticket_id, NEW.body)`;

const QUEUE_GONE = `CREATE FUNCTION search_terms_queue_gone() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO ${TERMS_RECHECK} (term) SELECT DISTINCT unnest(tsvector_to_array(document)) FROM gone;
    RETURN NULL;
  END
  $$`;

// Also used by the benchmark after a bulk load.
export const VOCABULARY_BACKFILL = `INSERT INTO ${SEARCH_TERMS} (term) SELECT DISTINCT unnest(tsvector_to_array(document)) FROM search_docs ON CONFLICT DO NOTHING`;

export class SearchVocabulary1765400000000 implements MigrationInterface {
  name = 'SearchVocabulary1765400000000';

  async up(db: QueryRunner): Promise<void> {
    if (db.connection.options.type !== 'postgres') return;
    // Byte order, so that a prefix is a range of the primary key.
    await db.query(`CREATE TABLE ${SEARCH_TERMS} (term text COLLATE "C" PRIMARY KEY)`);
    await db.query(`CREATE TABLE ${TERMS_PENDING} (doc_id bigint PRIMARY KEY)`);
    await db.query(`CREATE TABLE ${TERMS_RECHECK} (term text COLLATE "C" NOT NULL)`);
    await db.query(VOCABULARY_BACKFILL);
    await db.query(syncFunction('message', queued(MESSAGE_DOC)));
    await db.query(syncFunction('note', queued(NOTE_DOC)));
    await db.query(QUEUE_GONE);
    await db.query(
      `CREATE TRIGGER search_terms_gone AFTER DELETE ON search_docs REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION search_terms_queue_gone()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    if (db.connection.options.type !== 'postgres') return;
    await db.query('DROP TRIGGER search_terms_gone ON search_docs');
    await db.query('DROP FUNCTION search_terms_queue_gone()');
    await db.query(syncFunction('note', NOTE_DOC));
    await db.query(syncFunction('message', MESSAGE_DOC));
    await db.query(`DROP TABLE ${TERMS_RECHECK}`);
    await db.query(`DROP TABLE ${TERMS_PENDING}`);
    await db.query(`DROP TABLE ${SEARCH_TERMS}`);
  }
}
