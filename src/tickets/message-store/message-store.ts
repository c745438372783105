import { EntityManager, MoreThan, Repository } from 'typeorm';
import { v7 as timeOrderedUuid } from 'uuid';
import { fromDbTime, Sql } from '../../database/sql';
import type { Transactions } from '../../database/transactions';
import { MessageEntity } from '../entities/message.entity';
import type { Author, MessageKind } from '../ticket.types';
import type { ChatSender } from './chat-message-admission';
import { appendSteps, MessageRow, runSteps, SqlStep, Steps } from './message-sql';

/**
 * The chat messages of every ticket: reading them, and the one write path (message-sql.ts) for a
 * sender's message (storeChatMessage, its own transaction: SQLite or PostgreSQL implementation)
 * and for any other message in the caller's transaction (append).
 */

export interface StoredChatMessage {
  stored: MessageEntity;
  /** False when the clientId was stored before: a resend. */
  isNew: boolean;
}

export interface NewMessage {
  clientId?: string | null;
  author: Author;
  authorId?: string | null;
  authorName?: string | null;
  kind: MessageKind;
  body: string;
  createdAt: Date;
}

export interface ChatMessageInput {
  clientId: string | null;
  body: string;
  createdAt: Date;
}

// Time-ordered ids land at the end of the primary-key index: a random one dirties a page of it
// anywhere, and under load a commit of 256 messages wrote about 290 more pages (bench/README.md).
export const newMessageId = () => timeOrderedUuid();

export const toEntity = (row: MessageRow): MessageEntity => Object.assign(new MessageEntity(), { ...row, createdAt: fromDbTime(row.createdAt) });

/** The injection token too; messageStoreProvider picks the implementation for the database. */
export abstract class MessageStore {
  constructor(
    private readonly messages: Repository<MessageEntity>,
    protected readonly sql: Sql,
    protected readonly transactions: Transactions,
  ) {}

  /**
   * Stores a text message in a chat, in a transaction of its own, if the chat takes it from this
   * sender now, and once per clientId: a resend stores nothing and returns the first message.
   */
  abstract storeChatMessage(chatId: string, sender: ChatSender, message: ChatMessageInput): Promise<StoredChatMessage>;

  listAfter(ticketId: string, afterSeq: number): Promise<MessageEntity[]> {
    return this.messages.find({ where: { ticketId, seq: MoreThan(afterSeq) }, order: { seq: 'ASC' } });
  }

  findFirstByAuthor(ticketId: string, author: Author): Promise<MessageEntity | null> {
    return this.messages.findOne({ where: { ticketId, author }, order: { seq: 'ASC' } });
  }

  /** Takes the ticket's next seq and stores the message in the caller's transaction. */
  async append(db: EntityManager, ticketId: string, message: NewMessage): Promise<MessageEntity> {
    const row = await this.runSteps(
      appendSteps({
        id: newMessageId(),
        ticketId,
        clientId: message.clientId ?? null,
        author: message.author,
        authorId: message.authorId ?? null,
        authorName: message.authorName ?? null,
        kind: message.kind,
        body: message.body,
        createdAt: this.sql.time(message.createdAt),
      }),
      db,
    );
    return toEntity(row);
  }

  protected runSteps<R>(steps: Steps<R>, db: EntityManager): Promise<R> {
    return runSteps(steps, async (step: SqlStep) => {
      const sql = step.lock && this.sql.postgres ? `${step.sql} FOR UPDATE` : step.sql;
      if (step.mode === 'run') return this.sql.query(sql, step.params, db);
      const [first] = await this.sql.returning<unknown>(sql, step.params, db);
      return first;
    });
  }
}
