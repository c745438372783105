import { Sql } from '../../src/database/sql';
import { Transactions } from '../../src/database/transactions';
import { newMessageId } from '../../src/mail/mail-headers';
import { MailStore } from '../../src/mail/mail-store';
import { RetentionService } from '../../src/retention/retention.service';
import { LiveBoardService } from '../../src/supervision/live-board/live-board.service';
import { storeInboundMail, SUPPORT_ADDRESS } from '../support/mail-tickets';
import { ask, StaffLogin, startTestApp, TestApp, VALID_CHAT } from '../support/test-app';

const html = (desk: TestApp, path: string, login?: StaffLogin) => {
  const call = desk.http().get(path).set('accept', 'text/html');
  return login ? call.set('cookie', login.cookie) : call;
};

describe('e-mail tickets on the staff pages and in the supervisor figures', () => {
  let desk: TestApp;
  let agent: StaffLogin;

  beforeAll(async () => {
    desk = await startTestApp();
    agent = await desk.login('agent', 'kari');
  });

  afterAll(async () => {
    await desk.close();
  });

  const list = async (query: Record<string, string> = {}) =>
    (await desk.http().get('/api/tickets').query(query).set('cookie', agent.cookie).expect(200)).body.items as { reference: string; channel: string; unread: boolean }[];
  const markRead = (ticketId: string, login = agent) => desk.http().post(`/api/tickets/${ticketId}/read`).set('cookie', login.cookie).set('x-csrf-token', login.csrfToken);

  it('marks a ticket unread when the citizen writes, and read when staff open it, until the next mail', async () => {
    const mail = await storeInboundMail(desk, { from: 'ola@example.no', subject: 'Finner ikke brevet', body: 'Hei, jeg finner ikke brevet.' });
    const phone = await desk.http().post('/api/tickets').set('cookie', agent.cookie).set('x-csrf-token', agent.csrfToken).send({ channel: 'phone', topic: 'other', summary: 'Ringte om innlogging' }).expect(201);

    const unreadOf = async (reference: string) => (await list()).find((t) => t.reference === reference)?.unread;
    expect(await unreadOf(mail.reference)).toBe(true);
    expect(await unreadOf(phone.body.reference)).toBe(false);
    expect((await desk.http().get(`/api/tickets/${mail.ticketId}`).set('cookie', agent.cookie).expect(200)).body.unread).toBe(true);

    await desk.http().post(`/api/tickets/${mail.ticketId}/read`).set('cookie', agent.cookie).expect(403); // no CSRF token
    await desk.http().post(`/api/tickets/${mail.ticketId}/read`).set('x-csrf-token', agent.csrfToken).expect(401);
    expect((await markRead(mail.ticketId).expect(200)).body).toEqual({ unread: false });
    expect(await unreadOf(mail.reference)).toBe(false);

    desk.clock.advance(60_000);
    await storeInboundMail(desk, { from: 'ola@example.no', subject: 'Re: Finner ikke brevet', body: 'Nå fant jeg det.' }, mail.ticketId);
    expect(await unreadOf(mail.reference)).toBe(true);
    await markRead(mail.ticketId).expect(200);
    expect(await unreadOf(mail.reference)).toBe(false);
  });

  it('refuses to mark an unknown ticket or a live chat of another agent as read', async () => {
    await markRead('00000000-0000-4000-8000-000000000000').expect(404);
    await markRead('not-a-ticket').expect(404);
    const citizen = await desk.citizen();
    const started = await ask(citizen, 'chat:start', VALID_CHAT);
    const other = await desk.agent(await desk.login('agent', 'per'));
    expect(await ask(other, 'agent:status', { status: 'available' })).toEqual({ ok: true });
    expect(await ask(other, 'chat:accept', { chatId: started.chat.id })).toMatchObject({ ok: true });
    expect((await markRead(started.chat.id).expect(403)).body.error.code).toBe('FORBIDDEN');
    citizen.disconnect();
  });

  it('filters the ticket list by channel', async () => {
    await storeInboundMail(desk, { from: 'kari@example.no', subject: 'Kanalfilter', body: 'Om kanalfilteret.' });
    const email = await list({ channel: 'email', limit: '100' });
    expect(email.length).toBeGreaterThan(0);
    expect(email.every((t) => t.channel === 'email')).toBe(true);
    const phone = await list({ channel: 'phone', limit: '100' });
    expect(phone.every((t) => t.channel === 'phone')).toBe(true);
    const refused = await desk.http().get('/api/tickets').query({ channel: 'pigeon' }).set('cookie', agent.cookie).expect(400);
    expect(refused.body.error.code).toBe('VALIDATION');
    const page = await html(desk, '/agent/tickets?channel=email', agent).expect(200);
    expect(page.text).toMatch(/<option value="email" selected>/);
  });

  it('keeps the e-mail address, name and phone number a caller gives on a phone ticket, masked like other free text', async () => {
    const send = (body: Record<string, unknown>) => desk.http().post('/api/tickets').set('cookie', agent.cookie).set('x-csrf-token', agent.csrfToken).send({ channel: 'phone', topic: 'id-porten', summary: 'Vil ha svar på e-post', ...body });
    const created = await send({ email: ' ola.nordmann@example.no ', name: 'Ola 17858507472 Nordmann', phone: '+47 22 03 00 00' }).expect(201);
    expect(created.body.contact).toEqual({ email: 'ola.nordmann@example.no', phone: '+47 22 03 00 00' });
    expect(created.body.citizenName).toBe('Ola 178585***** Nordmann');
    const stored = await desk.app.get(Sql).query<{ citizen_name: string }[]>('SELECT citizen_name FROM tickets WHERE id = ?', [created.body.id]);
    expect(stored[0].citizen_name).not.toContain('17858507472');

    const blank = await send({ email: '', name: '  ', phone: '' }).expect(201);
    expect(blank.body.contact).toEqual({});
    const wrong = await send({ email: 'not-an-address', phone: 'ring meg' }).expect(400);
    expect(wrong.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'phone']);
    await send({ name: 'x'.repeat(101) }).expect(400);
  });

  it('counts e-mail tickets on the live board, in the metrics per channel, and finds and exports them in the history', async () => {
    const supervisor = await desk.login('supervisor', 'siv');
    const before = (await desk.app.get(LiveBoardService).snapshot()).today.emailTickets;
    const mail = await storeInboundMail(desk, { from: 'per@example.no', subject: 'Postkassen', body: 'Hvorfor kommer ikke postkassebrevet mitt fram?' });
    expect((await desk.app.get(LiveBoardService).snapshot()).today.emailTickets).toBe(before + 1);

    const now = desk.clock.now().getTime();
    const period = { from: new Date(now - 86_400_000).toISOString(), to: new Date(now + 86_400_000).toISOString() };
    const metrics = (await desk.http().get('/api/metrics/summary').query(period).set('cookie', supervisor.cookie).expect(200)).body;
    const emailTickets = (await desk.app.get(Sql).query<{ n: number | string }[]>("SELECT COUNT(*) AS n FROM tickets WHERE channel = 'email'"))[0].n;
    expect(metrics.ticketsByChannel.email).toBe(Number(emailTickets));
    expect(metrics.ticketsByChannel.email).toBeGreaterThan(0);

    const history = (await desk.http().get('/api/history').query({ channel: 'email', q: 'postkassebrevet' }).set('cookie', supervisor.cookie).expect(200)).body;
    expect(history.items.map((i: { reference: string; channel: string }) => [i.reference, i.channel])).toEqual([[mail.reference, 'email']]);
    expect((await desk.http().get('/api/history').query({ channel: 'chat', q: 'postkassebrevet' }).set('cookie', supervisor.cookie).expect(200)).body.items).toEqual([]);
    const csv = await desk.http().get('/api/history/export.csv').query({ channel: 'email' }).set('cookie', supervisor.cookie).expect(200);
    expect(csv.text).toContain(`${mail.reference},`);
    expect(csv.text.split('\r\n').slice(1).filter(Boolean).every((line) => line.includes(',email,'))).toBe(true);

    const page = await html(desk, '/supervisor/history', supervisor).expect(200);
    expect(page.text).toMatch(/<select class="ds-input" id="history-channel" name="channel">/);
  });
});

