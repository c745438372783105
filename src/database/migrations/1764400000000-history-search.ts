import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * FTS5 search kept in step by triggers, so no write path has to know about it. The FTS rowid is
 * `chat created_at in ms * 2^20 + n`: "newest chats first" streams straight out of the index and a
 * chat's documents are one rowid range; no index on source_id keeps storing a message cheap (bench/README.md).
 * The chat's own verified identity number is masked in the indexed text too.
 */
export const DOC_BUCKET = 1048576; // 2^20 documents per millisecond of chat creation

const bucketOf = (createdAt: string) => `(CAST(round(unixepoch(${createdAt}, 'subsec') * 1000) AS INTEGER) * ${DOC_BUCKET})`;

const maskedBody = (body: string, nid: string) => {
  const mask = `substr(${nid}, 1, 6) || '*****'`;
  let sql = `replace(${body}, ${nid}, ${mask})`;
  for (const sep of [' ', '.', '-', '\u00A0', '\u2010', '\u2011', '\u2013']) {
    sql = `replace(${sql}, substr(${nid}, 1, 6) || '${sep}' || substr(${nid}, 7), ${mask})`;
  }
  return `CASE WHEN ${nid} IS NULL OR length(${nid}) <> 11 THEN ${body} ELSE ${sql} END`;
};

const nextDocId = (lo: string) => `COALESCE((SELECT MAX(doc_id) FROM search_docs WHERE doc_id >= ${lo} AND doc_id < ${lo} + ${DOC_BUCKET}), ${lo} - 1) + 1`;

const docsOf = (sourceId: string, ticketId: string) =>
  `SELECT d.doc_id, d.body FROM search_docs d JOIN tickets t ON t.id = ${ticketId}
     WHERE d.doc_id >= ${bucketOf('t.created_at')} AND d.doc_id < ${bucketOf('t.created_at')} + ${DOC_BUCKET} AND d.source_id = ${sourceId}`;

const insertDoc = (source: 'message' | 'note', body: string) => `
    INSERT INTO search_docs (doc_id, source, source_id, ticket_id, body)
      SELECT ${nextDocId('b.lo')}, '${source}', new.id, new.ticket_id, ${body}
      FROM (SELECT ${bucketOf('created_at')} AS lo, national_id FROM tickets WHERE id = new.ticket_id) b;
    INSERT INTO search_index (rowid, body) SELECT doc_id, body FROM search_docs WHERE doc_id = last_insert_rowid();`;

const removeDoc = (row: 'old' | 'new') => `
    INSERT INTO search_index (search_index, rowid, body) SELECT 'delete', doc_id, body FROM (${docsOf(`${row}.id`, `${row}.ticket_id`)});
    DELETE FROM search_docs WHERE doc_id IN (SELECT doc_id FROM (${docsOf(`${row}.id`, `${row}.ticket_id`)}));`;

export const SEARCH_TRIGGERS: string[] = [
  `CREATE TRIGGER search_messages_ai AFTER INSERT ON messages WHEN new.kind <> 'event' BEGIN${insertDoc('message', maskedBody('new.body', 'b.national_id'))}
  END`,
  `CREATE TRIGGER search_messages_au AFTER UPDATE OF body ON messages WHEN new.kind <> 'event' BEGIN${removeDoc('new')}${insertDoc('message', maskedBody('new.body', 'b.national_id'))}
  END`,
  `CREATE TRIGGER search_messages_ad AFTER DELETE ON messages BEGIN${removeDoc('old')}
  END`,
  `CREATE TRIGGER search_notes_ai AFTER INSERT ON notes BEGIN${insertDoc('note', 'new.body')}
  END`,
  `CREATE TRIGGER search_notes_au AFTER UPDATE OF body ON notes BEGIN${removeDoc('new')}${insertDoc('note', 'new.body')}
  END`,
  `CREATE TRIGGER search_notes_ad AFTER DELETE ON notes BEGIN${removeDoc('old')}
  END`,
  // Before the cascade reaches messages and notes.
  `CREATE TRIGGER search_tickets_bd BEFORE DELETE ON tickets BEGIN
    INSERT INTO search_index (search_index, rowid, body) SELECT 'delete', doc_id, body FROM search_docs
      WHERE doc_id >= ${bucketOf('old.created_at')} AND doc_id < ${bucketOf('old.created_at')} + ${DOC_BUCKET} AND ticket_id = old.id;
    DELETE FROM search_docs WHERE doc_id >= ${bucketOf('old.created_at')} AND doc_id < ${bucketOf('old.created_at')} + ${DOC_BUCKET} AND ticket_id = old.id;
  END`,
];

export const SEARCH_TRIGGER_NAMES = SEARCH_TRIGGERS.map((sql) => /CREATE TRIGGER (\w+)/.exec(sql)![1]);

// Also used by the benchmark after a bulk load.
export const SEARCH_BACKFILL: string[] = [
  `INSERT INTO search_docs (doc_id, source, source_id, ticket_id, body)
    SELECT lo + ROW_NUMBER() OVER (PARTITION BY lo ORDER BY ticket_id, source, ord) - 1, source, source_id, ticket_id, body FROM (
      SELECT ${bucketOf('t.created_at')} AS lo, 'message' AS source, m.id AS source_id, m.ticket_id, m.seq AS ord, ${maskedBody('m.body', 't.national_id')} AS body
        FROM messages m JOIN tickets t ON t.id = m.ticket_id WHERE m.kind <> 'event'
      UNION ALL
      SELECT ${bucketOf('t.created_at')}, 'note', n.id, n.ticket_id, n.created_at, n.body
        FROM notes n JOIN tickets t ON t.id = n.ticket_id
    ) ORDER BY 1`,
  `INSERT INTO search_index (search_index) VALUES ('rebuild')`,
];

export class HistorySearch1764400000000 implements MigrationInterface {
  name = 'HistorySearch1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE search_docs (
      doc_id integer PRIMARY KEY NOT NULL,
      source varchar(8) NOT NULL,
      source_id varchar(36) NOT NULL,
      ticket_id varchar(36) NOT NULL,
      body text NOT NULL
    )`);
    // columnsize=0: per-document sizes only serve bm25 ranking; history is ordered by time.
    await db.query(
      `CREATE VIRTUAL TABLE search_index USING fts5(body, content = 'search_docs', content_rowid = 'doc_id', columnsize = 0, tokenize = 'unicode61 remove_diacritics 2')`,
    );
    for (const sql of SEARCH_BACKFILL) await db.query(sql);
    for (const sql of SEARCH_TRIGGERS) await db.query(sql);
    await db.query(`CREATE INDEX idx_tickets_created_id ON tickets (created_at, id)`);
    await db.query(`CREATE INDEX idx_tickets_assignee_created ON tickets (assignee_id, created_at, id)`);

    // `slot`: UTC quarter hour (every time zone's offset is whole quarter hours, so local days stay exact).
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
    await db.query(`DROP INDEX idx_tickets_created_id`);
    for (const name of SEARCH_TRIGGER_NAMES) await db.query(`DROP TRIGGER ${name}`);
    await db.query(`DROP TABLE search_index`);
    await db.query(`DROP TABLE search_docs`);
  }
}
