import type { Repository } from 'typeorm';
import { BatchThread } from '../../database/batch-thread';
import { postgresPrepared } from '../../database/prepared-statements';
import type { Sql } from '../../database/sql';
import { errorFrom } from '../../database/thread-errors';
import type { Transactions } from '../../database/transactions';
import type { MessageEntity } from '../entities/message.entity';
import type { ChatSender } from './chat-message-admission';
import type { StoredRow } from './message-sql';
import { ChatMessageInput, MessageStore, newMessageId, StoredChatMessage, toEntity } from './message-store';
import type { PostgresBatchThreadData, StoreOutcome } from './postgres-batch.worker';
import { ChatSend, SendOutcome, storeChatBatch, storeEachAnswered } from './postgres-chat-batch';

interface WaitingSend {
  send: ChatSend;
  resolve: (stored: StoredRow) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 256;

/**
 * Group commit: sends that arrive while a batch commits go into the next one, one batch at a time, which
 * keeps each chat's seq in send order and lets PostgreSQL's commit carry many messages. The batches run
 * in a thread of their own (postgres-batch.worker.ts): the sends of one turn of the event loop are
 * sent there together. Once that thread has stopped (shutdown), they run here (docs/design/transactions.md).
 */
export class PostgresMessageStore extends MessageStore {
  private thread: BatchThread<ChatSend, StoreOutcome> | null = null;
  private closing = false;
  private readonly waiting: WaitingSend[] = [];
  private sendScheduled = false;
  private committing = false;

  constructor(
    messages: Repository<MessageEntity>,
    sql: Sql,
    transactions: Transactions,
    private readonly connection: PostgresBatchThreadData,
  ) {
    super(messages, sql, transactions);
  }

  async storeChatMessage(chatId: string, sender: ChatSender, message: ChatMessageInput): Promise<StoredChatMessage> {
    const { clientId, body, createdAt } = message;
    const send: ChatSend = { chatId, sender, id: newMessageId(), createdAt, clientId, body };
    const { row, isNew } = await new Promise<StoredRow>((resolve, reject) => {
      this.waiting.push({ send, resolve, reject });
      if (!this.batchThread()) void this.commitWaiting();
      else if (!this.sendScheduled) {
        this.sendScheduled = true;
        setImmediate(() => this.sendWaiting());
      }
    });
    return { stored: toEntity(row), isNew };
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await this.thread?.stop();
  }

  private batchThread(): BatchThread<ChatSend, StoreOutcome> | null {
    if (this.closing || (this.thread && !this.thread.alive)) return null;
    this.thread ??= new BatchThread('The chat message thread', require.resolve('./postgres-batch.worker'), this.connection);
    return this.thread;
  }

  private sendWaiting(): void {
    this.sendScheduled = false;
    const thread = this.batchThread();
    if (!thread) return void this.commitWaiting();
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      thread.commit(batch.map((waiting) => waiting.send)).then(
        (outcomes) => settle(batch, outcomes.map((outcome) => (outcome.ok ? outcome : { ok: false, error: errorFrom(outcome) }))),
        (error: unknown) => batch.forEach((waiting) => waiting.reject(error)),
      );
    }
  }

  private async commitWaiting(): Promise<void> {
    if (this.committing) return;
    this.committing = true;
    try {
      while (this.waiting.length > 0) await this.commitHere(this.waiting.splice(0, MAX_BATCH));
    } finally {
      this.committing = false;
    }
  }

  private async commitHere(batch: WaitingSend[]): Promise<void> {
    const inTransaction = (sends: ChatSend[]) => this.transactions.run((db) => storeChatBatch(postgresPrepared(db), sends));
    settle(batch, await storeEachAnswered(inTransaction, batch.map((waiting) => waiting.send)));
  }
}

function settle(batch: WaitingSend[], outcomes: SendOutcome[]): void {
  batch.forEach((waiting, index) => {
    const outcome = outcomes[index];
    if (outcome.ok) waiting.resolve(outcome.value);
    else waiting.reject(outcome.error);
  });
}
