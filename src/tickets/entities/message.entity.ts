import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../../config/database-kind';
import type { Author, MessageKind } from '../ticket.types';
import { TicketEntity } from './ticket.entity';

// (ticket, clientId) makes a retried send store nothing new.
@Entity({ name: 'messages' })
@Index('uq_messages_ticket_seq', ['ticketId', 'seq'], { unique: true })
@Index('uq_messages_ticket_client', ['ticketId', 'clientId'], { unique: true })
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => TicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: TicketEntity;

  @Column({ name: 'ticket_id', type: 'varchar' }) // no length: on PostgreSQL a join column takes the uuid type of its key
  ticketId: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ name: 'client_id', type: 'varchar', length: 64, nullable: true })
  clientId: string | null;

  @Column({ type: 'varchar', length: 16 })
  author: Author;

  @Column({ name: 'author_id', type: 'varchar', length: 36, nullable: true })
  authorId: string | null;

  @Column({ name: 'author_name', type: 'varchar', length: 100, nullable: true })
  authorName: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: MessageKind;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;
}
