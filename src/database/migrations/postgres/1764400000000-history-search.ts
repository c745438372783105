import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Text search configuration `simple` (no stemming, no stop words) is what SQLite's unicode61 does, so both
 * databases find the same chats; `norwegian` would stem and drop stop words. Chat text is not HTML, but the
 * default parser drops `<tag>` and skips `<script>…</script>`, so `<` is replaced in the indexed text.
 */

export const LESS_THAN_STAND_IN = '\uE002';
export const SEARCH_CONFIG = 'simple';
// Immutable: used in a generated column.
export const SEARCH_TEXT = (body: string) => `replace(${body}, '<', chr(${LESS_THAN_STAND_IN.codePointAt(0)}))`;

const MASK_FUNCTION = `CREATE FUNCTION search_masked_body(body text, nid text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN nid IS NULL OR length(nid) <> 11 THEN body ELSE
      ${[' ', '.', '-', '\u00A0', '\u2010', '\u2011', '\u2013'].reduce(
        (sql, sep) => `replace(${sql}, substr(nid, 1, 6) || '${sep}' || substr(nid, 7), substr(nid, 1, 6) || '*****')`,
        `replace(body, nid, substr(nid, 1, 6) || '*****')`,
      )}
    END
  $$`;

const MESSAGES_FUNCTION = `CREATE FUNCTION search_messages_sync() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP <> 'INSERT' THEN
      DELETE FROM search_docs WHERE source_id = OLD.id AND source = 'message';
    END IF;
    IF TG_OP <> 'DELETE' THEN
      INSERT INTO search_docs (source, source_id, ticket_id, body)
        SELECT 'message', NEW.id, NEW.ticket_id, search_masked_body(NEW.body, t.national_id) FROM tickets t WHERE t.id = NEW.ticket_id;
    END IF;
    RETURN NULL;
  END
  $$`;

const NOTES_FUNCTION = `CREATE FUNCTION search_notes_sync() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP <> 'INSERT' THEN
      DELETE FROM search_docs WHERE source_id = OLD.id AND source = 'note';
    END IF;
    IF TG_OP <> 'DELETE' THEN
      INSERT INTO search_docs (source, source_id, ticket_id, body) VALUES ('note', NEW.id, NEW.ticket_id, NEW.body);
    END IF;
    RETURN NULL;
  END
  $$`;

const POSTGRES_SEARCH_TRIGGERS: string[] = [
  `CREATE TRIGGER search_messages_ai AFTER INSERT ON messages FOR EACH ROW WHEN (NEW.kind <> 'event') EXECUTE FUNCTION search_messages_sync()`,
  `CREATE TRIGGER search_messages_au AFTER UPDATE OF body ON messages FOR EACH ROW WHEN (NEW.kind <> 'event') EXECUTE FUNCTION search_messages_sync()`,
  `CREATE TRIGGER search_messages_ad AFTER DELETE ON messages FOR EACH ROW EXECUTE FUNCTION search_messages_sync()`,
  `CREATE TRIGGER search_notes_ai AFTER INSERT ON notes FOR EACH ROW EXECUTE FUNCTION search_notes_sync()`,
  `CREATE TRIGGER search_notes_au AFTER UPDATE OF body ON notes FOR EACH ROW EXECUTE FUNCTION search_notes_sync()`,
  `CREATE TRIGGER search_notes_ad AFTER DELETE ON notes FOR EACH ROW EXECUTE FUNCTION search_notes_sync()`,
];

// Also used by the benchmark after a bulk load.
export const POSTGRES_SEARCH_BACKFILL = `INSERT INTO search_docs (source, source_id, ticket_id, body)
  SELECT source, source_id, ticket_id, body FROM (
    SELECT 'message' AS source, m.id AS source_id, m.ticket_id, search_masked_body(m.body, t.national_id) AS body,
           t.created_at AS chat_created, m.seq AS seq, NULL::timestamptz AS note_created
      FROM messages m JOIN tickets t ON t.id = m.ticket_id WHERE m.kind <> 'event'
    UNION ALL
    SELECT 'note', n.id, n.ticket_id, n.body, t.created_at, NULL, n.created_at
      FROM notes n JOIN tickets t ON t.id = n.ticket_id
  ) docs
  ORDER BY chat_created, ticket_id, source, seq, note_created`;

export class HistorySearchPostgres1764400000000 implements MigrationInterface {
  name = 'HistorySearch1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE search_docs (
      doc_id bigserial PRIMARY KEY NOT NULL,
      source varchar(8) NOT NULL,
      source_id varchar(36) NOT NULL,
      ticket_id varchar(36) NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
      body text NOT NULL,
      document tsvector NOT NULL GENERATED ALWAYS AS (to_tsvector('${SEARCH_CONFIG}', ${SEARCH_TEXT('body')})) STORED
    )`);
    await db.query(MASK_FUNCTION);
    await db.query(POSTGRES_SEARCH_BACKFILL);
    await db.query(`CREATE INDEX idx_search_docs_document ON search_docs USING gin (document)`);
    await db.query(`CREATE INDEX idx_search_docs_ticket ON search_docs (ticket_id, doc_id)`);
    await db.query(`CREATE INDEX idx_search_docs_source ON search_docs (source_id)`);
    await db.query(MESSAGES_FUNCTION);
    await db.query(NOTES_FUNCTION);
    for (const sql of POSTGRES_SEARCH_TRIGGERS) await db.query(sql);
    await db.query(`CREATE INDEX idx_tickets_created_id ON tickets (created_at, id)`);
    await db.query(`CREATE INDEX idx_tickets_assignee_created ON tickets (assignee_id, created_at, id)`);

    // Double precision: sums of seconds outgrow a 4-byte real's precision.
    await db.query(`CREATE TABLE metrics_daily (
      id serial PRIMARY KEY NOT NULL,
      slot varchar(16) NOT NULL,
      channel varchar(16) NOT NULL,
      topic varchar(32) NOT NULL,
      outcome varchar(16),
      referred_provider varchar(16),
      rating_score integer,
      answered integer NOT NULL DEFAULT 0,
      tickets integer NOT NULL,
      wait_seconds_sum double precision NOT NULL DEFAULT 0,
      handling_seconds_sum double precision NOT NULL DEFAULT 0,
      handled integer NOT NULL DEFAULT 0
    )`);
    await db.query(`CREATE INDEX idx_metrics_daily_slot ON metrics_daily (slot)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE metrics_daily`);
    await db.query(`DROP INDEX idx_tickets_assignee_created`);
    await db.query(`DROP INDEX idx_tickets_created_id`);
    for (const sql of POSTGRES_SEARCH_TRIGGERS) {
      const [, name, table] = /CREATE TRIGGER (\w+) .*? ON (\w+) /.exec(sql)!;
      await db.query(`DROP TRIGGER ${name} ON ${table}`);
    }
    await db.query(`DROP FUNCTION search_notes_sync()`);
    await db.query(`DROP FUNCTION search_messages_sync()`);
    await db.query(`DROP TABLE search_docs`);
    await db.query(`DROP FUNCTION search_masked_body(text, text)`);
  }
}
