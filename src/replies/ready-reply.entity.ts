import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../config/database-kind';
import { StaffUserEntity } from '../staff/staff-user.entity';
import type { Language, Topic } from '../tickets/ticket.types';

@Entity({ name: 'ready_replies' })
@Index('idx_ready_replies_language_title', ['language', 'title'])
export class ReadyReplyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 2 })
  language: Language;

  @Column({ type: 'varchar', length: 32, nullable: true })
  topic: Topic | null;

  @ManyToOne(() => StaffUserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: StaffUserEntity | null;

  @Column({ name: 'created_by', type: 'varchar', nullable: true }) // no length: on PostgreSQL a join column takes the uuid type of its key
  createdBy: string | null;

  @Column({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;

  @Column({ name: 'updated_at', type: TIMESTAMP })
  updatedAt: Date;
}
