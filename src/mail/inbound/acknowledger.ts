import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import type { TicketEntity } from '../../tickets/entities/ticket.entity';
import { newMessageId, subjectWithReference } from '../mail-headers';
import { MailStore } from '../mail-store';
import { acknowledgementText } from './acknowledgement-texts';
import { SYNTHETIC_ID_DOMAIN, type ParsedMail } from './parse-mail';

@Injectable()
export class Acknowledger {
  constructor(
    private readonly config: AppConfig,
    private readonly store: MailStore,
  ) {}

  static key(ticketId: string, address: string): string {
    return `ack:${ticketId}:${address.toLowerCase()}`;
  }

  async enqueue(db: EntityManager, mail: ParsedMail, ticket: TicketEntity, now: Date): Promise<boolean> {
    const address = mail.fromAddress!;
    // A Message-ID we made up is no parent a mail program would know.
    const parent = mail.messageId.endsWith(`@${SYNTHETIC_ID_DOMAIN}>`) ? null : mail.messageId;
    const references = [...(mail.references?.split(' ') ?? []), ...(parent ? [parent] : [])].slice(-20).join(' ');
    const subject = mail.subject ? (/^(re|sv|svar)\s*:/i.test(mail.subject) ? mail.subject : `Re: ${mail.subject}`) : 'Re:';
    const queued = await this.store.enqueue(db, {
      ticketId: ticket.id,
      messageId: null,
      kind: 'ack',
      headerMessageId: newMessageId(this.config.mail.fromAddress),
      fromAddress: this.config.mail.from,
      toAddress: address,
      subject: subjectWithReference(subject, ticket.reference),
      inReplyTo: parent,
      references: references || null,
      body: acknowledgementText(ticket.language, ticket.reference),
      ackKey: Acknowledger.key(ticket.id, address),
      createdAt: now,
    });
    return queued !== null;
  }
}
