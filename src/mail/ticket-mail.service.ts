import { Injectable } from '@nestjs/common';
import type { StaffActor } from '../auth/actor';
import { ChatReferralService } from '../chat/chat-referral.service';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { ProviderDirectory, type Provider } from '../referrals/provider-directory';
import { mapMessage } from '../tickets/ticket.dto';
import { TicketsService } from '../tickets/tickets.service';
import type { AttachmentEntity } from './attachment.entity';
import { mapAttachment, mapMail, MailDto, SentMailDto, TicketMailDto } from './mail.dto';
import { MailStore } from './mail-store';
import { Outbox } from './outbound/outbox';
import { OutboxSignal } from './outbox-signal';
import { mailRefusal, mailUnavailable, QueuedTicketMail, TicketMailer } from './outbound/ticket-mailer';

const sent = ({ message, mail }: QueuedTicketMail): SentMailDto => ({ message: mapMessage(message), mail: mapMail(mail) });

@Injectable()
export class TicketMailService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly store: MailStore,
    private readonly mailer: TicketMailer,
    private readonly outbox: Outbox,
    private readonly signal: OutboxSignal,
    private readonly referrals: ChatReferralService,
    private readonly directory: ProviderDirectory,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async overview(actor: StaffActor, ticketId: string): Promise<TicketMailDto> {
    const ticket = await this.tickets.requireFor(actor, ticketId, 'read');
    const [address, mails, attachments] = await Promise.all([this.mailer.recipient(ticket), this.store.listForTicket(ticket.id), this.store.listAttachments(ticket.id)]);
    return {
      canReply: mailRefusal(ticket, address, this.config.mail.outbound) === null,
      ...(address ? { replyTo: address } : {}),
      outbound: this.config.mail.outbound,
      mails: mails.map(mapMail),
      attachments: attachments.map(mapAttachment),
    };
  }

  async reply(actor: StaffActor, ticketId: string, body: string, clientId?: string): Promise<SentMailDto> {
    const ticket = await this.tickets.requireFor(actor, ticketId, 'write');
    return sent(await this.mailer.send(actor, ticket, { kind: 'reply', body, clientId }));
  }

  async refer(actor: StaffActor, ticketId: string, provider: Provider): Promise<SentMailDto> {
    const ticket = await this.tickets.requireFor(actor, ticketId, 'write');
    return sent(
      await this.mailer.send(actor, ticket, {
        kind: 'referral',
        body: this.directory.referralMessage(provider, ticket.language),
        alsoIn: (db, at) => this.referrals.recordReferral(db, actor, ticket.id, provider, at),
      }),
    );
  }

  async retry(actor: StaffActor, ticketId: string, mailId: string): Promise<{ mail: MailDto }> {
    const ticket = await this.tickets.requireFor(actor, ticketId, 'write');
    const mail = await this.store.findForTicket(ticket.id, mailId);
    if (!mail || mail.direction !== 'out') throw notFound('Mail');
    if (this.config.mail.outbound === 'none') throw mailUnavailable();
    if (!(await this.outbox.retry(ticket.id, mail.id, this.clock.now()))) throw conflict(`Only a failed mail can be sent again; this one is ${mail.status}`);
    this.signal.mailQueued();
    return { mail: mapMail((await this.store.findForTicket(ticket.id, mail.id))!) };
  }

  async attachment(actor: StaffActor, ticketId: string, attachmentId: string): Promise<AttachmentEntity> {
    const ticket = await this.tickets.requireFor(actor, ticketId, 'read');
    const attachment = await this.store.findAttachment(ticket.id, attachmentId);
    if (!attachment) throw notFound('Attachment');
    return attachment;
  }
}
