import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, MoreThan, Repository } from 'typeorm';
import { v7 as timeOrderedUuid } from 'uuid';
import { fromDbTime, Sql, toSqliteTime } from '../database/sql';
import { Transactions } from '../database/transactions';
import { appendMessageOnce, FIND_BY_CLIENT_ID, INSERT_MESSAGE, TAKE_NEXT_SEQ } from './append-message.task';
import { MessageEntity } from './entities/message.entity';
import type { Author, MessageKind } from './ticket.types';

type MessageRow = Omit<MessageEntity, 'createdAt'> & { createdAt: string | Date };

const toEntity = (row: MessageRow): MessageEntity => Object.assign(new MessageEntity(), { ...row, createdAt: fromDbTime(row.createdAt) });

export interface StoreOnceResult {
  stored: MessageEntity;
  /** False when the clientId was stored before: a resend. */
  isNew: boolean;
}

// Time-ordered ids land at the end of the primary-key index: a random one dirties a page of it
// anywhere, and under load a commit of 256 messages wrote about 290 more pages (bench/README.md).
const newMessageId = () => timeOrderedUuid();

export interface NewMessage {
  clientId?: string | null;
  author: Author;
  authorId?: string | null;
  authorName?: string | null;
  kind: MessageKind;
  body: string;
  createdAt: Date;
}

@Injectable()
export class MessageRepository {
  constructor(
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    private readonly sql: Sql,
    private readonly transactions: Transactions,
  ) {}

  listAfter(ticketId: string, afterSeq: number): Promise<MessageEntity[]> {
    return this.messages.find({ where: { ticketId, seq: MoreThan(afterSeq) }, order: { seq: 'ASC' } });
  }

  findFirstByAuthor(ticketId: string, author: Author): Promise<MessageEntity | null> {
    return this.messages.findOne({ where: { ticketId, author }, order: { seq: 'ASC' } });
  }

  /**
   * Stores a message in a transaction of its own, once per clientId: a resend (same clientId) stores
   * nothing and returns the message stored the first time. On SQLite this runs as a write task in
   * the writer thread. On PostgreSQL the chat's row is held until the commit, so that two sends of
   * one clientId on two instances cannot both miss each other.
   */
  async storeOnce(ticketId: string, message: NewMessage): Promise<StoreOnceResult> {
    const clientId = message.clientId ?? null;
    if (this.transactions.tasksSupported) {
      const { row, isNew } = await this.transactions.runTask(appendMessageOnce, {
        id: newMessageId(),
        ticketId,
        clientId,
        author: message.author,
        authorId: message.authorId ?? null,
        authorName: message.authorName ?? null,
        kind: message.kind,
        body: message.body,
        createdAt: toSqliteTime(message.createdAt),
      });
      return { stored: toEntity(row), isNew };
    }
    return this.transactions.run(async (db) => {
      if (clientId) {
        // Two statements: the SELECT after the lock sees a message committed while it waited
        // (under READ COMMITTED a statement that waits for a lock keeps its own snapshot for joins).
        await this.sql.lockRow('tickets', ticketId, db);
        const [existing] = await this.sql.query<MessageRow[]>(FIND_BY_CLIENT_ID, [ticketId, clientId], db);
        if (existing) return { stored: toEntity(existing), isNew: false };
      }
      return { stored: await this.append(db, ticketId, { ...message, clientId }), isNew: true };
    });
  }

  /** Takes the chat's next seq and stores the message in the caller's transaction. */
  async append(db: EntityManager, ticketId: string, message: NewMessage): Promise<MessageEntity> {
    const [next] = await this.sql.returning<{ seq: number }>(TAKE_NEXT_SEQ, [ticketId], db);
    if (!next) throw new Error(`No chat ${ticketId} to store a message in`);
    const stored = Object.assign(new MessageEntity(), {
      id: newMessageId(),
      ticketId,
      seq: Number(next.seq),
      clientId: message.clientId ?? null,
      author: message.author,
      authorId: message.authorId ?? null,
      authorName: message.authorName ?? null,
      kind: message.kind,
      body: message.body,
      createdAt: message.createdAt,
    });
    await this.sql.query(
      INSERT_MESSAGE,
      [stored.id, ticketId, stored.seq, stored.clientId, stored.author, stored.authorId, stored.authorName, stored.kind, stored.body, this.sql.time(stored.createdAt)],
      db,
    );
    return stored;
  }
}
