import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../config/database-kind';

// No foreign keys on purpose: the record must outlive the ticket (retention) and the staff account.
@Entity({ name: 'audit_log' })
@Index('idx_audit_log_created', ['createdAt', 'id'])
@Index('idx_audit_log_ticket', ['ticketId', 'createdAt'])
@Index('idx_audit_log_actor', ['actorId', 'createdAt'])
@Index('idx_audit_log_subject', ['subjectHash', 'createdAt'])
export class AuditRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId: string;

  @Column({ name: 'actor_name', type: 'varchar', length: 100 })
  actorName: string;

  @Column({ name: 'ticket_id', type: 'varchar', length: 36, nullable: true })
  ticketId: string | null;

  @Column({ type: 'varchar', length: 11, nullable: true })
  subject: string | null;

  @Column({ name: 'subject_hash', type: 'varchar', length: 64, nullable: true })
  subjectHash: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 200 })
  purpose: string;

  @Column({ type: 'simple-json' })
  sources: string[];

  @Column({ type: 'simple-json' })
  outcome: Record<string, string>;

  @Column({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;
}
