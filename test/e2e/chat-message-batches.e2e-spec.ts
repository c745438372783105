import type { OnModuleDestroy } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../src/common/errors';
import { AppConfig } from '../../src/config/app-config';
import { Sql } from '../../src/database/sql';
import { Transactions } from '../../src/database/transactions';
import { MessageEntity } from '../../src/tickets/entities/message.entity';
import { MessageStore, StoredChatMessage } from '../../src/tickets/message-store/message-store';
import { CHAT_MESSAGE_CONNECTION, createMessageStore } from '../../src/tickets/message-store/message-store.provider';
import { FIND_CLIENT_IDS, LOCK_CHATS_AND_FIND_CLIENT_IDS } from '../../src/tickets/message-store/postgres-message-sql';
import { acceptedChat } from '../support/accepted-chat';
import { ask, next, startTestApp, TestApp, until } from '../support/test-app';

const CITIZEN = { role: 'citizen' } as const;
const CHATS = 8;
const SENDS_PER_CHAT = 20;
const onPostgres = process.env.TEST_DATABASE === 'postgres' ? it : it.skip;

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

  // Each batch reads the chat's row under its lock: an instance that stored in a chat a moment ago
  // must not admit on what the row said then.
  it('judges each send on the chat as it is now, even after the instance stored in it', async () => {
    const kariLogin = await desk.login('agent', 'kari');
    const { agent: kari, citizen, chatId } = await acceptedChat(desk, { login: kariLogin });
    const olaLogin = await desk.login('agent', 'ola');
    const ola = await desk.agent(olaLogin);
    await ask(ola, 'agent:status', { status: 'available' });
    const store = desk.app.get(MessageStore);

    expect(await ask(kari, 'message:send', { chatId, clientId: 'k-1', body: 'Hei' })).toMatchObject({ ok: true });
    expect(await ask(citizen, 'message:send', { clientId: 'c-1', body: 'Hei selv' })).toMatchObject({ ok: true });
    const second = await ask(citizen, 'message:send', { clientId: 'c-2', body: 'Er du der?' });
    expect(second).toMatchObject({ ok: true, message: { clientId: 'c-2' } });
    const retried = await ask(citizen, 'message:send', { clientId: 'c-2', body: 'Er du der?' });
    expect(retried.message).toEqual(second.message);

    const olaGets = next(ola, 'chat:assigned');
    expect(await ask(kari, 'chat:transfer', { chatId, toUserId: olaLogin.id })).toEqual({ ok: true });
    await olaGets;
    expect(await ask(kari, 'message:send', { chatId, clientId: 'k-2', body: 'Fortsatt her' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ask(ola, 'message:send', { chatId, clientId: 'o-1', body: 'Jeg tar over' })).toMatchObject({ ok: true });
    expect(await ask(citizen, 'message:send', { clientId: 'c-3', body: 'Takk' })).toMatchObject({ ok: true });

    expect(await ask(ola, 'chat:close', { chatId, outcome: 'resolved' })).toEqual({ ok: true });
    expect(await ask(citizen, 'message:send', { clientId: 'c-4', body: 'En ting til' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const all = await store.listAfter(chatId, 0);
    expect(all.map((m) => m.seq)).toEqual(all.map((_, i) => i + 1));
    expect(all.map((m) => m.clientId).filter(Boolean)).toEqual(['k-1', 'c-1', 'c-2', 'o-1', 'c-3']);
  });

  it('stores a clientId sent through two instances at once one time', async () => {
    const { chatId } = await acceptedChat(desk);
    const store = desk.app.get(MessageStore);
    const other = createMessageStore(
      desk.app.get(getRepositoryToken(MessageEntity)),
      desk.app.get(Sql),
      desk.app.get(Transactions),
      desk.app.get(AppConfig),
    );
    try {
      const send = (through: MessageStore, clientId: string) => through.storeChatMessage(chatId, CITIZEN, { clientId, body: `melding ${clientId}`, createdAt: desk.clock.now() });
      await send(store, 'first');
      await send(other, 'second');

      const rounds = Array.from({ length: 30 }, (_, n) => `c-${n}`);
      const answers = await Promise.all(rounds.flatMap((clientId) => [send(store, clientId), send(other, clientId)]));
      rounds.forEach((_, n) => expect(answers[2 * n + 1].stored.id).toBe(answers[2 * n].stored.id));
      expect(answers.filter((answer) => answer.isNew)).toHaveLength(rounds.length);
      const all = await store.listAfter(chatId, 0);
      expect(all.map((m) => m.seq)).toEqual(all.map((_, i) => i + 1));
      expect(all.map((m) => m.clientId).filter(Boolean)).toEqual(['first', 'second', ...rounds]);
    } finally {
      await (other as Partial<OnModuleDestroy>).onModuleDestroy?.();
    }
  });

  onPostgres('reconnects the chat message thread when its connection is lost, storing each send once', async () => {
    const { chatId } = await acceptedChat(desk);
    const store = desk.app.get(MessageStore);
    const send = (clientId: string) => store.storeChatMessage(chatId, CITIZEN, { clientId, body: `melding ${clientId}`, createdAt: desk.clock.now() });
    await send('before');

    const [{ n }] = await desk.app
      .get(DataSource)
      .query('SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1', [CHAT_MESSAGE_CONNECTION]);
    expect(n).toBe(1);
    // The first send after the loss may fail with it (its answer says so); those after it are stored.
    await send('during').catch(() => undefined);
    expect(await send('after')).toMatchObject({ isNew: true, stored: { clientId: 'after' } });
    expect(await send('during')).toMatchObject({ stored: { clientId: 'during' } });
    const all = await store.listAfter(chatId, 0);
    expect(all.map((m) => m.seq)).toEqual(all.map((_, i) => i + 1));
    // 'during' comes before 'after' if the thread had heard of the loss before it, after it if not.
    expect(all.map((m) => m.clientId).filter(Boolean).sort()).toEqual(['after', 'before', 'during']);
  });

  onPostgres('stores a batch whose connection is lost before its COMMIT once, on a new connection', async () => {
    const { chatId } = await acceptedChat(desk);
    const store = desk.app.get(MessageStore);
    const dataSource = desk.app.get(DataSource);
    const send = (clientId: string) => store.storeChatMessage(chatId, CITIZEN, { clientId, body: `melding ${clientId}`, createdAt: desk.clock.now() });
    await send('before');

    // The thread's transaction waits for the chat's lock when its connection is cut.
    const holder = dataSource.createQueryRunner();
    await holder.startTransaction();
    try {
      await holder.query('SELECT id FROM tickets WHERE id = $1 FOR UPDATE', [chatId]);
      const cut = send('cut');
      const waiting = () => dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = $1`, [CHAT_MESSAGE_CONNECTION]);
      await until(async () => (await waiting())[0].n === 1);
      await dataSource.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [CHAT_MESSAGE_CONNECTION]);
      await holder.commitTransaction();
      expect(await cut).toMatchObject({ isNew: true, stored: { clientId: 'cut' } });
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
    const all = await store.listAfter(chatId, 0);
    expect(all.map((m) => m.seq)).toEqual(all.map((_, i) => i + 1));
    expect(all.map((m) => m.clientId).filter(Boolean)).toEqual(['before', 'cut']);
  });

  // On PostgreSQL the batches are stored by a thread of their own; modules that shut down after the store
  // may still write, and their messages are stored on the main thread's pool.
  onPostgres('goes on storing, in order, once the store has shut its thread down', async () => {
    const { chatId } = await acceptedChat(desk);
    const store = desk.app.get(MessageStore);
    const send = (clientId: string) => store.storeChatMessage(chatId, CITIZEN, { clientId, body: `melding ${clientId}`, createdAt: desk.clock.now() });
    const before = await Promise.all(['a', 'b', 'c'].map(send));

    await (store as unknown as OnModuleDestroy).onModuleDestroy();
    const after = await Promise.all(['d', 'b', 'e'].map(send));
    expect(after.map((answer) => answer.isNew)).toEqual([true, false, true]);
    expect(after[1].stored.id).toBe(before[1].stored.id);
    const all = await store.listAfter(chatId, 0);
    expect(all.map((m) => m.seq)).toEqual(all.map((_, i) => i + 1));
    expect(all.map((m) => m.clientId).filter(Boolean)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  // The lock statement's snapshot is taken before it waits for the chat's lock: what the holder commits
  // meanwhile (a seq, a clientId) must still count (the chat's row moved: its clientIds are read again).
  onPostgres('counts what another transaction committed to a chat while its lock was awaited', async () => {
    const { chatId } = await acceptedChat(desk);
    const store = desk.app.get(MessageStore);
    const send = (clientId: string) => store.storeChatMessage(chatId, CITIZEN, { clientId, body: `melding ${clientId}`, createdAt: desk.clock.now() });
    const appendedWhileLocked = async (clientId: string, sends: () => Promise<StoredChatMessage>[]) => {
      const holder = desk.app.get(DataSource).createQueryRunner();
      await holder.startTransaction();
      try {
        await holder.query('SELECT id FROM tickets WHERE id = $1 FOR UPDATE', [chatId]);
        const sent = sends();
        // Asked on another connection: within a transaction PostgreSQL shows the same pg_stat_activity every time.
        const waiting = () =>
          desk.app.get(DataSource).query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND starts_with(query, $1)`, [
            LOCK_CHATS_AND_FIND_CLIENT_IDS.text.slice(0, 200),
          ]);
        await until(async () => (await waiting())[0].n === 1);
        const appended = await store.append(holder.manager, chatId, { clientId, author: 'citizen', kind: 'text', body: 'fra en annen instans', createdAt: desk.clock.now() });
        await holder.commitTransaction();
        return { appended, answers: await Promise.all(sent) };
      } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
      }
    };
    await send('earlier');

    const first = await appendedWhileLocked('elsewhere', () => [send('mine')]);
    expect(first.answers[0]).toMatchObject({ isNew: true, stored: { clientId: 'mine', seq: first.appended.seq + 1 } });

    const second = await appendedWhileLocked('twice', () => [send('twice'), send('after')]);
    expect(second.answers[0]).toMatchObject({ isNew: false, stored: { id: second.appended.id, body: 'fra en annen instans' } });
    expect(second.answers[1]).toMatchObject({ isNew: true, stored: { seq: second.appended.seq + 1 } });

    const all = await store.listAfter(chatId, 0);
    expect(all.map((m) => m.seq)).toEqual(all.map((_, i) => i + 1));
    expect(all.map((m) => m.clientId).filter(Boolean)).toEqual(['earlier', 'elsewhere', 'mine', 'twice', 'after']);
  });

  // A connection caches a statement's generic plan, made from the statistics of that moment. One made
  // while the table held a few hundred messages (a new desk's first minutes, or a fresh bench database)
  // must still probe the index once the table has grown, or every batch reads the table whole.
  onPostgres('looks clientIds up by index in the plan cached while the messages table was small', async () => {
    const { chatId } = await acceptedChat(desk);
    const runner = desk.app.get(DataSource).createQueryRunner();
    try {
      await runner.query(
        `INSERT INTO messages (ticket_id, seq, client_id, author, kind, body, created_at)
          SELECT $1, 1000 + n, 'seeded-' || n, 'citizen', 'text', 'melding ' || n, now() FROM generate_series(1, 400) AS n`,
        [chatId],
      );
      await runner.query('ANALYZE messages');
      await runner.query('SET plan_cache_mode = force_generic_plan');
      for (const statement of [LOCK_CHATS_AND_FIND_CLIENT_IDS, FIND_CLIENT_IDS]) {
        // A name of its own: the pool's clients keep track of the statements they prepared.
        const name = `plan_check_${statement.name}`;
        await runner.query(`PREPARE ${name} AS ${statement.text}`);
        const args = statement === FIND_CLIENT_IDS ? `'{a}', '{b}'` : `'{a}', '{a}', '{b}'`;
        const plan = (await runner.query(`EXPLAIN EXECUTE ${name}(${args})`)).map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
        await runner.query(`DEALLOCATE ${name}`);
        expect(plan).not.toMatch(/Seq Scan on messages/);
        expect(plan).toMatch(/Index Scan using uq_messages_ticket_client on messages/);
      }
    } finally {
      await runner.query('RESET plan_cache_mode');
      await runner.release();
    }
  });
});
