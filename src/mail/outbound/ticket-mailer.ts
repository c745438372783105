import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StaffActor } from '../../auth/actor';
import { Clock } from '../../common/clock';
import { conflict, DomainError } from '../../common/errors';
import { maskNationalIdsInText } from '../../common/national-id-in-text';
import { AppConfig } from '../../config/app-config';
import { fromDbTime, Sql } from '../../database/sql';
import { Transactions } from '../../database/transactions';
import { MessageEntity } from '../../tickets/entities/message.entity';
import { TicketEntity } from '../../tickets/entities/ticket.entity';
import { MessageStore } from '../../tickets/message-store/message-store';
import { FIND_BY_CLIENT_ID } from '../../tickets/message-store/message-sql';
import { isLive } from '../../tickets/ticket-access';
import { TicketEventRepository } from '../../tickets/ticket-event.repository';
import { newMessageId } from '../mail-headers';
import type { MailEntity } from '../mail.entity';
import { MailStore } from '../mail-store';
import { OutboxSignal } from '../outbox-signal';
import { isSingleAddress } from './mail-transport';
import { replyThreading } from './reply-threading';

export interface TicketMail {
  kind: 'reply' | 'referral';
  body: string;
  clientId?: string;
  alsoIn?: (db: EntityManager, at: Date) => Promise<void>;
}

export interface QueuedTicketMail {
  message: MessageEntity;
  mail: MailEntity;
}

export const mailUnavailable = () => new DomainError('MAIL_UNAVAILABLE', 'No SMTP server is configured (SMTP_URL): mail cannot be sent');

export function mailRefusal(ticket: Pick<TicketEntity, 'status'>, address: string | null, outbound: AppConfig['mail']['outbound']): DomainError | null {
  if (isLive(ticket.status)) return new DomainError('LIVE_CHAT', 'A live chat is answered in the chat, not by e-mail');
  if (!address) return new DomainError('NO_EMAIL_ADDRESS', 'This ticket has no e-mail address to answer');
  if (outbound === 'none') return mailUnavailable();
  return null;
}

type MessageRow = Omit<MessageEntity, 'createdAt'> & { createdAt: string | Date };

@Injectable()
export class TicketMailer {
  constructor(
    private readonly store: MailStore,
    private readonly messages: MessageStore,
    private readonly events: TicketEventRepository,
    private readonly sql: Sql,
    private readonly transactions: Transactions,
    private readonly signal: OutboxSignal,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async recipient(ticket: TicketEntity): Promise<string | null> {
    const address = ticket.citizenEmail ?? (await this.store.lastIncoming(ticket.id))?.fromAddress ?? null;
    return address && isSingleAddress(address.trim()) ? address.trim() : null;
  }

  async send(actor: StaffActor, ticket: TicketEntity, input: TicketMail): Promise<QueuedTicketMail> {
    const address = await this.recipient(ticket);
    const refusal = mailRefusal(ticket, address, this.config.mail.outbound);
    if (refusal) throw refusal;
    const answered = await this.store.lastIncoming(ticket.id);
    const threading = replyThreading(ticket.reference, ticket.language, answered);
    const body = maskNationalIdsInText(input.body);
    const at = this.clock.now();
    const queued = await this.transactions.run(async (db) => {
      if (this.sql.postgres) await this.sql.query('SELECT id FROM tickets WHERE id = ? FOR UPDATE', [ticket.id], db);
      if (input.clientId) {
        const resent = await this.findResend(db, ticket.id, input.clientId);
        if (resent) return resent;
      }
      const message = await this.messages.append(db, ticket.id, { clientId: input.clientId, author: 'agent', authorId: actor.id, authorName: actor.displayName, kind: input.kind === 'referral' ? 'referral' : 'text', body, createdAt: at });
      const mail = await this.store.enqueue(db, {
        ticketId: ticket.id,
        messageId: message.id,
        kind: input.kind,
        headerMessageId: newMessageId(this.config.mail.fromAddress),
        fromAddress: this.config.mail.fromAddress,
        toAddress: address!,
        ...threading,
        body,
        createdAt: at,
      });
      if (!mail) throw new Error(`The mail of message ${message.id} was not queued`);
      await input.alsoIn?.(db, at);
      await this.events.record(db, ticket.id, { type: 'mailed', actorId: actor.id, actorName: actor.displayName, data: { mailId: mail.id, kind: input.kind }, at });
      await db.getRepository(TicketEntity).update({ id: ticket.id, status: 'open' }, { status: 'pending', updatedAt: at });
      await db.getRepository(TicketEntity).update({ id: ticket.id }, { updatedAt: at });
      return { message, mail };
    });
    this.signal.mailQueued();
    return queued;
  }

  private async findResend(db: EntityManager, ticketId: string, clientId: string): Promise<QueuedTicketMail | null> {
    const [row] = await this.sql.query<MessageRow[]>(FIND_BY_CLIENT_ID, [ticketId, clientId], db);
    if (!row) return null;
    const mail = await this.store.findByMessage(db, row.id);
    if (!mail) throw conflict('This clientId belongs to a message that was not sent by e-mail');
    return { message: Object.assign(new MessageEntity(), { ...row, seq: Number(row.seq), createdAt: fromDbTime(row.createdAt) }), mail };
  }
}
