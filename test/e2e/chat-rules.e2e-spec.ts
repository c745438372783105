import { Sql } from '../../src/database/sql';
import { ask, CLOSED_INSTANT, startTestApp, TestApp, VALID_CHAT } from '../support/test-app';

const countRows = async (desk: TestApp) => {
  const db = desk.app.get(Sql);
  const [tickets] = await db.query('SELECT COUNT(*) AS n FROM tickets');
  const [messages] = await db.query('SELECT COUNT(*) AS n FROM messages');
  return { tickets: Number(tickets.n), messages: Number(messages.n) };
};

describe('starting a chat', () => {
  let desk: TestApp;

  afterEach(async () => {
    await desk.close();
  });

  it('is refused with CLOSED outside opening hours, and stores nothing', async () => {
    desk = await startTestApp({ now: CLOSED_INSTANT });
    const citizen = await desk.citizen();
    const answer = await ask(citizen, 'chat:start', VALID_CHAT);
    expect(answer).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    expect(answer.error.message).toMatch(/closed/i);
    expect(await countRows(desk)).toEqual({ tickets: 0, messages: 0 });
  });

  it('is refused at 15:00 Oslo time and accepted at 09:00', async () => {
    desk = await startTestApp({ now: '2026-11-24T14:00:00Z' });
    const citizen = await desk.citizen();
    expect(await ask(citizen, 'chat:start', VALID_CHAT)).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    desk.clock.set('2026-11-25T08:00:00Z');
    expect(await ask(citizen, 'chat:start', VALID_CHAT)).toMatchObject({ ok: true });
  });

  it.each([
    ['an unknown topic', { ...VALID_CHAT, topic: 'taxes' }, 'topic'],
    ['an empty message', { ...VALID_CHAT, message: '' }, 'message'],
    ['a message of spaces', { ...VALID_CHAT, message: '   ' }, 'message'],
    ['a message of 4001 characters', { ...VALID_CHAT, message: 'a'.repeat(4001) }, 'message'],
    ['an invalid national identity number', { ...VALID_CHAT, nationalId: '17858500061' }, 'nationalId'],
    ['an unknown field', { ...VALID_CHAT, admin: true }, 'admin'],
  ])('is refused with VALIDATION for %s, and stores nothing', async (_, payload, field) => {
    desk = await startTestApp();
    const citizen = await desk.citizen();
    const answer = await ask(citizen, 'chat:start', payload);
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(answer.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await countRows(desk)).toEqual({ tickets: 0, messages: 0 });
  });

  it('accepts a message of exactly 4000 characters and a valid synthetic national identity number', async () => {
    desk = await startTestApp();
    const citizen = await desk.citizen();
    const answer = await ask(citizen, 'chat:start', { ...VALID_CHAT, message: 'a'.repeat(4000), nationalId: '17858500060' });
    expect(answer).toMatchObject({ ok: true });
  });

  it('masks a national identity number typed into the chat before storing it', async () => {
    desk = await startTestApp();
    const citizen = await desk.citizen();
    const started = await ask(citizen, 'chat:start', { ...VALID_CHAT, message: 'Fødselsnummeret mitt er 17858500060, kan dere sjekke?' });
    const [row] = await desk.app.get(Sql).query('SELECT body FROM messages WHERE ticket_id = ?', [started.chat.id]);
    expect(row.body).toBe('Fødselsnummeret mitt er 178585*****, kan dere sjekke?');
  });

  it('limits how many chats one address can start', async () => {
    desk = await startTestApp({ env: { RATE_LIMIT_STARTS: '2' } });
    const citizen = await desk.citizen();
    expect((await ask(citizen, 'chat:start', VALID_CHAT)).ok).toBe(true);
    expect((await ask(citizen, 'chat:start', VALID_CHAT)).ok).toBe(true);
    expect(await ask(citizen, 'chat:start', VALID_CHAT)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it("limits a chat to 60 of its citizen's messages a minute, over every tab, and stores none past it", async () => {
    desk = await startTestApp();
    const [first, second] = [await desk.citizen(), await desk.citizen()];
    const started = await ask(first, 'chat:start', VALID_CHAT);
    expect((await ask(second, 'chat:resume', { token: started.token, afterSeq: 0 })).ok).toBe(true);
    // Two tabs of 30, each within its socket's own event limit (bursts of 40).
    for (let n = 0; n < 60; n += 1) {
      expect(await ask(n < 30 ? first : second, 'message:send', { clientId: `m-${n}`, body: `Melding ${n}` })).toMatchObject({ ok: true });
    }
    const refused = await ask(first, 'message:send', { clientId: 'm-60', body: 'En for mye' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/too fast/) } });
    const [{ n }] = await desk.app.get(Sql).query('SELECT COUNT(*) AS n FROM messages WHERE ticket_id = ?', [started.chat.id]);
    expect(Number(n)).toBe(1 + 60);
  });
});

describe('a chat belongs to its citizen', () => {
  let desk: TestApp;

  beforeEach(async () => {
    desk = await startTestApp();
  });

  afterEach(async () => {
    await desk.close();
  });

  it("keeps a second citizen's token out of the first citizen's chat", async () => {
    const first = await desk.citizen();
    const second = await desk.citizen();
    const mine = await ask(first, 'chat:start', VALID_CHAT);
    const theirs = await ask(second, 'chat:start', { ...VALID_CHAT, message: 'Annen sak' });

    const resumed = await ask(second, 'chat:resume', { token: theirs.token, afterSeq: 0 });
    expect(resumed.messages.map((m: any) => m.body)).toEqual(['Annen sak']);
    expect(resumed.chat.id).not.toBe(mine.chat.id);

    const forged = await ask(second, 'chat:resume', { token: 'x'.repeat(43), afterSeq: 0 });
    expect(forged).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    await ask(second, 'message:send', { clientId: 'm1', body: 'Skrevet av nummer to' });
    const [{ n }] = await desk.app.get(Sql).query("SELECT COUNT(*) AS n FROM messages WHERE ticket_id = ? AND body LIKE 'Skrevet%'", [mine.chat.id]);
    expect(Number(n)).toBe(0);

    await desk.http().get(`/api/chats/${mine.chat.id}/transcript`).set('x-chat-token', theirs.token).expect(403);
    await desk.http().get(`/api/chats/${mine.chat.id}/transcript`).expect(401);
    const transcript = await desk.http().get(`/api/chats/${mine.chat.id}/transcript`).set('x-chat-token', mine.token).expect(200);
    expect(transcript.text).toContain(mine.chat.reference);
    expect(transcript.text).toContain(VALID_CHAT.message);
    const html = await desk.http().get(`/api/chats/${mine.chat.id}/transcript?format=html`).set('x-chat-token', mine.token).expect(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.text).toContain(mine.chat.reference);
  });

  it('refuses a message from a socket that has no chat', async () => {
    const stranger = await desk.citizen();
    expect(await ask(stranger, 'message:send', { clientId: 'a', body: 'hei' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses an agent socket without a session', async () => {
    await expect(desk.agent({ id: '', username: '', displayName: '', cookie: '', csrfToken: '' })).rejects.toThrow('UNAUTHENTICATED');
    await expect(desk.agent({ id: '', username: '', displayName: '', cookie: 'desk.sid=s%3Aforged.signature', csrfToken: '' })).rejects.toThrow('UNAUTHENTICATED');
  });

  it('refuses a citizen socket opened from another site', async () => {
    const { io } = await import('socket.io-client');
    const socket = io(`${desk.url}/citizen`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { origin: 'https://evil.example' } });
    await expect(new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(undefined));
      socket.once('connect_error', reject);
    })).rejects.toBeDefined();
    socket.close();
  });
});
