import { EntityManager, MoreThan, Repository } from 'typeorm';
import { v7 as timeOrderedUuid } from 'uuid';
import { fromDbTime, Sql } from '../../database/sql';
import type { Transactions } from '../../database/transactions';
import { MessageEntity } from '../entities/message.entity';
import type { Author, MessageKind } from '../ticket.types';
import type { ChatSender } from './chat-message-admission';
import { appendSteps, MessageRow, runSteps, SqlStep, Steps } from './message-sql';

export interface StoredChatMessage {
  stored: MessageEntity;
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

// A random id dirties a page anywhere in the primary key: ~290 more pages per 256-message commit (bench/README.md).
export const newMessageId = () => timeOrderedUuid();

export const toEntity = (row: MessageRow): MessageEntity => Object.assign(new MessageEntity(), { ...row, createdAt: fromDbTime(row.createdAt) });

export abstract class MessageStore {
  constructor(
    private readonly messages: Repository<MessageEntity>,
    protected readonly sql: Sql,
    protected readonly transactions: Transactions,
  ) {}

  abstract storeChatMessage(chatId: string, sender: ChatSender, message: ChatMessageInput): Promise<StoredChatMessage>;

  listAfter(ticketId: string, afterSeq: number): Promise<MessageEntity[]> {
    return this.messages.find({ where: { ticketId, seq: MoreThan(afterSeq) }, order: { seq: 'ASC' } });
  }

  findFirstByAuthor(ticketId: string, author: Author): Promise<MessageEntity | null> {
    return this.messages.findOne({ where: { ticketId, author }, order: { seq: 'ASC' } });
  }

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
      if (step.mode === 'run') return this.sql.query(step.sql, step.params, db);
      const [first] = await this.sql.returning<unknown>(step.sql, step.params, db);
      return first;
    });
  }
}
