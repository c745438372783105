import { postgresPrepared } from '../../database/prepared-statements';
import type { ChatSender } from './chat-message-admission';
import type { StoredRow } from './message-sql';
import { ChatMessageInput, MessageStore, newMessageId, StoredChatMessage, toEntity } from './message-store';
import { ChatSend, SendOutcome, storeChatBatch } from './postgres-chat-batch';

interface WaitingSend {
  send: ChatSend;
  resolve: (stored: StoredRow) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 256;

// Group commit: sends that arrive while a batch commits go into the next one. One batch at a time keeps
// each chat's seq in send order and lets PostgreSQL's commit carry many messages (docs/design/transactions.md).
export class PostgresMessageStore extends MessageStore {
  private readonly waiting: WaitingSend[] = [];
  private committing = false;

  async storeChatMessage(chatId: string, sender: ChatSender, message: ChatMessageInput): Promise<StoredChatMessage> {
    const { clientId, body, createdAt } = message;
    const send: ChatSend = { chatId, sender, id: newMessageId(), createdAt, clientId, body };
    const { row, isNew } = await new Promise<StoredRow>((resolve, reject) => {
      this.waiting.push({ send, resolve, reject });
      void this.commitWaiting();
    });
    return { stored: toEntity(row), isNew };
  }

  private async commitWaiting(): Promise<void> {
    if (this.committing) return;
    this.committing = true;
    try {
      while (this.waiting.length > 0) await this.commit(this.waiting.splice(0, MAX_BATCH));
    } finally {
      this.committing = false;
    }
  }

  private async commit(batch: WaitingSend[]): Promise<void> {
    let outcomes: SendOutcome[];
    try {
      outcomes = await this.transactions.run((db) => storeChatBatch(postgresPrepared(db), batch.map((waiting) => waiting.send)));
    } catch (error) {
      // A failure of the statements themselves (a deadlock with another writer, say): each send alone, in order.
      if (batch.length > 1) for (const waiting of batch) await this.commit([waiting]);
      else batch[0].reject(error);
      return;
    }
    batch.forEach((waiting, index) => {
      const outcome = outcomes[index];
      if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome.error);
    });
  }
}
