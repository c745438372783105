import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search over messages and notes (SQLite FTS5), kept in step by triggers so that no
 * write path has to know about it, and the anonymous daily counts that outlive retention.
 *
 * search_docs maps each indexed message or note to the FTS rowid. The rowid is
 * `ticket created_at in ms * 2^20 + n`: ordering the index by rowid orders it by the chat's
 * creation time, so "newest chats first" streams straight out of the index and one chat's
 * documents are a rowid range (see supervision/history/sqlite-history-search.store.ts).
 * The rowid lives in our own INTEGER PRIMARY KEY (stable across VACUUM, unlike the implicit
 * rowid of messages and notes).
 *
 * The body indexed is the stored body, except that the chat's own verified national identity
 * number (the one thing stored unmasked, see chat-messages.service.ts) is masked here too, so
 * identity numbers are findable only in their masked form. System event messages ("the chat was
 * closed") are boilerplate and are not indexed.
 *
 * PostgreSQL would do the same with a tsvector column on search_docs, a GIN index, the same
 * triggers in PL/pgSQL, websearch_to_tsquery and ts_headline.
 */
export const DOC_BUCKET = 1048576; // 2^20 documents per millisecond of chat creation

const bucketOf = (createdAt: string) => `CAST(round(unixepoch(${createdAt}, 'subsec') * 1000) AS INTEGER) * ${DOC_BUCKET}`;

/** The message body with the ticket's own (verified, hence unmasked) identity number masked. */
const maskedBody = (body: string, nid: string) => {
  const mask = `substr(${nid}, 1, 6) || '*****'`;
  let sql = `replace(${body}, ${nid}, ${mask})`;
  for (const sep of [' ', '.', '-', '\u00A0', '\u2010', '\u2011', '\u2013']) {
    sql = `replace(${sql}, substr(${nid}, 1, 6) || '${sep}' || substr(${nid}, 7), ${mask})`;
  }
  return `CASE WHEN ${nid} IS NULL OR length(${nid}) <> 11 THEN ${body} ELSE ${sql} END`;
};

const nextDocId = (lo: string) => `COALESCE((SELECT MAX(doc_id) FROM search_docs WHERE doc_id >= ${lo} AND doc_id < ${lo} + ${DOC_BUCKET}), ${lo} - 1) + 1`;

export const SEARCH_TRIGGERS: string[] = [
  `CREATE TRIGGER search_messages_ai AFTER INSERT ON messages WHEN new.kind <> 'event' BEGIN
    INSERT INTO search_docs (doc_id, source, source_id, ticket_id)
      SELECT ${nextDocId('b.lo')}, 'message', new.id, new.ticket_id
      FROM (SELECT ${bucketOf('created_at')} AS lo FROM tickets WHERE id = new.ticket_id) b;
    INSERT INTO search_index (rowid, body)
      SELECT last_insert_rowid(), ${maskedBody('new.body', 't.national_id')} FROM tickets t WHERE t.id = new.ticket_id;
  END`,
  `CREATE TRIGGER search_messages_au AFTER UPDATE OF body ON messages BEGIN
    UPDATE search_index SET body = (SELECT ${maskedBody('new.body', 't.national_id')} FROM tickets t WHERE t.id = new.ticket_id)
      WHERE rowid = (SELECT doc_id FROM search_docs WHERE source_id = new.id);
  END`,
  `CREATE TRIGGER search_messages_ad AFTER DELETE ON messages BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE source_id = old.id);
    DELETE FROM search_docs WHERE source_id = old.id;
  END`,
  `CREATE TRIGGER search_notes_ai AFTER INSERT ON notes BEGIN
    INSERT INTO search_docs (doc_id, source, source_id, ticket_id)
      SELECT ${nextDocId('b.lo')}, 'note', new.id, new.ticket_id
      FROM (SELECT ${bucketOf('created_at')} AS lo FROM tickets WHERE id = new.ticket_id) b;
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.body);
  END`,
  `CREATE TRIGGER search_notes_au AFTER UPDATE OF body ON notes BEGIN
    UPDATE search_index SET body = new.body WHERE rowid = (SELECT doc_id FROM search_docs WHERE source_id = new.id);
  END`,
  `CREATE TRIGGER search_notes_ad AFTER DELETE ON notes BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE source_id = old.id);
    DELETE FROM search_docs WHERE source_id = old.id;
  END`,
];

export const SEARCH_TRIGGER_NAMES = ['search_messages_ai', 'search_messages_au', 'search_messages_ad', 'search_notes_ai', 'search_notes_au', 'search_notes_ad'];

/** Indexes everything already stored (used by the migration, and by the benchmark after a bulk load). */
export const SEARCH_BACKFILL: string[] = [
  `INSERT INTO search_docs (doc_id, source, source_id, ticket_id)
    SELECT lo + ROW_NUMBER() OVER (PARTITION BY lo ORDER BY ticket_id, source, ord) - 1, source, source_id, ticket_id FROM (
      SELECT ${bucketOf('t.created_at')} AS lo, 'message' AS source, m.id AS source_id, m.ticket_id, m.seq AS ord
        FROM messages m JOIN tickets t ON t.id = m.ticket_id WHERE m.kind <> 'event'
      UNION ALL
      SELECT ${bucketOf('t.created_at')}, 'note', n.id, n.ticket_id, n.created_at
        FROM notes n JOIN tickets t ON t.id = n.ticket_id
    )`,
  `INSERT INTO search_index (rowid, body)
    SELECT d.doc_id, ${maskedBody('m.body', 't.national_id')}
      FROM search_docs d JOIN messages m ON m.id = d.source_id JOIN tickets t ON t.id = m.ticket_id WHERE d.source = 'message'
      ORDER BY d.doc_id`,
  `INSERT INTO search_index (rowid, body)
    SELECT d.doc_id, n.body FROM search_docs d JOIN notes n ON n.id = d.source_id WHERE d.source = 'note' ORDER BY d.doc_id`,
];

export class HistorySearch1764400000000 implements MigrationInterface {
  name = 'HistorySearch1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE search_docs (
      doc_id integer PRIMARY KEY NOT NULL,
      source varchar(8) NOT NULL,
      source_id varchar(36) NOT NULL UNIQUE,
      ticket_id varchar(36) NOT NULL
    )`);
    await db.query(`CREATE VIRTUAL TABLE search_index USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')`);
    for (const sql of SEARCH_BACKFILL) await db.query(sql);
    for (const sql of SEARCH_TRIGGERS) await db.query(sql);
    // Filters of the history: by agent, by outcome, by provider all start from the creation order.
    await db.query(`CREATE INDEX idx_tickets_assignee_created ON tickets (assignee_id, created_at)`);

    // Anonymous counts of tickets removed by retention: no ids, no text, no people. `slot` is the
    // UTC start of the quarter hour the tickets were created in (every time zone's offset is whole
    // quarter hours, so local days and hours are still exact).
    await db.query(`CREATE TABLE metrics_daily (
      id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      slot varchar(16) NOT NULL,
      channel varchar(16) NOT NULL,
      topic varchar(32) NOT NULL,
      outcome varchar(16),
      referred_provider varchar(16),
      rating_score integer,
      answered integer NOT NULL DEFAULT (0),
      tickets integer NOT NULL,
      wait_seconds_sum real NOT NULL DEFAULT (0),
      handling_seconds_sum real NOT NULL DEFAULT (0),
      handled integer NOT NULL DEFAULT (0)
    )`);
    await db.query(`CREATE INDEX idx_metrics_daily_slot ON metrics_daily (slot)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE metrics_daily`);
    await db.query(`DROP INDEX idx_tickets_assignee_created`);
    for (const name of SEARCH_TRIGGER_NAMES) await db.query(`DROP TRIGGER ${name}`);
    await db.query(`DROP TABLE search_index`);
    await db.query(`DROP TABLE search_docs`);
  }
}
