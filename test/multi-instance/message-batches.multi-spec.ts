import { Redis } from 'ioredis';
import type { Socket } from 'socket.io-client';
import { DeskCluster } from '../support/desk-cluster';
import { selectPostgres } from '../support/postgres';
import type { DeskProcess } from '../support/desk-process';
import { ask } from '../support/test-app';

/**
 * Two instances storing messages of the same chats at once, each in its own batches: every chat's
 * row is locked in one order (no deadlock), a clientId sent through both is stored once, and the
 * seqs stay 1..n. A chat's citizen messages are limited across both, through counts shared in Redis. Needs TEST_POSTGRES_URL and
 * TEST_REDIS_URL.
 */

const CHATS = 4;
const BURST = 15;

let cluster: DeskCluster;
let a: DeskProcess;
let b: DeskProcess;

beforeAll(async () => {
  cluster = await DeskCluster.start(2, { MAX_CHATS_PER_AGENT: '10' });
  [a, b] = cluster.instances;
}, 120_000);

afterAll(() => cluster?.stop());

const send = (socket: Socket, payload: Record<string, unknown>) => ask(socket, 'message:send', payload);

async function sendInTurn(socket: Socket, first: number, count: number) {
  const answers = [];
  for (let n = first; n < first + count; n += 1) answers.push(await send(socket, { clientId: `m-${n}`, body: `Melding ${n}` }));
  return answers;
}

describe('messages of the same chats through two instances at once', () => {
  it('stores each clientId once, answers both senders with it, and numbers every chat 1..n', async () => {
    const agent = await cluster.availableAgent(b, await cluster.newAgent(a, b));
    const chats = [];
    for (let i = 0; i < CHATS; i += 1) {
      const citizen = await cluster.startChat(i % 2 === 0 ? a : b);
      expect((await ask(agent, 'chat:accept', { chatId: citizen.chatId })).ok).toBe(true);
      // The same citizen in a second tab, on the other instance.
      const secondTab = await cluster.connect(i % 2 === 0 ? b : a, '/citizen');
      expect((await ask(secondTab, 'chat:resume', { token: citizen.token, afterSeq: 0 })).ok).toBe(true);
      chats.push({ ...citizen, secondTab });
    }

    const answers = await Promise.all(
      chats.flatMap((chat) =>
        Array.from({ length: BURST }, (_, n) => [
          send(chat.socket, { clientId: `c-${n}`, body: `Melding ${n}` }),
          send(chat.secondTab, { clientId: `c-${n}`, body: `Melding ${n}` }),
          send(agent, { chatId: chat.chatId, clientId: `a-${n}`, body: `Svar ${n}` }),
        ]).flat(),
      ),
    );
    expect(answers.filter((answer) => !answer.ok)).toEqual([]);

    for (const [i, chat] of chats.entries()) {
      const mine = answers.slice(i * BURST * 3, (i + 1) * BURST * 3);
      for (let n = 0; n < BURST; n += 1) expect(mine[n * 3].message.seq).toBe(mine[n * 3 + 1].message.seq);
      const joined = await ask(agent, 'chat:join', { chatId: chat.chatId, afterSeq: 0 });
      const seqs = joined.messages.map((m: any) => m.seq);
      expect(seqs).toEqual(seqs.map((_: number, k: number) => k + 1));
      const clientIds = joined.messages.map((m: any) => m.clientId).filter(Boolean);
      expect(clientIds).toHaveLength(2 * BURST);
      expect(new Set(clientIds).size).toBe(2 * BURST);
      // Each socket's own messages in the order it sent them.
      const order = (prefix: string) => clientIds.filter((id: string) => id.startsWith(prefix));
      expect(order('a-')).toEqual(Array.from({ length: BURST }, (_, n) => `a-${n}`));
    }
  }, 60_000);
});

describe("a chat's citizen messages on two instances", () => {
  let redis: Redis;
  beforeAll(() => (redis = new Redis(process.env.TEST_REDIS_URL!)));
  afterAll(() => redis?.quit());

  // Each instance adds its counts to Redis every 50 ms; this waits until Redis holds `total`.
  async function sharedCountReaches(chatId: string, total: number): Promise<void> {
    while (Number(await redis.get(`desk:message:${chatId}`)) < total) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  async function admittedUntilRefused(socket: Socket, first: number): Promise<number> {
    for (let n = first; ; n += 1) {
      const answer = await send(socket, { clientId: `m-${n}`, body: `Melding ${n}` });
      if (!answer.ok) {
        expect(answer).toMatchObject({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/too fast/) } });
        return n - first;
      }
    }
  }

  it('are refused on each instance once the count shared between them reaches 60 in a minute', async () => {
    const citizen = await cluster.startChat(a);
    const secondTab = await cluster.connect(b, '/citizen');
    expect((await ask(secondTab, 'chat:resume', { token: citizen.token, afterSeq: 0 })).ok).toBe(true);

    expect((await sendInTurn(citizen.socket, 0, 30)).every((answer) => answer.ok)).toBe(true);
    await sharedCountReaches(citizen.chatId, 30);
    expect((await sendInTurn(secondTab, 30, 30)).every((answer) => answer.ok)).toBe(true);
    await sharedCountReaches(citizen.chatId, 60);
    // The second instance's own share said 60; its answer was read before the next message, bar one in flight.
    const pastLimitOnB = await admittedUntilRefused(secondTab, 60);
    expect(pastLimitOnB).toBeLessThanOrEqual(1);

    // The first instance heard 30: it admits on its own count until its share comes back.
    expect((await send(citizen.socket, { clientId: 'm-a', body: 'Melding a' })).ok).toBe(true);
    await sharedCountReaches(citizen.chatId, 61 + pastLimitOnB);
    const pastLimitOnA = await admittedUntilRefused(citizen.socket, 100);
    expect(pastLimitOnA).toBeLessThanOrEqual(1);

    const [{ n }] = await selectPostgres<{ n: string }>(cluster.databaseUrl, 'SELECT COUNT(*) AS n FROM messages WHERE ticket_id = $1', [citizen.chatId]);
    // The chat's first message, the minute's 60, the one that told the first instance, and those in flight.
    expect(Number(n)).toBe(1 + 60 + 1 + pastLimitOnB + pastLimitOnA);
  }, 60_000);
});
