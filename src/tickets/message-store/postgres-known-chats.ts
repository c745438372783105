import type { PreparedQuery } from '../../database/prepared-statements';
import { admitChatMessage, type AdmittedMessage } from './chat-message-admission';
import type { ChatSend, SendOutcome } from './postgres-chat-batch';
import { KnownChat, STORE_FOR_KNOWN_CHATS, storeForKnownChatsParams } from './postgres-message-sql';

const MAX_KNOWN = 10_000;

// Each chat's state as its row held it when this instance last locked it: a guess that the one-statement
// batch checks under the lock, so a stale one costs a second try, never a wrong admission.
export class KnownChats {
  private readonly states = new Map<string, KnownChat>();

  get(id: string): KnownChat | undefined {
    return this.states.get(id);
  }

  remember(chat: KnownChat): void {
    this.states.delete(chat.id);
    this.states.set(chat.id, chat);
    if (this.states.size > MAX_KNOWN) this.states.delete(this.states.keys().next().value!);
  }
}

type Candidate = AdmittedMessage & Pick<ChatSend, 'id' | 'clientId' | 'createdAt'> & { ticketId: string; index: number };

// The sends that the known states admit, stored in one statement; the outcome is left undefined for every
// send that the three-statement batch must decide (unknown chat, refusal, duplicate, state moved).
export async function storeForKnownChats(query: PreparedQuery, sends: ChatSend[], known: KnownChats): Promise<(SendOutcome | undefined)[]> {
  const outcomes: (SendOutcome | undefined)[] = sends.map(() => undefined);
  const chats = new Map<string, KnownChat>();
  const candidates: Candidate[] = [];
  const clientKeys = new Set<string>();
  sends.forEach((send, index) => {
    const chat = known.get(send.chatId);
    if (!chat) return;
    if (send.clientId !== null) {
      const key = `${send.chatId}\n${send.clientId}`;
      if (clientKeys.has(key)) return;
      clientKeys.add(key);
    }
    let admitted: AdmittedMessage;
    try {
      admitted = admitChatMessage(chat, send.sender, send.body);
    } catch {
      return;
    }
    chats.set(chat.id, chat);
    candidates.push({ id: send.id, ticketId: send.chatId, clientId: send.clientId, createdAt: send.createdAt, ...admitted, index });
  });
  if (candidates.length === 0) return outcomes;

  const rows = await query<{ id: string; seq: number }>(STORE_FOR_KNOWN_CHATS, storeForKnownChatsParams([...chats.values()], candidates));
  const seqs = new Map(rows.map((row) => [row.id, Number(row.seq)]));
  for (const { index, ...row } of candidates) {
    const seq = seqs.get(row.id);
    if (seq !== undefined) outcomes[index] = { ok: true, value: { row: { ...row, seq, kind: 'text' }, isNew: true } };
  }
  return outcomes;
}
