import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../../config/database-kind';
import { TicketEntity } from './ticket.entity';

export type TicketEventType =
  | 'created'
  | 'queued'
  | 'accepted'
  | 'requeued'
  | 'transferred'
  | 'referred'
  | 'closed'
  | 'ended-by-citizen'
  | 'rated'
  | 'updated'
  | 'converted-to-ticket'
  | 'verified'
  | 'reopened'
  | 'mailed'
  | 'idle-warning'
  | 'abandoned'
  | 'contact-left'
  | 'earlier-contacts';

@Entity({ name: 'ticket_events' })
@Index('idx_ticket_events_ticket', ['ticketId', 'createdAt'])
export class TicketEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => TicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: TicketEntity;

  @Column({ name: 'ticket_id', type: 'varchar' }) // no length: on PostgreSQL a join column takes the uuid type of its key
  ticketId: string;

  @Column({ type: 'varchar', length: 32 })
  type: TicketEventType;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 100, nullable: true })
  actorName: string | null;

  @Column({ type: 'simple-json', nullable: true })
  data: Record<string, unknown> | null;

  @Column({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;
}
