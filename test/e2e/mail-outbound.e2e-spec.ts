import { MailStore } from '../../src/mail/mail-store';
import { binary, mailsOf, queueDirectly, sendDue, storeAttachment, storeInbound, webFormTicket, write } from '../support/mail-desk';
import { SmtpReceiver } from '../support/smtp-receiver';
import { acceptedChat } from '../support/accepted-chat';
import { startTestApp, StaffLogin, TestApp } from '../support/test-app';

describe('answering a ticket by e-mail', () => {
  let smtp: SmtpReceiver;
  let desk: TestApp;
  let agent: StaffLogin;

  beforeAll(async () => {
    smtp = await SmtpReceiver.start();
  });

  afterAll(async () => {
    await smtp.stop();
  });

  beforeEach(async () => {
    smtp.received.length = 0;
    desk = await startTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Brukerstøtte <brukerstotte@digdir.no>' } });
    agent = await desk.login('agent', 'kari');
  });

  afterEach(async () => {
    await desk.close();
  });

  it('stores the answer on the ticket, then sends it with our Message-ID and the reference in the subject', async () => {
    const ticket = await webFormTicket(desk, { email: 'ola@example.no', language: 'nb' });
    expect(await mailsOf(desk, agent, ticket.id)).toMatchObject({ canReply: true, replyTo: 'ola@example.no', outbound: 'smtp', mails: [] });

    const sent = await write(desk, agent, 'post', `/api/tickets/${ticket.id}/mail`).send({ body: '  Brevet ligger i Digipost under «Arkiv».  ', clientId: 'c-1' }).expect(201);
    expect(sent.body.message).toMatchObject({ author: 'agent', kind: 'text', body: 'Brevet ligger i Digipost under «Arkiv».', authorName: agent.displayName });
    expect(sent.body.mail).toMatchObject({ direction: 'out', kind: 'reply', to: 'ola@example.no', from: 'brukerstotte@digdir.no', subject: `Svar fra brukerstøtten [${ticket.reference}]`, messageId: sent.body.message.id });

    const detail = (await desk.http().get(`/api/tickets/${ticket.id}`).set('cookie', agent.cookie).expect(200)).body;
    expect(detail.status).toBe('pending');
    expect(detail.messages.map((m: { body: string }) => m.body)).toContain('Brevet ligger i Digipost under «Arkiv».');
    expect(detail.events).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'mailed', data: { mailId: sent.body.mail.id, kind: 'reply' } })]));
    const supervisor = await desk.login('supervisor');
    const found = (await desk.http().get('/api/history').query({ q: 'Arkiv' }).set('cookie', supervisor.cookie).expect(200)).body;
    expect(found.items.map((item: { chatId: string }) => item.chatId)).toEqual([ticket.id]);

    await sendDue(desk);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].envelope).toEqual({ from: 'brukerstotte@digdir.no', to: ['ola@example.no'] });
    const [mail] = await smtp.parsed();
    const stored = (await desk.app.get(MailStore).findForTicket(ticket.id, sent.body.mail.id))!;
    expect(mail.messageId).toBe(stored.headerMessageId);
    expect(stored.headerMessageId).toMatch(/@digdir\.no>$/);
    expect(mail.subject).toBe(`Svar fra brukerstøtten [${ticket.reference}]`);
    expect(mail.text?.trim()).toBe('Brevet ligger i Digipost under «Arkiv».');
    expect(mail.from?.value).toEqual([{ name: 'Brukerstøtte', address: 'brukerstotte@digdir.no' }]);
    expect((await mailsOf(desk, agent, ticket.id)).mails).toEqual([expect.objectContaining({ status: 'sent', attempts: 1, sentAt: desk.clock.now().toISOString() })]);

    const resent = await write(desk, agent, 'post', `/api/tickets/${ticket.id}/mail`).send({ body: 'Brevet ligger i Digipost under «Arkiv».', clientId: 'c-1' }).expect(201);
    expect(resent.body.message.id).toBe(sent.body.message.id);
    expect(resent.body.mail.id).toBe(sent.body.mail.id);
    await sendDue(desk);
    expect(smtp.received).toHaveLength(1);
    expect((await mailsOf(desk, agent, ticket.id)).mails).toHaveLength(1);
  });

  it('threads the answer to the citizen\'s newest mail: In-Reply-To and References', async () => {
    const ticket = await webFormTicket(desk, { email: 'kari@example.no' });
    await storeInbound(desk, ticket.id, { headerMessageId: '<first@citizen.example>', subject: 'Innlogging', from: 'kari@example.no' });
    desk.clock.advance(60_000);
    await storeInbound(desk, ticket.id, { headerMessageId: '<second@citizen.example>', subject: `SV: Innlogging [${ticket.reference}]`, references: '<first@citizen.example> <ours@digdir.no>', from: 'kari@example.no' });

    await write(desk, agent, 'post', `/api/tickets/${ticket.id}/mail`).send({ body: 'Prøv igjen nå.' }).expect(201);
    await sendDue(desk);
    const [mail] = await smtp.parsed();
    expect(mail.inReplyTo).toBe('<second@citizen.example>');
    expect(mail.references).toEqual(['<first@citizen.example>', '<ours@digdir.no>', '<second@citizen.example>']);
    expect(mail.subject).toBe(`Re: Innlogging [${ticket.reference}]`);
  });

  it('adds no header when a reply\'s body or the answered subject tries to inject one', async () => {
    const ticket = await webFormTicket(desk, { email: 'per@example.no' });
    await storeInbound(desk, ticket.id, { headerMessageId: '<evil@citizen.example>', subject: 'Hei\r\nBcc: victim@example.com\r\nX-Injected: yes', from: 'per@example.no' });
    await write(desk, agent, 'post', `/api/tickets/${ticket.id}/mail`).send({ body: 'Svar\r\nBcc: other@example.com\r\n\r\nX-Injected: body' }).expect(201);
    await sendDue(desk);

    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].envelope.to).toEqual(['per@example.no']);
    const headers = SmtpReceiver.headerBlock(smtp.received[0]);
    expect(headers).not.toMatch(/^(bcc|x-injected):/im);
    const [mail] = await smtp.parsed();
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.headers.has('x-injected')).toBe(false);
    expect(mail.subject).toBe(`Re: Hei Bcc: victim@example.com X-Injected: yes [${ticket.reference}]`);
    expect(mail.text).toContain('X-Injected: body');
  });

  it('sends the provider\'s details on a referral by mail, in the ticket\'s language, and records the referral', async () => {
    const ticket = await webFormTicket(desk, { email: 'nils@example.no', language: 'nn' });
    const referred = await write(desk, agent, 'post', `/api/tickets/${ticket.id}/mail/referral`).send({ provider: 'digipost' }).expect(201);
    expect(referred.body.message).toMatchObject({ kind: 'referral', author: 'agent' });
    expect(referred.body.mail).toMatchObject({ kind: 'referral', subject: `Svar frå brukarstøtta [${ticket.reference}]` });
    await sendDue(desk);
    const [mail] = await smtp.parsed();
    expect(mail.text).toContain('Digipost');
    expect(mail.text).toContain('+47 22 03 00 00');
    expect(mail.text).toContain('https://www.digipost.no/hjelp/');
    expect(mail.text).toContain('postkassa du har valt');
    const detail = (await desk.http().get(`/api/tickets/${ticket.id}`).set('cookie', agent.cookie).expect(200)).body;
    expect(detail.events).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'referred', data: { provider: 'digipost' } })]));
    await write(desk, agent, 'post', `/api/tickets/${ticket.id}/mail/referral`).send({ provider: 'posten' }).expect(400);
  });

  it('sends acknowledgements queued straight in the database, marked as automatic answers', async () => {
    const ticket = await webFormTicket(desk, { email: 'ack@example.no' });
    await queueDirectly(desk, { ticketId: ticket.id, headerMessageId: '<ack-1@digdir.no>', toAddress: 'ack@example.no', ackKey: `ack:${ticket.id}:ack@example.no` });
    await sendDue(desk);
    expect(smtp.received).toHaveLength(1);
    const [mail] = await smtp.parsed();
    expect(mail.messageId).toBe('<ack-1@digdir.no>');
    expect(mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect((await mailsOf(desk, agent, ticket.id)).mails).toEqual([expect.objectContaining({ kind: 'ack', status: 'sent' })]);
  });

  it('hands out an attachment as a download only, and only on its own ticket', async () => {
    const ticket = await webFormTicket(desk, { email: 'file@example.no' });
    const other = await webFormTicket(desk, { email: 'other@example.no' });
    const attachment = await storeAttachment(desk, ticket.id, { filename: '../../Søknad "2026".html', contentType: 'text/html', content: Buffer.from('<script>alert(1)</script>') });
    expect((await mailsOf(desk, agent, ticket.id)).attachments).toEqual([{ id: attachment.id, messageId: attachment.messageId, filename: '../../Søknad "2026".html', contentType: 'text/html', size: 25 }]);

    const download = await desk.http().get(`/api/tickets/${ticket.id}/attachments/${attachment.id}`).set('cookie', agent.cookie).buffer(true).parse(binary).expect(200);
    expect(download.body.toString()).toBe('<script>alert(1)</script>');
    expect(download.headers['content-type']).toBe('text/html');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="S_knad 2026.html"; filename*=UTF-8''S%C3%B8knad%202026.html`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toMatch(/^sandbox/);
    expect(download.headers['cache-control']).toBe('no-store');

    await desk.http().get(`/api/tickets/${other.id}/attachments/${attachment.id}`).set('cookie', agent.cookie).expect(404);
    await desk.http().get(`/api/tickets/${ticket.id}/attachments/not-there`).set('cookie', agent.cookie).expect(404);
    await desk.http().get(`/api/tickets/${ticket.id}/attachments/${attachment.id}`).expect(401);
  });

  it('refuses with a stable code: no address, a live chat, a bad body, an unknown ticket, an agent without access', async () => {
    const noAddress = await webFormTicket(desk);
    expect((await mailsOf(desk, agent, noAddress.id)).canReply).toBe(false);
    const refused = await write(desk, agent, 'post', `/api/tickets/${noAddress.id}/mail`).send({ body: 'Hei' }).expect(409);
    expect(refused.body.error.code).toBe('NO_EMAIL_ADDRESS');

    const withAddress = await webFormTicket(desk, { email: 'a@example.no' });
    for (const body of [{ body: '   ' }, { body: 'x'.repeat(10_001) }, { body: 42 }, {}, { body: 'ok', clientId: 'x'.repeat(65) }]) {
      const bad = await write(desk, agent, 'post', `/api/tickets/${withAddress.id}/mail`).send(body).expect(400);
      expect(bad.body.error.code).toBe('VALIDATION');
    }
    await write(desk, agent, 'post', '/api/tickets/6f1c2d3e-0000-4000-8000-000000000000/mail').send({ body: 'Hei' }).expect(404);
    await write(desk, agent, 'post', '/api/tickets/not-a-ticket/mail').send({ body: 'Hei' }).expect(404);

    const { started } = await acceptedChat(desk, { login: agent });
    const live = await write(desk, agent, 'post', `/api/tickets/${started.chat.id}/mail`).send({ body: 'Hei' }).expect(409);
    expect(live.body.error.code).toBe('LIVE_CHAT');
    expect((await mailsOf(desk, agent, started.chat.id)).canReply).toBe(false);
    const other = await desk.login('agent', 'ola');
    const forbidden = await write(desk, other, 'post', `/api/tickets/${started.chat.id}/mail`).send({ body: 'Hei' }).expect(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');
    await desk.http().get(`/api/tickets/${started.chat.id}/mail`).set('cookie', other.cookie).expect(403);
    await desk.http().get(`/api/tickets/${withAddress.id}/mail`).expect(401);
    expect(smtp.received).toHaveLength(0);
  });
});

describe('outgoing mail without an SMTP server (development)', () => {
  let desk: TestApp;

  beforeEach(async () => {
    desk = await startTestApp();
  });

  afterEach(async () => {
    await desk.close();
  });

  it('marks the mail sent at once and lists it for the development mailbox, newest first', async () => {
    const agent = await desk.login('agent');
    const ticket = await webFormTicket(desk, { email: 'dev@example.no', language: 'en' });
    expect((await mailsOf(desk, agent, ticket.id)).outbound).toBe('dev-mailbox');
    await write(desk, agent, 'post', `/api/tickets/${ticket.id}/mail`).send({ body: 'First answer' }).expect(201);
    desk.clock.advance(1000);
    await write(desk, agent, 'post', `/api/tickets/${ticket.id}/mail`).send({ body: 'Second answer' }).expect(201);
    await sendDue(desk);
    expect((await mailsOf(desk, agent, ticket.id)).mails).toEqual([
      expect.objectContaining({ status: 'sent', subject: `Reply from user support [${ticket.reference}]` }),
      expect.objectContaining({ status: 'sent' }),
    ]);
    const outgoing = await desk.app.get(MailStore).listOutgoing(10);
    expect(outgoing.map((mail) => mail.body)).toEqual(['Second answer', 'First answer']);
  });
});
