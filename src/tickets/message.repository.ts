import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, MoreThan, Repository } from 'typeorm';
import { v7 as timeOrderedUuid } from 'uuid';
import { fromDbTime, Sql, toSqliteTime } from '../database/sql';
import { Transactions } from '../database/transactions';
import { admitChatMessage, CHAT_STATE, ChatSender, ChatState } from './chat-message-admission';
import { MessageEntity } from './entities/message.entity';
import { FIND_BY_CLIENT_ID, INSERT_MESSAGE, storeChatMessage, TAKE_NEXT_SEQ } from './store-chat-message.task';
import type { Author, MessageKind } from './ticket.types';

type MessageRow = Omit<MessageEntity, 'createdAt'> & { createdAt: string | Date };

const toEntity = (row: MessageRow): MessageEntity => Object.assign(new MessageEntity(), { ...row, createdAt: fromDbTime(row.createdAt) });

export interface StoredChatMessage {
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
   * Stores a text message in a chat, in a transaction of its own, if the chat takes it from this
   * sender (chat-message-admission.ts, checked in the same transaction), and once per clientId: a
   * resend stores nothing and returns the message stored the first time. On SQLite this runs as a
   * write task in the writer thread. On PostgreSQL the chat's row is held until the commit, so that
   * two sends of one clientId on two instances cannot both miss each other.
   */
  async storeChatMessage(chatId: string, sender: ChatSender, message: { clientId: string | null; body: string; createdAt: Date }): Promise<StoredChatMessage> {
    const { clientId, body, createdAt } = message;
    if (this.transactions.tasksSupported) {
      const { row, isNew } = await this.transactions.runTask(storeChatMessage, { chatId, sender, id: newMessageId(), createdAt: toSqliteTime(createdAt), clientId, body });
      return { stored: toEntity(row), isNew };
    }
    return this.transactions.run(async (db) => {
      const [chat] = await this.sql.query<ChatState[]>(`${CHAT_STATE} FOR UPDATE`, [chatId], db);
      const admitted = admitChatMessage(chat, sender, body);
      if (clientId) {
        // A statement of its own after the lock: it sees a message committed while the lock was awaited.
        const [existing] = await this.sql.query<MessageRow[]>(FIND_BY_CLIENT_ID, [chatId, clientId], db);
        if (existing) return { stored: toEntity(existing), isNew: false };
      }
      return { stored: await this.append(db, chatId, { ...admitted, kind: 'text', clientId, createdAt }), isNew: true };
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
