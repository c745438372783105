import { io, Socket } from 'socket.io-client';
import { ask, CLOSED_INSTANT, startTestApp, TestApp, VALID_CHAT } from '../support/test-app';

const PRODUCTION = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) };
const CONTACT = { topic: 'digital-mailbox', message: 'Ring meg tilbake, takk.' };

/** A citizen socket whose handshake carries this X-Forwarded-For (a proxy in front, or a forger). */
function citizenVia(desk: TestApp, forwardedFor: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${desk.url}/citizen`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { 'x-forwarded-for': forwardedFor } });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function startChatVia(desk: TestApp, forwardedFor: string): Promise<{ ok: boolean; error?: { code: string } }> {
  const socket = await citizenVia(desk, forwardedFor);
  try {
    return await ask(socket, 'chat:start', VALID_CHAT);
  } finally {
    socket.disconnect();
  }
}

describe('the client address without TRUSTED_PROXIES (in production)', () => {
  let desk: TestApp;

  beforeAll(async () => {
    desk = await startTestApp({ env: { ...PRODUCTION, RATE_LIMIT_LOGINS: '2', RATE_LIMIT_STARTS: '2' } });
  });

  afterAll(async () => {
    await desk.close();
  });

  it('ignores a forged X-Forwarded-For: the log-in limit per address still answers 429', async () => {
    // RATE_LIMIT_LOGINS × 4 failures from one address, each for another user name and with a new forged header.
    for (let i = 0; i < 8; i += 1) {
      await desk.http().post('/api/auth/login').set('x-forwarded-for', `203.0.113.${i + 1}`).send({ username: `nobody${i}`, password: 'wrong-password' }).expect(401);
    }
    const limited = await desk.http().post('/api/auth/login').set('x-forwarded-for', '203.0.113.99').send({ username: 'nobody99', password: 'wrong-password' }).expect(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
  });

  it('ignores a forged X-Forwarded-For on the citizen socket: the chat-start limit still holds', async () => {
    expect(await startChatVia(desk, '198.51.100.1')).toMatchObject({ ok: true });
    expect(await startChatVia(desk, '198.51.100.2')).toMatchObject({ ok: true });
    expect(await startChatVia(desk, '198.51.100.3')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });
});

describe('the client address behind a trusted proxy (TRUSTED_PROXIES=127.0.0.1)', () => {
  let desk: TestApp;

  afterEach(async () => {
    await desk.close();
  });

  it('limits chat starts per client the proxy names, not for everyone behind it', async () => {
    desk = await startTestApp({ env: { TRUSTED_PROXIES: '127.0.0.1', RATE_LIMIT_STARTS: '2' } });
    for (let i = 0; i < 2; i += 1) expect(await startChatVia(desk, '198.51.100.7')).toMatchObject({ ok: true });
    expect(await startChatVia(desk, '198.51.100.7')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await startChatVia(desk, '198.51.100.8')).toMatchObject({ ok: true });
  });

  it('takes only the hop the trusted proxy added, not what the client put before it', async () => {
    desk = await startTestApp({ env: { TRUSTED_PROXIES: '127.0.0.1', RATE_LIMIT_STARTS: '2' } });
    // The client forged the first entry; the proxy appended the address it saw (198.51.100.9).
    for (let i = 0; i < 2; i += 1) expect(await startChatVia(desk, `10.9.9.${i}, 198.51.100.9`)).toMatchObject({ ok: true });
    expect(await startChatVia(desk, '10.9.9.99, 198.51.100.9')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it('limits offline messages per client the proxy names', async () => {
    desk = await startTestApp({ now: CLOSED_INSTANT, env: { TRUSTED_PROXIES: '127.0.0.1', RATE_LIMIT_STARTS: '2' } });
    for (let i = 0; i < 2; i += 1) await desk.http().post('/api/contact').set('x-forwarded-for', '198.51.100.20').send(CONTACT).expect(201);
    const limited = await desk.http().post('/api/contact').set('x-forwarded-for', '198.51.100.20').send(CONTACT).expect(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    await desk.http().post('/api/contact').set('x-forwarded-for', '198.51.100.21').send(CONTACT).expect(201);
  });
});
