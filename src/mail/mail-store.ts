import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, MoreThanOrEqual, Repository } from 'typeorm';
import { AttachmentEntity } from './attachment.entity';
import { MailEntity, MailKind } from './mail.entity';
import { OutboxSignal } from './outbox-signal';

export interface OutgoingMail {
  ticketId: string;
  messageId: string | null;
  kind: Exclude<MailKind, 'mail'>;
  headerMessageId: string;
  fromAddress: string;
  toAddress: string;
  subject: string;
  inReplyTo: string | null;
  references: string | null;
  body: string;
  ackKey?: string | null;
  createdAt: Date;
}

export type IncomingMail = Omit<OutgoingMail, 'kind' | 'ackKey'>;

/** The `mails` and `attachments` tables. Writes take the caller's transaction (Transactions.run). */
@Injectable()
export class MailStore {
  constructor(
    @InjectRepository(MailEntity) private readonly mails: Repository<MailEntity>,
    @InjectRepository(AttachmentEntity) private readonly attachments: Repository<AttachmentEntity>,
    private readonly outbox: OutboxSignal,
  ) {}

  /** Whether a mail with this Message-ID is stored already (taken in, or sent by us). */
  async isKnown(db: EntityManager, headerMessageId: string): Promise<boolean> {
    return (await db.getRepository(MailEntity).countBy({ headerMessageId })) > 0;
  }

  /** The ticket of the first of these Message-IDs that is stored: what an answer threads into. */
  async ticketOfThread(db: EntityManager, headerMessageIds: string[]): Promise<string | null> {
    if (headerMessageIds.length === 0) return null;
    const found = await db.getRepository(MailEntity).find({ select: { ticketId: true, headerMessageId: true }, where: { headerMessageId: In(headerMessageIds.slice(-50)) } });
    for (const id of [...headerMessageIds].reverse()) {
      const hit = found.find((mail) => mail.headerMessageId === id);
      if (hit) return hit.ticketId;
    }
    return null;
  }

  async storeIncoming(db: EntityManager, mail: IncomingMail): Promise<MailEntity> {
    const row = db.getRepository(MailEntity).create({ ...mail, id: randomUUID(), direction: 'in', kind: 'mail', status: 'received', attempts: 0, ackKey: null });
    await db.getRepository(MailEntity).insert(row);
    return row;
  }

  /**
   * Puts a mail in the outbox, due at once. An acknowledgement whose `ackKey` is taken already is
   * not queued again: null. The outbox worker is told (on SQLite its claim waits for this commit;
   * on PostgreSQL it may look too early, so callers tell it again after their commit, or its poll finds the mail).
   */
  async enqueue(db: EntityManager, mail: OutgoingMail): Promise<MailEntity | null> {
    const repository = db.getRepository(MailEntity);
    if (mail.ackKey && (await repository.countBy({ ackKey: mail.ackKey })) > 0) return null;
    const row = repository.create({ ...mail, ackKey: mail.ackKey ?? null, id: randomUUID(), direction: 'out', status: 'queued', attempts: 0, nextAttemptAt: mail.createdAt });
    const result = await repository.createQueryBuilder().insert().values(row).orIgnore().execute();
    const queued = result.identifiers.length > 0 && (await repository.countBy({ id: row.id })) > 0;
    if (queued) this.outbox.mailQueued();
    return queued ? row : null;
  }

  /** Acknowledgements queued to an address since a time, over all tickets (the loop guard's daily cap). */
  acksToAddressSince(db: EntityManager, toAddress: string, since: Date): Promise<number> {
    return db.getRepository(MailEntity).countBy({ kind: 'ack', toAddress, createdAt: MoreThanOrEqual(since) });
  }

  async hasAck(db: EntityManager, ackKey: string): Promise<boolean> {
    return (await db.getRepository(MailEntity).countBy({ ackKey })) > 0;
  }

  async storeAttachment(db: EntityManager, attachment: Omit<AttachmentEntity, 'id'>): Promise<AttachmentEntity> {
    const row = db.getRepository(AttachmentEntity).create({ ...attachment, id: randomUUID() });
    await db.getRepository(AttachmentEntity).insert(row);
    return row;
  }

  listForTicket(ticketId: string): Promise<MailEntity[]> {
    return this.mails.find({ where: { ticketId }, order: { createdAt: 'ASC' } });
  }

  findForTicket(ticketId: string, id: string): Promise<MailEntity | null> {
    return this.mails.findOneBy({ ticketId, id });
  }

  /** The mail that carries a ticket's message (a reply, a referral). */
  findByMessage(db: EntityManager, messageId: string): Promise<MailEntity | null> {
    return db.getRepository(MailEntity).findOneBy({ messageId });
  }

  /** The newest outgoing mails of every ticket (the development mailbox page). */
  listOutgoing(limit: number): Promise<MailEntity[]> {
    return this.mails.find({ where: { direction: 'out' }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  /** The newest mail the citizen sent on a ticket: what a reply answers. */
  lastIncoming(ticketId: string): Promise<MailEntity | null> {
    return this.mails.findOne({ where: { ticketId, direction: 'in' }, order: { createdAt: 'DESC' } });
  }

  listAttachments(ticketId: string): Promise<AttachmentEntity[]> {
    return this.attachments.find({ where: { ticketId }, order: { createdAt: 'ASC' } });
  }

  /** One attachment with its content, only if it belongs to the ticket. */
  findAttachment(ticketId: string, id: string): Promise<AttachmentEntity | null> {
    return this.attachments
      .createQueryBuilder('a')
      .addSelect('a.content')
      .where('a.id = :id AND a.ticket_id = :ticketId', { id, ticketId })
      .getOne();
  }
}
