import { admitChatMessage, CHAT_STATE, ChatSender, ChatState } from './chat-message-admission';
import type { Author, MessageKind } from '../ticket.types';

// Generator of SQL steps: the same code runs synchronously in the writer thread and asynchronously through TypeORM.

const MESSAGE_COLUMNS = `id, ticket_id AS "ticketId", seq, client_id AS "clientId", author, author_id AS "authorId",
  author_name AS "authorName", kind, body, created_at AS "createdAt"`;
export const FIND_BY_CLIENT_ID = `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE ticket_id = ? AND client_id = ?`;
export const TAKE_NEXT_SEQ = 'UPDATE tickets SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq AS seq';
export const INSERT_MESSAGE = `INSERT INTO messages (id, ticket_id, seq, client_id, author, author_id, author_name, kind, body, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export interface SqlStep {
  mode: 'get' | 'run';
  sql: string;
  params: unknown[];
}

export type Steps<R> = Generator<SqlStep, R, unknown>;

export interface MessageRow {
  id: string;
  ticketId: string;
  seq: number;
  clientId: string | null;
  author: Author;
  authorId: string | null;
  authorName: string | null;
  kind: MessageKind;
  body: string;
  createdAt: string | Date;
}

export type NewMessageRow = Omit<MessageRow, 'seq'>;

export function* appendSteps(message: NewMessageRow): Steps<MessageRow> {
  const next = (yield { mode: 'get', sql: TAKE_NEXT_SEQ, params: [message.ticketId] }) as { seq: number | string } | undefined;
  if (!next) throw new Error(`No chat ${message.ticketId} to store a message in`);
  const row: MessageRow = { ...message, seq: Number(next.seq) };
  yield {
    mode: 'run',
    sql: INSERT_MESSAGE,
    params: [row.id, row.ticketId, row.seq, row.clientId, row.author, row.authorId, row.authorName, row.kind, row.body, row.createdAt],
  };
  return row;
}

export interface StoreChatMessageArgs {
  chatId: string;
  sender: ChatSender;
  id: string;
  createdAt: string | Date;
  clientId: string | null;
  body: string;
}

export interface StoredRow {
  row: MessageRow;
  isNew: boolean;
}

// One send on SQLite's writer thread (one writer: nothing to lock). PostgreSQL stores batches: postgres-chat-batch.ts.
export function* storeChatMessageSteps(args: StoreChatMessageArgs): Steps<StoredRow> {
  const chat = (yield { mode: 'get', sql: CHAT_STATE, params: [args.chatId] }) as ChatState | undefined;
  const admitted = admitChatMessage(chat, args.sender, args.body);
  if (args.clientId) {
    const existing = (yield { mode: 'get', sql: FIND_BY_CLIENT_ID, params: [args.chatId, args.clientId] }) as MessageRow | undefined;
    if (existing) return { row: existing, isNew: false };
  }
  const row = yield* appendSteps({ id: args.id, ticketId: args.chatId, clientId: args.clientId, kind: 'text', createdAt: args.createdAt, ...admitted });
  return { row, isNew: true };
}

export function runStepsSync<R>(steps: Steps<R>, execute: (step: SqlStep) => unknown): R {
  let next = steps.next();
  while (!next.done) next = steps.next(execute(next.value));
  return next.value;
}

export async function runSteps<R>(steps: Steps<R>, execute: (step: SqlStep) => Promise<unknown>): Promise<R> {
  let next = steps.next();
  while (!next.done) next = steps.next(await execute(next.value));
  return next.value;
}