describe('retention of e-mail tickets', () => {
  let desk: TestApp;

  beforeAll(async () => {
    desk = await startTestApp({ env: { RETENTION_DAYS: '30' } });
  });

  afterAll(async () => {
    await desk.close();
  });

  it('deletes a closed e-mail ticket with its mails and attachments and keeps it in the metrics per channel', async () => {
    const mail = await storeInboundMail(desk, {
      from: 'ola@example.no',
      subject: 'Vedlegg',
      body: 'Se vedlegget.',
      attachment: { filename: 'skjerm.png', contentType: 'image/png', content: Buffer.from('89504e470d0a1a0a', 'hex') },
    });
    const agent = await desk.login('agent');
    await desk.http().patch(`/api/tickets/${mail.ticketId}`).set('cookie', agent.cookie).set('x-csrf-token', agent.csrfToken).send({ status: 'closed', outcome: 'resolved' }).expect(200);
    const count = async (table: string) => Number((await desk.app.get(Sql).query<{ n: number | string }[]>(`SELECT COUNT(*) AS n FROM ${table} WHERE ticket_id = ?`, [mail.ticketId]))[0].n);
    expect([await count('mails'), await count('attachments')]).toEqual([1, 1]);

    const created = desk.clock.now();
    expect((await desk.app.get(RetentionService).run(new Date(created.getTime() + 31 * 86_400_000))).removed).toBe(1);
    expect([await count('mails'), await count('attachments'), await count('messages')]).toEqual([0, 0, 0]);

    const supervisor = await desk.login('supervisor');
    const period = { from: new Date(created.getTime() - 86_400_000).toISOString(), to: new Date(created.getTime() + 86_400_000).toISOString() };
    const metrics = (await desk.http().get('/api/metrics/summary').query(period).set('cookie', supervisor.cookie).expect(200)).body;
    expect(metrics.ticketsByChannel.email).toBe(1);
    expect(metrics.archivedTickets).toBe(1);
  });
});

