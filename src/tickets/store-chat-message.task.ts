import type { Database } from 'better-sqlite3';
import { prepared } from '../database/prepared-statements';
import { mergeSearchIndexStep } from '../database/search-index-merge';
import { writeTask } from '../database/writer-thread/write-task';
import { admitChatMessage, CHAT_STATE, ChatSender, ChatState } from './chat-message-admission';
import type { MessageEntity } from './entities/message.entity';

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
export type StoredMessageRow = Omit<MessageEntity, 'ticket' | 'createdAt'> & { createdAt: string };

export interface StoreChatMessageArgs {
  chatId: string;
  sender: ChatSender;
  /** The new message's id and time (UTC text), chosen by the caller. */
  id: string;
  createdAt: string;
  clientId: string | null;
  body: string;
}

/**
 * Stores a text message with the chat's next seq if the chat takes it from this sender now
 * (chat-message-admission.ts), unless one with its clientId is stored already: then that one.
 * Each commit of them also merges a little of the search index (search-index-merge.ts).
 */
export const storeChatMessage = writeTask(__filename, 'storeChatMessage', store, { afterBatch: mergeSearchIndexStep });

function store(db: Database, args: StoreChatMessageArgs): { row: StoredMessageRow; isNew: boolean } {
  const admitted = admitChatMessage(prepared(db, CHAT_STATE).get(args.chatId) as ChatState | undefined, args.sender, args.body);
  if (args.clientId) {
    const existing = prepared(db, FIND_BY_CLIENT_ID).get(args.chatId, args.clientId) as StoredMessageRow | undefined;
    if (existing) return { row: existing, isNew: false };
  }
  const { seq } = prepared(db, TAKE_NEXT_SEQ).get(args.chatId) as { seq: number };
  const row: StoredMessageRow = { id: args.id, ticketId: args.chatId, seq, clientId: args.clientId, kind: 'text', createdAt: args.createdAt, ...admitted };
  prepared(db, INSERT_MESSAGE).run(row.id, row.ticketId, row.seq, row.clientId, row.author, row.authorId, row.authorName, row.kind, row.body, row.createdAt);
  return { row, isNew: true };
}
