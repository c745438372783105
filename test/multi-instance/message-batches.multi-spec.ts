import type { Socket } from 'socket.io-client';
import { DeskCluster } from '../support/desk-cluster';
import type { DeskProcess } from '../support/desk-process';
import { ask } from '../support/test-app';

/**
 * Two instances storing messages of the same chats at once, each in its own batches: every chat's
 * row is locked in one order (no deadlock), a clientId sent through both is stored once, and the
 * seqs stay 1..n. Needs TEST_POSTGRES_URL and TEST_REDIS_URL.
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
