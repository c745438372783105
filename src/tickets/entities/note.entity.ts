import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../../config/database-kind';
import { StaffUserEntity } from '../../staff/staff-user.entity';
import { TicketEntity } from './ticket.entity';

@Entity({ name: 'notes' })
@Index('idx_notes_ticket', ['ticketId', 'createdAt'])
export class NoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => TicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: TicketEntity;

  @Column({ name: 'ticket_id', type: 'varchar' }) // no length: on PostgreSQL a join column takes the uuid type of its key
  ticketId: string;

  @ManyToOne(() => StaffUserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: StaffUserEntity | null;

  @Column({ name: 'author_id', type: 'varchar', nullable: true }) // no length: on PostgreSQL a join column takes the uuid type of its key
  authorId: string | null;

  @Column({ name: 'author_name', type: 'varchar', length: 100 })
  authorName: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;
}