describe('the development mailbox /dev/mail', () => {
  let desk: TestApp;

  beforeAll(async () => {
    desk = await startTestApp();
  });

  afterAll(async () => {
    await desk.close();
  });

  async function queueReply(ticketId: string, body: string, subject: string) {
    const at = desk.clock.now();
    return desk.app.get(Transactions).run((db) =>
      desk.app.get(MailStore).enqueue(db, {
        ticketId,
        messageId: null,
        kind: 'reply',
        headerMessageId: newMessageId(SUPPORT_ADDRESS),
        fromAddress: SUPPORT_ADDRESS,
        toAddress: 'ola@example.no',
        subject,
        inReplyTo: '<first@citizen.example>',
        references: '<first@citizen.example>',
        body,
        createdAt: at,
      }),
    );
  }

  it('shows every staff member the outgoing mail, newest first, as text with its threading headers', async () => {
    const mail = await storeInboundMail(desk, { from: 'ola@example.no', subject: 'Hjelp', body: 'Hei' });
    await queueReply(mail.ticketId, 'Første svar', `Re: Hjelp [${mail.reference}]`);
    desk.clock.advance(1000);
    await queueReply(mail.ticketId, 'Andre svar <script>alert(1)</script>', `Re: Hjelp [${mail.reference}]`);

    for (const role of ['agent', 'supervisor', 'admin'] as const) {
      const login = await desk.login(role);
      const page = await html(desk, '/dev/mail', login).expect(200);
      expect(page.text).toContain('href="/dev/mail" aria-current="page"');
      expect(page.text.indexOf('Andre svar')).toBeLessThan(page.text.indexOf('Første svar'));
      expect(page.text).toContain('Andre svar &lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page.text).not.toContain('<script>alert(1)');
      expect(page.text).toContain('&lt;first@citizen.example&gt;');
      expect(page.text).toContain(`href="/agent/tickets/${mail.ticketId}">${mail.reference}</a>`);
    }
    const agent = await desk.login('agent');
    expect((await html(desk, '/agent/tickets', agent).expect(200)).text).toContain('href="/dev/mail"');
    const stranger = await html(desk, '/dev/mail').expect(303);
    expect(stranger.headers.location).toBe('/login?next=%2Fdev%2Fmail');
  });
});

describe('the development mailbox in production', () => {
  let desk: TestApp;

  beforeAll(async () => {
    desk = await startTestApp({ env: { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) } });
  });

  afterAll(async () => {
    await desk.close();
  });

  it('does not exist, and the staff navigation does not link it', async () => {
    // Behind TLS as in production: the session cookie is Secure, so requests say they came over HTTPS.
    const https = { 'x-forwarded-proto': 'https' };
    const staff = await desk.createStaff('agent');
    const login = await desk.http().post('/api/auth/login').set(https).send({ username: staff.username, password: staff.password }).expect(200);
    const cookie = (login.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    await desk.http().get('/dev/mail').set(https).set('cookie', cookie).set('accept', 'text/html').expect(404);
    const tickets = await desk.http().get('/agent/tickets').set(https).set('cookie', cookie).set('accept', 'text/html').expect(200);
    expect(tickets.text).toContain('href="/agent/tickets"');
    expect(tickets.text).not.toContain('/dev/mail');
  });
});
