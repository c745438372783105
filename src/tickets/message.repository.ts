import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, MoreThan, Repository } from 'typeorm';
import { MessageEntity } from './entities/message.entity';
import { TicketEntity } from './entities/ticket.entity';
import type { Author, MessageKind } from './ticket.types';

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
  constructor(@InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>) {}

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
    if (db.connection.options.type === 'postgres') await db.query('SELECT id FROM tickets WHERE id = $1 FOR UPDATE', [ticketId]);
  }

  findByClientId(db: EntityManager, ticketId: string, clientId: string): Promise<MessageEntity | null> {
    return db.getRepository(MessageEntity).findOneBy({ ticketId, clientId });
  }

  /** Takes the chat's next seq and stores the message in the caller's transaction. */
  async append(db: EntityManager, ticketId: string, message: NewMessage): Promise<MessageEntity> {
    await db
      .createQueryBuilder()
      .update(TicketEntity)
      .set({ lastSeq: () => 'last_seq + 1' })
      .where('id = :ticketId', { ticketId })
      .execute();
    const { lastSeq } = await db.getRepository(TicketEntity).findOneOrFail({ select: { id: true, lastSeq: true }, where: { id: ticketId } });
    const repository = db.getRepository(MessageEntity);
    return repository.save(repository.create({ ticketId, seq: lastSeq, ...message, clientId: message.clientId ?? null }));
  }
}
