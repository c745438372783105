import { simpleParser } from 'mailparser';
import { startDovecot, TestMailbox } from '../support/dovecot';
import { deliver, rows, startMailDesk, ticketOf } from '../support/mail-inbound';
import { write } from '../support/mail-desk';
import { messageIdOf, rawMail } from '../support/raw-mail';
import { SmtpReceiver } from '../support/smtp-receiver';
import { StaffLogin, TestApp, until } from '../support/test-app';

/** The whole e-mail channel through real servers: Dovecot in, the desk, an SMTP server out, and back in. */
describe('a conversation by e-mail, through IMAP and SMTP', () => {
  let box: TestMailbox;
  let smtp: SmtpReceiver;
  let desk: TestApp;
  let agent: StaffLogin;

  beforeAll(async () => {
    box = await startDovecot();
    smtp = await SmtpReceiver.start();
    desk = await startMailDesk(box, { env: { SMTP_URL: smtp.url, MAIL_FROM: 'Brukerstøtte Digdir <brukerstotte@digdir.no>' } });
    agent = await desk.login('agent', 'kari');
  });

  afterAll(async () => {
    await desk?.close();
    await smtp?.stop();
    await box?.stop();
  });

  const receivedCount = async (count: number) => {
    await until(() => smtp.received.length >= count, 15_000);
    return smtp.parsed();
  };

  it('acknowledges a new mail in its language, carries the answer out and the citizen’s reply back into the same ticket', async () => {
    const question = rawMail({
      from: 'Ola Nordmann <ola@example.no>',
      subject: 'Eg finn ikkje brevet',
      headers: { 'Content-Language': 'nn' },
      text: 'Hei,\neg finn ikkje brevet frå Skatteetaten i Digipost.\nHelsing Ola',
    });
    await deliver(box, question);
    const opened = (await ticketOf(desk, question))!;
    expect(opened.ticket).toMatchObject({ channel: 'email', status: 'open', language: 'nn', citizen_email: 'ola@example.no' });
    const reference = opened.ticket.reference as string;

    // The acknowledgement reaches the SMTP server, threaded to the question, marked as automatic.
    const [ack] = await receivedCount(1);
    expect(ack.to).toMatchObject({ text: 'ola@example.no' });
    expect(ack.subject).toBe(`Re: Eg finn ikkje brevet [${reference}]`);
    expect(ack.inReplyTo).toBe(messageIdOf(question));
    expect(ack.headers.get('auto-submitted')).toBe('auto-replied');
    expect(ack.text).toContain(reference);

    // The agent sees the ticket unread, and answers it.
    const list = (await desk.http().get('/api/tickets').query({ channel: 'email' }).set('cookie', agent.cookie).expect(200)).body;
    expect(list.items).toEqual([expect.objectContaining({ id: opened.ticket.id, unread: true })]);
    const answer = await write(desk, agent, 'post', `/api/tickets/${opened.ticket.id}/mail`).send({ body: 'Brevet ligg under «Arkiv» i Digipost.', clientId: 'answer-1' }).expect(201);
    expect(answer.body.mail).toMatchObject({ kind: 'reply', status: 'queued' });

    const [, reply] = await receivedCount(2);
    expect(reply.subject).toBe(`Re: Eg finn ikkje brevet [${reference}]`);
    expect(reply.inReplyTo).toBe(messageIdOf(question));
    expect([reply.references].flat()).toContain(messageIdOf(question));
    expect(reply.text?.trim()).toBe('Brevet ligg under «Arkiv» i Digipost.');
    await until(async () => (await rows(desk, 'SELECT status FROM mails WHERE id = ?', [answer.body.mail.id]))[0].status === 'sent');

    // The citizen answers our reply from their mail program: it threads back in by its headers.
    const thanks = rawMail({
      from: 'Ola Nordmann <ola@example.no>',
      subject: `SV: ${reply.subject}`,
      inReplyTo: reply.messageId!,
      references: `${messageIdOf(question)} ${reply.messageId}`,
      text: 'Takk, no fann eg det!\n\ntys. 24. nov. 2026 kl. 11:00 skreiv Brukerstøtte Digdir <brukerstotte@digdir.no>:\n> Brevet ligg under «Arkiv» i Digipost.\n',
    });
    await deliver(box, thanks);
    const after = (await ticketOf(desk, thanks))!;
    expect(after.ticket.id).toBe(opened.ticket.id);
    expect(after.ticket.status).toBe('open'); // the answer set it pending; the citizen's mail opened it again
    expect(after.messages.map((m: { author: string; body: string }) => [m.author, m.body])).toEqual([
      ['citizen', 'Hei,\neg finn ikkje brevet frå Skatteetaten i Digipost.\nHelsing Ola'],
      ['agent', 'Brevet ligg under «Arkiv» i Digipost.'],
      ['citizen', 'Takk, no fann eg det!'],
    ]);
    const again = (await desk.http().get('/api/tickets').query({ channel: 'email' }).set('cookie', agent.cookie).expect(200)).body;
    expect(again.items[0]).toMatchObject({ id: opened.ticket.id, unread: true });

    // No second acknowledgement on the same ticket: still the two mails, after the outbox has run.
    await until(async () => (await rows(desk, "SELECT count(*) AS n FROM mails WHERE direction = 'out' AND status <> 'sent'"))[0].n == 0);
    expect(smtp.received).toHaveLength(2);
    expect((await simpleParser(smtp.received[1].raw)).messageId).toBe(reply.messageId);
  });
});
