import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, MoreThan, Repository } from 'typeorm';
import { v7 as timeOrderedUuid } from 'uuid';
import { fromDbTime, Sql } from '../database/sql';
import { MessageEntity } from './entities/message.entity';
import type { Author, MessageKind } from './ticket.types';

const MESSAGE_COLUMNS = `id, ticket_id AS "ticketId", seq, client_id AS "clientId", author, author_id AS "authorId",
  author_name AS "authorName", kind, body, created_at AS "createdAt"`;

type MessageRow = Omit<MessageEntity, 'createdAt'> & { createdAt: string | Date };

const toEntity = (row: MessageRow): MessageEntity => Object.assign(new MessageEntity(), { ...row, createdAt: fromDbTime(row.createdAt) });

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
  ) {}

  listAfter(ticketId: string, afterSeq: number): Promise<MessageEntity[]> {
    return this.messages.find({ where: { ticketId, seq: MoreThan(afterSeq) }, order: { seq: 'ASC' } });
  }

  findFirstByAuthor(ticketId: string, author: Author): Promise<MessageEntity | null> {
    return this.messages.findOne({ where: { ticketId, author }, order: { seq: 'ASC' } });
  }

  /**
   * Holds the chat's row until the caller's transaction ends, so that two sends of one clientId on
   * two instances cannot both miss each other. SQLite needs no lock: its writes are serialized.
   */
  async lockChat(db: EntityManager, ticketId: string): Promise<void> {
    if (this.sql.postgres) await this.sql.query('SELECT id FROM tickets WHERE id = ? FOR UPDATE', [ticketId], db);
  }

  // Storing a message is the desk's hottest write: plain SQL here, not the query builder (bench/README.md).

  async findByClientId(db: EntityManager, ticketId: string, clientId: string): Promise<MessageEntity | null> {
    const [row] = await this.sql.query<MessageRow[]>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE ticket_id = ? AND client_id = ?`, [ticketId, clientId], db);
    return row ? toEntity(row) : null;
  }

  /** Takes the chat's next seq and stores the message in the caller's transaction. */
  async append(db: EntityManager, ticketId: string, message: NewMessage): Promise<MessageEntity> {
    const [next] = await this.sql.returning<{ seq: number }>('UPDATE tickets SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq AS seq', [ticketId], db);
    if (!next) throw new Error(`No chat ${ticketId} to store a message in`);
    const stored = Object.assign(new MessageEntity(), {
      // Time-ordered ids land at the end of the primary-key index: a random one dirties a page of
      // it anywhere, and under load a commit of 256 messages wrote about 290 more pages (bench/README.md).
      id: timeOrderedUuid(),
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
      `INSERT INTO messages (id, ticket_id, seq, client_id, author, author_id, author_name, kind, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [stored.id, ticketId, stored.seq, stored.clientId, stored.author, stored.authorId, stored.authorName, stored.kind, stored.body, this.sql.time(stored.createdAt)],
      db,
    );
    return stored;
  }
}
