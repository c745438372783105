import { prepared } from '../database/prepared-statements';
import { writeTask } from '../database/writer-thread/write-task';
import type { Author, MessageKind } from './ticket.types';

/**
 * Storing a chat message on SQLite: the desk's hottest write, run as a write task in the writer
 * thread (src/database/writer-thread). Plain SQL shared with MessageRepository's PostgreSQL path.
 */

const MESSAGE_COLUMNS = `id, ticket_id AS "ticketId", seq, client_id AS "clientId", author, author_id AS "authorId",
  author_name AS "authorName", kind, body, created_at AS "createdAt"`;
export const FIND_BY_CLIENT_ID = `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE ticket_id = ? AND client_id = ?`;
export const TAKE_NEXT_SEQ = 'UPDATE tickets SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq AS seq';
export const INSERT_MESSAGE = `INSERT INTO messages (id, ticket_id, seq, client_id, author, author_id, author_name, kind, body, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** A message row as SQLite returns it (times as UTC text). */
export interface StoredMessageRow {
  id: string;
  ticketId: string;
  seq: number;
  clientId: string | null;
  author: Author;
  authorId: string | null;
  authorName: string | null;
  kind: MessageKind;
  body: string;
  createdAt: string;
}

export type AppendMessageArgs = Omit<StoredMessageRow, 'seq'>;

/** Stores the message with the chat's next seq, unless one with its clientId is stored already. */
export const appendMessageOnce = writeTask(__filename, 'appendMessageOnce', (db, message: AppendMessageArgs) => {
  if (message.clientId) {
    const existing = prepared(db, FIND_BY_CLIENT_ID).get(message.ticketId, message.clientId) as StoredMessageRow | undefined;
    if (existing) return { row: existing, isNew: false };
  }
  const next = prepared(db, TAKE_NEXT_SEQ).get(message.ticketId) as { seq: number } | undefined;
  if (!next) throw new Error(`No chat ${message.ticketId} to store a message in`);
  const row = { ...message, seq: next.seq };
  prepared(db, INSERT_MESSAGE).run(row.id, row.ticketId, row.seq, row.clientId, row.author, row.authorId, row.authorName, row.kind, row.body, row.createdAt);
  return { row, isNew: true };
});
