import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../../config/database-kind';
import { StaffUserEntity } from '../../staff/staff-user.entity';
import type { Channel, Language, Outcome, TicketStatus, Topic } from '../ticket.types';

@Entity({ name: 'tickets' })
@Index('idx_tickets_status_queued', ['status', 'queuedAt'])
@Index('idx_tickets_assignee_status', ['assigneeId', 'status'])
export class TicketEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20, unique: true })
  reference: string;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ type: 'varchar', length: 32 })
  topic: Topic;

  @Column({ type: 'varchar', length: 16 })
  status: TicketStatus;

  @Column({ type: 'varchar', length: 2, default: 'nb' })
  language: Language;

  @Column({ name: 'citizen_name', type: 'varchar', length: 100, nullable: true })
  citizenName: string | null;

  @Column({ name: 'citizen_email', type: 'varchar', length: 254, nullable: true })
  citizenEmail: string | null;

  @Column({ name: 'citizen_phone', type: 'varchar', length: 32, nullable: true })
  citizenPhone: string | null;

  @Column({ name: 'national_id', type: 'varchar', length: 11, nullable: true })
  nationalId: string | null;

  /** HMAC of nationalId (src/config/national-id-hash.ts), set in the same write as the number. */
  @Column({ name: 'national_id_hash', type: 'varchar', length: 64, nullable: true })
  nationalIdHash: string | null;

  @Column({ type: 'boolean', default: false })
  verified: boolean;

  @Column({ name: 'auth_acr', type: 'varchar', length: 64, nullable: true })
  authAcr: string | null;

  @Column({ name: 'auth_amr', type: 'simple-json', nullable: true })
  authAmr: string[] | null;

  @Column({ name: 'auth_time', type: TIMESTAMP, nullable: true })
  authTime: Date | null;

  @Column({ name: 'referred_provider', type: 'varchar', length: 16, nullable: true })
  referredProvider: 'digipost' | 'e-boks' | null;

  @Column({ name: 'referred_at', type: TIMESTAMP, nullable: true })
  referredAt: Date | null;

  // The token itself is never stored.
  @Column({ name: 'token_hash', type: 'varchar', length: 64, nullable: true, unique: true })
  tokenHash: string | null;

  @ManyToOne(() => StaffUserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id' })
  assignee: StaffUserEntity | null;

  @Column({ name: 'assignee_id', type: 'varchar', nullable: true }) // no length: on PostgreSQL a join column takes the uuid type of its key
  assigneeId: string | null;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: Outcome | null;

  @Column({ name: 'closed_by', type: 'varchar', length: 16, nullable: true })
  closedBy: 'citizen' | 'agent' | 'system' | null;

  @Column({ name: 'rating_score', type: 'integer', nullable: true })
  ratingScore: number | null;

  @Column({ name: 'rating_comment', type: 'text', nullable: true })
  ratingComment: string | null;

  @Column({ name: 'last_seq', type: 'integer', default: 0 })
  lastSeq: number;

  @Column({ name: 'queued_at', type: TIMESTAMP, nullable: true })
  queuedAt: Date | null;

  @Column({ name: 'accepted_at', type: TIMESTAMP, nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'closed_at', type: TIMESTAMP, nullable: true })
  closedAt: Date | null;

  @Column({ name: 'last_inbound_at', type: TIMESTAMP, nullable: true })
  lastInboundAt: Date | null;

  @Column({ name: 'staff_read_at', type: TIMESTAMP, nullable: true })
  staffReadAt: Date | null;

  /** A live chat's citizen: when their last connection went away (null while one is open). */
  @Column({ name: 'citizen_left_at', type: TIMESTAMP, nullable: true })
  citizenLeftAt: Date | null;

  /** When the citizen last connected or wrote. */
  @Column({ name: 'citizen_last_seen_at', type: TIMESTAMP, nullable: true })
  citizenLastSeenAt: Date | null;

  /** When the citizen was warned that the chat closes for inactivity; cleared when they show life. */
  @Column({ name: 'idle_warned_at', type: TIMESTAMP, nullable: true })
  idleWarnedAt: Date | null;

  @Column({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;

  @Column({ name: 'updated_at', type: TIMESTAMP })
  updatedAt: Date;
}
