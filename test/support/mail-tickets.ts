import { randomUUID } from 'node:crypto';
import { Transactions } from '../../src/database/transactions';
import { MailStore } from '../../src/mail/mail-store';
import { MessageStore } from '../../src/tickets/message-store/message-store';
import { TicketRepository } from '../../src/tickets/ticket.repository';
import { TicketWriter } from '../../src/tickets/ticket-writer';
import type { TestApp } from './test-app';

export const SUPPORT_ADDRESS = 'brukerstotte@digdir.no';

export interface InboundMail {
  from: string;
  subject: string;
  body: string;
  attachment?: { filename: string; contentType: string; content: Buffer };
}

export interface StoredInbound {
  ticketId: string;
  reference: string;
  messageId: string;
  headerMessageId: string;
  attachmentId?: string;
}

/**
 * What the IMAP import stores for one mail, written through the desk's own services at the test
 * clock's time: a new e-mail ticket (or a message added to `ticketId`), its row in `mails`, an
 * attachment, and the ticket's last_inbound_at.
 */
export async function storeInboundMail(desk: TestApp, mail: InboundMail, ticketId?: string): Promise<StoredInbound> {
  const at = desk.clock.now();
  const app = desk.app;
  return app.get(Transactions).run(async (db) => {
    const tickets = app.get(TicketRepository);
    const ticket = ticketId
      ? (await tickets.findById(ticketId))!
      : await app.get(TicketWriter).open(db, { channel: 'email', topic: 'other', status: 'open', language: 'nb', summary: mail.subject, citizenEmail: mail.from, at });
    const message = await app.get(MessageStore).append(db, ticket.id, { author: 'citizen', authorName: null, kind: 'text', body: mail.body, createdAt: at });
    const headerMessageId = `<${randomUUID()}@citizen.example>`;
    const store = app.get(MailStore);
    await store.storeIncoming(db, {
      ticketId: ticket.id,
      messageId: message.id,
      headerMessageId,
      fromAddress: mail.from,
      toAddress: SUPPORT_ADDRESS,
      subject: mail.subject,
      inReplyTo: null,
      references: null,
      body: mail.body,
      createdAt: at,
    });
    const attachment = mail.attachment
      ? await store.storeAttachment(db, { ticketId: ticket.id, messageId: message.id, ...mail.attachment, size: mail.attachment.content.length, createdAt: at })
      : undefined;
    await tickets.update(db, ticket.id, { lastInboundAt: at, updatedAt: at });
    return { ticketId: ticket.id, reference: ticket.reference, messageId: message.id, headerMessageId, attachmentId: attachment?.id };
  });
}
