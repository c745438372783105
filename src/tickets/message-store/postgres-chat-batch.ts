import { admitChatMessage, ChatSender } from './chat-message-admission';
import type { MessageRow, StoredRow } from './message-sql';
import type { PreparedQuery } from '../../database/prepared-statements';
import { FIND_CLIENT_IDS, LOCK_CHATS_AND_FIND_CLIENT_IDS, LockedChat, LockRow, STORE_MESSAGES, storeParams } from './postgres-message-sql';

export interface ChatSend {
  chatId: string;
  sender: ChatSender;
  id: string;
  createdAt: Date;
  clientId: string | null;
  body: string;
}

export type SendOutcome = { ok: true; value: StoredRow } | { ok: false; error: unknown };

const clientKey = (chatId: string, clientId: string) => `${chatId}\n${clientId}`;

const messageRow = (row: MessageRow): MessageRow => ({
  id: row.id,
  ticketId: row.ticketId,
  seq: Number(row.seq),
  clientId: row.clientId,
  author: row.author,
  authorId: row.authorId,
  authorName: row.authorName,
  kind: row.kind,
  body: row.body,
  createdAt: row.createdAt,
});

const withClientIds = (sends: ChatSend[]) => {
  const pairs = sends.filter((send) => send.clientId !== null);
  return [pairs.map((send) => send.chatId), pairs.map((send) => send.clientId)];
};

// The steps of message-sql.ts (admit → dedupe → next seq → insert) for many sends in three statements, in
// the caller's transaction. A send that is not admitted fails alone; the others are stored in order.
export async function storeChatBatch(query: PreparedQuery, sends: ChatSend[]): Promise<SendOutcome[]> {
  const chatIds = [...new Set(sends.map((send) => send.chatId))].sort();
  const chats = new Map<string, LockedChat>();
  const stored = new Map<string, MessageRow>();
  for (const row of await query<LockRow>(LOCK_CHATS_AND_FIND_CLIENT_IDS, [chatIds, ...withClientIds(sends)])) {
    if (row.row === 'chat') chats.set(row.id, row);
    else stored.set(clientKey(row.ticketId, row.clientId!), messageRow(row));
  }
  const moved = sends.filter((send) => send.clientId !== null && chats.get(send.chatId)?.lastSeq !== chats.get(send.chatId)?.seenSeq);
  if (moved.length > 0) {
    for (const row of await query<MessageRow>(FIND_CLIENT_IDS, withClientIds(moved))) stored.set(clientKey(row.ticketId, row.clientId!), messageRow(row));
  }

  const lastSeqs = new Map<string, number>();
  const inserts: MessageRow[] = [];
  const outcomes = sends.map((send): SendOutcome => {
    try {
      const chat = chats.get(send.chatId);
      const admitted = admitChatMessage(chat, send.sender, send.body);
      const key = send.clientId === null ? null : clientKey(send.chatId, send.clientId);
      const existing = key === null ? undefined : stored.get(key);
      if (existing) return { ok: true, value: { row: existing, isNew: false } };
      const seq = (lastSeqs.get(send.chatId) ?? Number(chat!.lastSeq)) + 1;
      lastSeqs.set(send.chatId, seq);
      const row: MessageRow = { id: send.id, ticketId: send.chatId, seq, clientId: send.clientId, kind: 'text', createdAt: send.createdAt, ...admitted };
      inserts.push(row);
      // A second send of this clientId later in the batch gets this one.
      if (key !== null) stored.set(key, row);
      return { ok: true, value: { row, isNew: true } };
    } catch (error) {
      return { ok: false, error };
    }
  });
  if (inserts.length > 0) await query(STORE_MESSAGES, storeParams(lastSeqs, inserts));
  return outcomes;
}

/**
 * The sends in one transaction (`inTransaction`); if its statements fail (a deadlock with another writer, a
 * lost connection), each send alone, in order, so that every answer says what happened to its own send.
 */
export async function storeEachAnswered(inTransaction: (sends: ChatSend[]) => Promise<SendOutcome[]>, sends: ChatSend[]): Promise<SendOutcome[]> {
  try {
    return await inTransaction(sends);
  } catch (error) {
    if (sends.length === 1) return [{ ok: false, error }];
    const outcomes: SendOutcome[] = [];
    for (const send of sends) outcomes.push(...(await storeEachAnswered(inTransaction, [send])));
    return outcomes;
  }
}
