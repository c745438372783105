import { DomainError } from '../../src/common/errors';
import { Sql } from '../../src/database/sql';
import { Transactions } from '../../src/database/transactions';
import { MessageStore, StoredChatMessage } from '../../src/tickets/message-store/message-store';
import { acceptedChat } from '../support/accepted-chat';
import { ask, startTestApp, TestApp } from '../support/test-app';

const CITIZEN = { role: 'citizen' } as const;
const CHATS = 8;
const SENDS_PER_CHAT = 20;

// Many sends to many chats at once: what the group commit (one transaction for many) must keep.
describe('chat messages stored together', () => {
  let desk: TestApp;

  beforeEach(async () => {
    desk = await startTestApp({ env: { MAX_CHATS_PER_AGENT: '10' } });
  });

  afterEach(async () => {
    await desk.close();
  });

  it('answers every send, numbers each chat 1..n in send order, dedupes clientIds, and fails a closed chat alone', async () => {
    const login = await desk.login('agent');
    const chats = [];
    for (let i = 0; i < CHATS + 1; i += 1) chats.push(await acceptedChat(desk, { login }));
    const closed = chats.pop()!;
    expect(await ask(closed.agent, 'chat:close', { chatId: closed.chatId, outcome: 'resolved' })).toEqual({ ok: true });
    const store = desk.app.get(MessageStore);
    const stored = async (chatId: string) => (await store.listAfter(chatId, 0)).filter((m) => m.author === 'citizen');
    const before = new Map(await Promise.all(chats.map(async ({ chatId }) => [chatId, (await store.listAfter(chatId, 0)).length] as const)));
    const run = jest.spyOn(desk.app.get(Transactions), 'run');

    const send = (chatId: string, clientId: string, body = `melding ${clientId}`) => store.storeChatMessage(chatId, CITIZEN, { clientId, body, createdAt: desk.clock.now() });
    const sends: { chatId: string; clientId: string; result: Promise<StoredChatMessage> }[] = [];
    for (let n = 0; n < SENDS_PER_CHAT; n += 1) {
      for (const { chatId } of chats) sends.push({ chatId, clientId: `c-${n}`, result: send(chatId, `c-${n}`) });
      // The same clientId again while the first may still be in the same batch.
      if (n === 5) for (const { chatId } of chats) sends.push({ chatId, clientId: 'c-0', result: send(chatId, 'c-0', 'en gang til') });
    }
    const refused = send(closed.chatId, 'c-closed');
    const results = await Promise.all(sends.map((s) => s.result));
    await expect(refused).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(refused).rejects.toBeInstanceOf(DomainError);

    for (const { chatId } of chats) {
      const mine = sends.map((s, i) => ({ ...s, answer: results[i] })).filter((s) => s.chatId === chatId);
      const firsts = mine.filter((s) => s.answer.isNew);
      expect(firsts.map((s) => s.clientId)).toEqual(Array.from({ length: SENDS_PER_CHAT }, (_, n) => `c-${n}`));
      const base = before.get(chatId)!;
      expect(firsts.map((s) => s.answer.stored.seq)).toEqual(Array.from({ length: SENDS_PER_CHAT }, (_, n) => base + n + 1));
      const again = mine.filter((s) => !s.answer.isNew);
      expect(again).toHaveLength(1);
      expect(again[0].answer.stored).toMatchObject({ id: firsts[0].answer.stored.id, seq: base + 1, body: 'melding c-0' });
      const all = await store.listAfter(chatId, 0);
      expect(all.map((m) => m.seq)).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
      expect((await stored(chatId)).map((m) => m.clientId).slice(-SENDS_PER_CHAT)).toEqual(firsts.map((s) => s.clientId));
    }
    expect((await store.listAfter(closed.chatId, 0)).some((m) => m.clientId === 'c-closed')).toBe(false);
    // On PostgreSQL many sends share a transaction (SQLite batches in its writer thread instead).
    if (desk.app.get(Sql).postgres) expect(run.mock.calls.length).toBeLessThan(sends.length / 10);

    const later = await send(chats[0].chatId, 'c-3', 'senere');
    expect(later).toMatchObject({ isNew: false, stored: { id: results[3 * CHATS].stored.id, body: 'melding c-3' } });
  });
});
