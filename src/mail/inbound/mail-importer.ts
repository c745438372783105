import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeskEvents } from '../../chat/desk-events';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { Sql } from '../../database/sql';
import { Transactions } from '../../database/transactions';
import { TicketEntity } from '../../tickets/entities/ticket.entity';
import { MessageStore } from '../../tickets/message-store/message-store';
import { TicketEventRepository } from '../../tickets/ticket-event.repository';
import { TicketWriter } from '../../tickets/ticket-writer';
import { referenceInSubject } from '../mail-headers';
import { MailStore } from '../mail-store';
import { OutboxSignal } from '../outbox-signal';
import { Acknowledger } from './acknowledger';
import { inferTopic } from './infer-topic';
import { admit } from './loop-guard';
import { parseMail, ParsedMail } from './parse-mail';
import { withoutTrailingQuotation } from './quotation';

export type ImportOutcome =
  | { status: 'imported'; ticketId: string; reference: string; newTicket: boolean; acknowledged: boolean }
  | { status: 'duplicate' }
  | { status: 'refused'; reason: string };

interface Threaded {
  ticket: TicketEntity;
  newTicket: boolean;
}

const isUniqueViolation = (error: unknown) => /UNIQUE constraint failed: mails\.header_message_id|uq_mails_header_message_id/.test(String((error as Error)?.message));

// A Message-ID stored already changes nothing, so fetching a mail again is harmless.
@Injectable()
export class MailImporter {
  private readonly logger = new Logger('MailImport');

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
    private readonly sql: Sql,
    private readonly store: MailStore,
    private readonly writer: TicketWriter,
    private readonly messages: MessageStore,
    private readonly events: TicketEventRepository,
    private readonly acknowledger: Acknowledger,
    private readonly desk: DeskEvents,
    private readonly outbox: OutboxSignal,
  ) {}

  async import(source: Buffer, fetched: { truncatedFrom?: number | null } = {}): Promise<ImportOutcome> {
    let mail: ParsedMail;
    try {
      mail = await parseMail(source, { maxAttachmentBytes: this.config.mail.maxAttachmentBytes, truncatedFrom: fetched.truncatedFrom });
    } catch (error) {
      return this.refused(`unreadable MIME (${(error as Error).name})`);
    }
    if (mail.fromAddress === this.config.mail.fromAddress) return this.refused('sent from our own address');
    if (!mail.fromAddress && !mail.text) return this.refused('no sender address and no text');
    let outcome: ImportOutcome;
    try {
      outcome = await this.transactions.run((db) => this.storeMail(db, mail));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      outcome = { status: 'duplicate' }; // another instance stored it between our check and our insert
    }
    if (outcome.status === 'imported') {
      this.desk.emit('ticket.mail', { ticketId: outcome.ticketId, newTicket: outcome.newTicket });
      // After the commit: on PostgreSQL a nudge from inside the transaction may come before it.
      if (outcome.acknowledged) this.outbox.mailQueued();
      this.logger.log(`Mail taken into ${outcome.reference} (${outcome.newTicket ? 'new ticket' : 'answer'}${outcome.acknowledged ? ', acknowledgement queued' : ''})`);
    }
    return outcome;
  }

  private refused(reason: string): ImportOutcome {
    this.logger.warn(`Mail refused: ${reason}`);
    return { status: 'refused', reason };
  }

  private async storeMail(db: EntityManager, mail: ParsedMail): Promise<ImportOutcome> {
    // Two instances importing the same mail at once: the second waits here, then finds it stored.
    if (this.sql.postgres) await this.sql.query('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [mail.messageId], db);
    if (await this.store.isKnown(db, mail.messageId)) return { status: 'duplicate' };
    const now = this.clock.now();
    const { ticket, newTicket } = (await this.threadInto(db, mail)) ?? { ticket: await this.openTicket(db, mail, now), newTicket: true };
    const body = (newTicket ? mail.text : withoutTrailingQuotation(mail.text)) || '(tom e-post)';
    const message = await this.messages.append(db, ticket.id, { author: 'citizen', authorName: ticket.citizenName ?? mail.fromName, kind: 'text', body, createdAt: now });
    await this.store.storeIncoming(db, {
      ticketId: ticket.id,
      messageId: message.id,
      headerMessageId: mail.messageId,
      fromAddress: mail.fromAddress ?? '',
      toAddress: this.config.mail.fromAddress,
      subject: mail.subject,
      inReplyTo: mail.inReplyTo,
      references: mail.references,
      body: mail.text,
      createdAt: now,
    });
    for (const attachment of mail.attachments) {
      await this.store.storeAttachment(db, { ticketId: ticket.id, messageId: message.id, ...attachment, size: attachment.content.length, createdAt: now });
    }
    const change: Partial<TicketEntity> = { lastInboundAt: now, updatedAt: now };
    if (ticket.status === 'pending' || ticket.status === 'closed') {
      Object.assign(change, { status: 'open', outcome: null, closedBy: null, closedAt: null });
      await this.events.record(db, ticket.id, { type: 'reopened', data: { by: 'email', from: ticket.status }, at: now });
    }
    await db.getRepository(TicketEntity).update({ id: ticket.id }, change);
    const acknowledged = mail.fromAddress ? await this.acknowledge(db, mail, ticket, now) : false;
    return { status: 'imported', ticketId: ticket.id, reference: ticket.reference, newTicket, acknowledged };
  }

  // The subject's reference counts only from the ticket's own address: references are guessable, Message-IDs are not.
  private async threadInto(db: EntityManager, mail: ParsedMail): Promise<Threaded | null> {
    const tickets = db.getRepository(TicketEntity);
    const byHeader = await this.store.ticketOfThread(db, mail.thread);
    if (byHeader) {
      const ticket = await tickets.findOneBy({ id: byHeader });
      if (ticket) return { ticket, newTicket: false };
    }
    const reference = referenceInSubject(mail.subject);
    if (!reference || !mail.fromAddress) return null;
    const ticket = await tickets.findOneBy({ reference });
    if (!ticket || ticket.citizenEmail?.toLowerCase() !== mail.fromAddress) return null;
    return { ticket, newTicket: false };
  }

  private openTicket(db: EntityManager, mail: ParsedMail, now: Date): Promise<TicketEntity> {
    return this.writer.open(db, {
      channel: 'email',
      topic: inferTopic(mail.subject, mail.text),
      status: 'open',
      language: mail.language ?? 'nb',
      summary: mail.subject || null,
      citizenName: mail.fromName,
      citizenEmail: mail.fromAddress,
      at: now,
    });
  }

  private async acknowledge(db: EntityManager, mail: ParsedMail, ticket: TicketEntity, now: Date): Promise<boolean> {
    const address = mail.fromAddress!;
    const admission = admit({ fromAddress: address, headers: mail.headers }, this.config.mail.fromAddress, {
      ackedOnTicket: await this.store.hasAck(db, Acknowledger.key(ticket.id, address)),
      acksToAddressToday: await this.store.acksToAddressSince(db, address, new Date(now.getTime() - 86_400_000)),
    });
    if (!admission.take || !admission.acknowledge) {
      if (admission.take) this.logger.log(`No acknowledgement on ${ticket.reference}: ${admission.reason}`);
      return false;
    }
    return this.acknowledger.enqueue(db, mail, ticket, now);
  }
}
