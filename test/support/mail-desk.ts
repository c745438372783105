import type { Response } from 'superagent';
import { Sql } from '../../src/database/sql';
import { Transactions } from '../../src/database/transactions';
import { MailStore, type OutgoingMail } from '../../src/mail/mail-store';
import { OutboxWorker } from '../../src/mail/outbound/outbox-worker';
import { MessageStore } from '../../src/tickets/message-store/message-store';
import type { StaffLogin, TestApp } from './test-app';

/** Helpers for the e-mail channel's e2e tests. */

export const write = (desk: TestApp, login: StaffLogin, method: 'post' | 'patch', path: string) =>
  desk.http()[method](path).set('cookie', login.cookie).set('x-csrf-token', login.csrfToken);

/** A ticket from the citizen page's offline form. */
export async function webFormTicket(desk: TestApp, fields: { email?: string; language?: 'nb' | 'nn' | 'en'; message?: string } = {}): Promise<{ id: string; reference: string }> {
  const response = await desk
    .http()
    .post('/api/contact')
    .send({ topic: 'digital-mailbox', message: fields.message ?? 'Jeg finner ikke brevet fra NAV i postkassen.', ...(fields.email ? { email: fields.email } : {}), ...(fields.language ? { language: fields.language } : {}) })
    .expect(201);
  const reference: string = response.body.reference;
  const [row] = await desk.app.get(Sql).query<{ id: string }[]>('SELECT id FROM tickets WHERE reference = ?', [reference]);
  return { id: row.id, reference };
}

/** A mail the citizen sent on the ticket, as the inbound side stores it. */
export async function storeInbound(desk: TestApp, ticketId: string, mail: { headerMessageId: string; subject: string; references?: string; from: string }): Promise<void> {
  const at = desk.clock.now();
  await desk.app.get(Transactions).run(async (db) => {
    const message = await desk.app.get(MessageStore).append(db, ticketId, { author: 'citizen', kind: 'text', body: 'Hei igjen', createdAt: at });
    await desk.app.get(MailStore).storeIncoming(db, {
      ticketId,
      messageId: message.id,
      headerMessageId: mail.headerMessageId,
      fromAddress: mail.from,
      toAddress: 'brukerstotte@digdir.no',
      subject: mail.subject,
      inReplyTo: null,
      references: mail.references ?? null,
      body: 'Hei igjen',
      createdAt: at,
    });
  });
}

/** A file that came with a mail from the citizen. */
export function storeAttachment(desk: TestApp, ticketId: string, file: { filename: string; contentType: string; content: Buffer }) {
  const at = desk.clock.now();
  return desk.app.get(Transactions).run(async (db) => {
    const message = await desk.app.get(MessageStore).append(db, ticketId, { author: 'citizen', kind: 'text', body: 'Vedlegg', createdAt: at });
    return desk.app.get(MailStore).storeAttachment(db, { ticketId, messageId: message.id, ...file, size: file.content.length, createdAt: at });
  });
}

/** supertest: the body as a Buffer, whatever its type. */
export function binary(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

/** An outbox row queued straight in the database (as the inbound side queues acknowledgements). */
export function queueDirectly(desk: TestApp, mail: Partial<OutgoingMail> & Pick<OutgoingMail, 'ticketId' | 'headerMessageId' | 'toAddress'>) {
  return desk.app.get(Transactions).run((db) =>
    desk.app.get(MailStore).enqueue(db, {
      messageId: null,
      kind: 'ack',
      fromAddress: 'brukerstotte@digdir.no',
      subject: 'Vi har fått e-posten din',
      inReplyTo: null,
      references: null,
      body: 'Takk for e-posten.',
      createdAt: desk.clock.now(),
      ...mail,
    }),
  );
}

/** Runs the outbox until nothing is due (a send the POST already started included). */
export const sendDue = (desk: TestApp) => desk.app.get(OutboxWorker).sendDue();

export async function mailsOf(desk: TestApp, login: StaffLogin, ticketId: string) {
  return (await desk.http().get(`/api/tickets/${ticketId}/mail`).set('cookie', login.cookie).expect(200)).body;
}
