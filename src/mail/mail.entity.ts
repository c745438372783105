import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TIMESTAMP } from '../config/database-kind';

export type MailDirection = 'in' | 'out';
/** Inbound: `mail`. Outbound: an automatic acknowledgement, an agent's reply, or a referral. */
export type MailKind = 'mail' | 'ack' | 'reply' | 'referral';
/** Inbound mails are `received`; outbound ones go queued → sending → sent, or failed. */
export type MailStatus = 'received' | 'queued' | 'sending' | 'sent' | 'failed';

/** One mail in or out of a ticket (migration 1764900000000-mail-channel). */
@Entity({ name: 'mails' })
export class MailEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  /** The ticket's message this mail carries (its text as the thread shows it); null for acknowledgements. */
  @Column({ name: 'message_id', type: 'varchar', length: 36, nullable: true })
  messageId: string | null;

  @Column({ type: 'varchar', length: 3 })
  direction: MailDirection;

  @Column({ type: 'varchar', length: 16 })
  kind: MailKind;

  /** RFC 5322 Message-ID with its angle brackets: unique, so an inbound mail is stored once. */
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

  /** The References header: Message-IDs separated by spaces. */
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

  /** While a sender holds the mail; after this, another instance may take it over. */
  @Column({ name: 'claimed_until', type: TIMESTAMP, nullable: true })
  claimedUntil: Date | null;

  /** The SMTP server's answer (or the connection error) of the last failed attempt. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'sent_at', type: TIMESTAMP, nullable: true })
  sentAt: Date | null;

  /** `ack:<ticket>:<address>` on acknowledgements: unique, so each address gets at most one per ticket. */
  @Column({ name: 'ack_key', type: 'varchar', length: 300, nullable: true })
  ackKey: string | null;

  @Column({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;
}
