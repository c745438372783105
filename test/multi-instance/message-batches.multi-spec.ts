import type { Socket } from 'socket.io-client';
import { DeskCluster } from '../support/desk-cluster';
import { selectPostgres } from '../support/postgres';
import type { DeskProcess } from '../support/desk-process';
import { ask } from '../support/test-app';

/**
 * Two instances storing messages of the same chats at once, each in its own batches: every chat's
 * row is locked in one order (no deadlock), a clientId sent through both is stored once, and the
 * seqs stay 1..n. A chat's citizen messages are limited across both. Needs TEST_POSTGRES_URL and
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
  it('are refused on both once 60 in a minute have been counted, with at most one more through each', async () => {
    const citizen = await cluster.startChat(a);
    const secondTab = await cluster.connect(b, '/citizen');
    expect((await ask(secondTab, 'chat:resume', { token: citizen.token, afterSeq: 0 })).ok).toBe(true);

    expect((await sendInTurn(citizen.socket, 0, 30)).every((answer) => answer.ok)).toBe(true);
    expect((await sendInTurn(secondTab, 30, 30)).every((answer) => answer.ok)).toBe(true);
    const refusal = { ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/too fast/) } };
    // The second tab's instance sent the 60th and heard that the minute is used up.
    expect(await send(secondTab, { clientId: 'm-60', body: 'Melding 60' })).toMatchObject(refusal);
    // The first instance learns it from the message that passes the limit.
    const [, afterIt] = await sendInTurn(citizen.socket, 61, 2);
    expect(afterIt).toMatchObject(refusal);

    const [{ n }] = await selectPostgres<{ n: string }>(cluster.databaseUrl, 'SELECT COUNT(*) AS n FROM messages WHERE ticket_id = $1', [citizen.chatId]);
    // The chat's first message, the minute's 60, and the one that told the first instance.
    expect(Number(n)).toBe(1 + 60 + 1);
  }, 60_000);
});
