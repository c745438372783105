import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TIMESTAMP } from '../config/database-kind';

export type MailDirection = 'in' | 'out';
export type MailKind = 'mail' | 'ack' | 'reply' | 'referral';
export type MailStatus = 'received' | 'queued' | 'sending' | 'sent' | 'failed';

@Entity({ name: 'mails' })
export class MailEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  @Column({ name: 'message_id', type: 'varchar', length: 36, nullable: true })
  messageId: string | null;

  @Column({ type: 'varchar', length: 3 })
  direction: MailDirection;

  @Column({ type: 'varchar', length: 16 })
  kind: MailKind;

  @Column({ name: 'header_message_id', type: 'varchar', length: 998 })
  headerMessageId: string;

  @Column({ name: 'from_address', type: 'varchar', length: 254 })
  fromAddress: string;

  @Column({ name: 'to_address', type: 'varchar', length: 254 })
  toAddress: string;

  @Column({ type: 'varchar', length: 998 })
  subject: string;

  @Column({ name: 'in_reply_to', type: 'varchar', length: 998, nullable: true })
  inReplyTo: string | null;

  @Column({ name: 'refs', type: 'text', nullable: true })
  references: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 16 })
  status: MailStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: TIMESTAMP, nullable: true })
  nextAttemptAt: Date | null;

  @Column({ name: 'claimed_until', type: TIMESTAMP, nullable: true })
  claimedUntil: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'sent_at', type: TIMESTAMP, nullable: true })
  sentAt: Date | null;

  @Column({ name: 'ack_key', type: 'varchar', length: 300, nullable: true })
  ackKey: string | null;

  @Column({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;
}
