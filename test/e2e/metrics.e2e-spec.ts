import type { Socket } from 'socket.io-client';
import { ask, StaffLogin, startTestApp, TestApp } from '../support/test-app';

interface TimedChat {
  startAt: string;
  waitSeconds?: number;
  handlingSeconds?: number;
  topic?: 'digital-mailbox' | 'id-porten' | 'other';
  provider?: 'digipost' | 'e-boks';
  outcome?: 'resolved' | 'referred' | 'no-response' | 'other';
  rating?: number;
}

/**
 * One chat with exact times: started at startAt, taken after waitSeconds, closed handlingSeconds
 * later, by an agent who logs in for it (sessions age with the clock, and a socket ends with its session).
 */
async function timedChat(desk: TestApp, onDuty: () => Promise<Socket>, chat: TimedChat): Promise<string> {
  desk.clock.set(chat.startAt);
  const agent = await onDuty();
  const citizen = await desk.citizen();
  const started = await ask(citizen, 'chat:start', { topic: chat.topic ?? 'digital-mailbox', message: 'Hei, jeg trenger hjelp' });
  expect(started).toMatchObject({ ok: true });
  const chatId: string = started.chat.id;
  if (chat.waitSeconds === undefined) {
    expect(await ask(citizen, 'chat:end', {})).toMatchObject({ ok: true });
  } else {
    desk.clock.advance(chat.waitSeconds * 1000);
    expect(await ask(agent, 'chat:accept', { chatId })).toMatchObject({ ok: true });
    if (chat.provider) expect(await ask(agent, 'chat:refer', { chatId, provider: chat.provider })).toMatchObject({ ok: true });
    desk.clock.advance((chat.handlingSeconds ?? 0) * 1000);
    expect(await ask(agent, 'chat:close', { chatId, outcome: chat.outcome ?? 'resolved' })).toMatchObject({ ok: true });
    if (chat.rating) expect(await ask(citizen, 'chat:rate', { score: chat.rating })).toMatchObject({ ok: true });
  }
  citizen.disconnect();
  return chatId;
}

describe('the metrics summary', () => {
  let desk: TestApp;
  let supervisor: StaffLogin;
  let onDuty: () => Promise<Socket>;

  beforeEach(async () => {
    desk = await startTestApp();
    supervisor = await desk.login('supervisor', 'siv');
    const kari = await desk.createStaff('agent', 'kari');
    onDuty = async () => {
      const login = await desk.http().post('/api/auth/login').send({ username: kari.username, password: kari.password }).expect(200);
      const cookie = (login.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
      const agent = await desk.agent({ id: kari.id, username: kari.username, displayName: kari.displayName, cookie, csrfToken: login.body.csrfToken });
      expect(await ask(agent, 'agent:status', { status: 'available' })).toEqual({ ok: true });
      return agent;
    };
  });

  afterEach(async () => {
    await desk.close();
  });

  it('equals the hand-computed figures of a small fixed data set, in Oslo days and hours', async () => {
    // Tuesday 24 and Wednesday 25 November 2026; Oslo is UTC+1.
    await timedChat(desk, onDuty, { startAt: '2026-11-24T10:00:00Z', waitSeconds: 60, handlingSeconds: 300, provider: 'digipost', outcome: 'referred', rating: 5 });
    await timedChat(desk, onDuty, { startAt: '2026-11-24T10:30:00Z', waitSeconds: 120, handlingSeconds: 600, outcome: 'resolved', rating: 3 });
    await timedChat(desk, onDuty, { startAt: '2026-11-25T08:15:00Z', waitSeconds: 30, handlingSeconds: 60, provider: 'e-boks', outcome: 'no-response' });
    await timedChat(desk, onDuty, { startAt: '2026-11-25T13:00:00Z' }); // the citizen gave up in the queue
    desk.clock.set('2026-11-25T16:00:00Z');
    await desk.http().post('/api/contact').send({ topic: 'id-porten', message: 'Ring meg tilbake' }).expect(201);
    // Outside the period:
    await timedChat(desk, onDuty, { startAt: '2026-11-26T09:00:00Z', waitSeconds: 1000, handlingSeconds: 1000, outcome: 'other', rating: 1 });
    supervisor = await desk.login('supervisor', 'siv'); // sessions age with the clock

    const response = await desk
      .http()
      .get('/api/metrics/summary')
      .query({ from: '2026-11-24T00:00:00+01:00', to: '2026-11-26T00:00:00+01:00' })
      .set('cookie', supervisor.cookie)
      .expect(200);
    const perHour = Array.from({ length: 24 }, (_, hour) => ({ hour, chats: ({ 9: 1, 11: 2, 14: 1 } as Record<number, number>)[hour] ?? 0 }));
    expect(response.body).toEqual({
      period: { from: '2026-11-23T23:00:00.000Z', to: '2026-11-25T23:00:00.000Z', timezone: 'Europe/Oslo' },
      chats: {
        total: 4,
        answered: 3,
        unanswered: 1,
        perDay: [
          { date: '2026-11-24', chats: 2 },
          { date: '2026-11-25', chats: 2 },
        ],
        perHour,
      },
      // waits 30, 60, 120: median 60; p90 = 60 + 0.8 × (120 − 60) = 108; mean 70
      waitSeconds: { count: 3, median: 60, p90: 108, mean: 70 },
      // handling 60, 300, 600: median 300; p90 = 300 + 0.8 × 300 = 540; mean 320
      handlingSeconds: { count: 3, median: 300, p90: 540, mean: 320 },
      outcomes: { resolved: 1, referred: 1, 'no-response': 1, other: 0, abandoned: 0, none: 1 },
      referrals: { digipost: 1, 'e-boks': 1 },
      ratings: { count: 2, average: 4, distribution: { '1': 0, '2': 0, '3': 1, '4': 0, '5': 1 } },
      offlineTickets: 1,
      ticketsByChannel: { chat: 4, 'web-form': 1, phone: 0, email: 0 },
      archivedTickets: 0,
    });
  });

  it('defaults to the last 30 days and refuses a backwards or overlong period', async () => {
    desk.clock.set('2026-11-24T10:00:00Z');
    const body = (await desk.http().get('/api/metrics/summary').set('cookie', supervisor.cookie).expect(200)).body;
    expect(body.period).toMatchObject({ from: '2026-10-25T10:00:00.000Z', to: '2026-11-24T10:00:00.000Z' });
    expect(body.chats.perDay).toHaveLength(31);
    expect(body.waitSeconds).toEqual({ count: 0, median: null, p90: null, mean: null });
    for (const query of [{ from: '2026-11-24T00:00:00Z', to: '2026-11-01T00:00:00Z' }, { from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, { from: 'yesterday' }]) {
      expect((await desk.http().get('/api/metrics/summary').query(query).set('cookie', supervisor.cookie).expect(400)).body.error.code).toBe('VALIDATION');
    }
  });
});
