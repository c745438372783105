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

@Injectable()
export class MailStore {
  constructor(
    @InjectRepository(MailEntity) private readonly mails: Repository<MailEntity>,
    @InjectRepository(AttachmentEntity) private readonly attachments: Repository<AttachmentEntity>,
    private readonly outbox: OutboxSignal,
  ) {}

  async isKnown(db: EntityManager, headerMessageId: string): Promise<boolean> {
    return (await db.getRepository(MailEntity).countBy({ headerMessageId })) > 0;
  }

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

  // On PostgreSQL the worker may look before this commit, so callers tell it again after theirs.
  async enqueue(db: EntityManager, mail: OutgoingMail): Promise<MailEntity | null> {
    const repository = db.getRepository(MailEntity);
    if (mail.ackKey && (await repository.countBy({ ackKey: mail.ackKey })) > 0) return null;
    const row = repository.create({ ...mail, ackKey: mail.ackKey ?? null, id: randomUUID(), direction: 'out', status: 'queued', attempts: 0, nextAttemptAt: mail.createdAt });
    const result = await repository.createQueryBuilder().insert().values(row).orIgnore().execute();
    const queued = result.identifiers.length > 0 && (await repository.countBy({ id: row.id })) > 0;
    if (queued) this.outbox.mailQueued();
    return queued ? row : null;
  }

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

  findByMessage(db: EntityManager, messageId: string): Promise<MailEntity | null> {
    return db.getRepository(MailEntity).findOneBy({ messageId });
  }

  listOutgoing(limit: number): Promise<MailEntity[]> {
    return this.mails.find({ where: { direction: 'out' }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  lastIncoming(ticketId: string): Promise<MailEntity | null> {
    return this.mails.findOne({ where: { ticketId, direction: 'in' }, order: { createdAt: 'DESC' } });
  }

  listAttachments(ticketId: string): Promise<AttachmentEntity[]> {
    return this.attachments.find({ where: { ticketId }, order: { createdAt: 'ASC' } });
  }

  findAttachment(ticketId: string, id: string): Promise<AttachmentEntity | null> {
    return this.attachments
      .createQueryBuilder('a')
      .addSelect('a.content')
      .where('a.id = :id AND a.ticket_id = :ticketId', { id, ticketId })
      .getOne();
  }
}
