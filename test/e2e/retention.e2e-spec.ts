import { Logger } from '@nestjs/common';
import type { Socket } from 'socket.io-client';
import { Sql } from '../../src/database/sql';
import { RetentionService } from '../../src/retention/retention.service';
import { ask, startTestApp, TestApp } from '../support/test-app';

const DAY_MS = 86_400_000;

describe('retention', () => {
  let desk: TestApp;
  let agent: Socket;

  beforeEach(async () => {
    desk = await startTestApp({ env: { RETENTION_DAYS: '30' } });
    agent = await desk.agent(await desk.login('agent', 'kari'));
    expect(await ask(agent, 'agent:status', { status: 'available' })).toEqual({ ok: true });
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await desk.close();
  });

  async function closedChat(at: string, word: string): Promise<string> {
    desk.clock.set(at);
    const citizen = await desk.citizen();
    const started = await ask(citizen, 'chat:start', { topic: 'digital-mailbox', message: `Spørsmål om ${word}` });
    const chatId: string = started.chat.id;
    expect(await ask(agent, 'chat:accept', { chatId })).toMatchObject({ ok: true });
    expect(await ask(agent, 'note:add', { chatId, body: `Notat om ${word}` })).toMatchObject({ ok: true });
    expect(await ask(agent, 'chat:close', { chatId, outcome: 'resolved' })).toMatchObject({ ok: true });
    citizen.disconnect();
    return chatId;
  }

  const count = async (sql: string, params: unknown[]) => Number((await desk.app.get(Sql).query<{ n: number | string }[]>(sql, params))[0].n);
  /** Documents of the search index holding a word, in either database's own index. */
  const indexed = (word: string) =>
    desk.app.get(Sql).postgres
      ? count(`SELECT COUNT(*) AS n FROM search_docs WHERE document @@ to_tsquery('simple', ?)`, [word])
      : count(`SELECT COUNT(*) AS n FROM search_index WHERE search_index MATCH ?`, [word]);

  it('removes exactly the closed chats and tickets created longer ago than RETENTION_DAYS, keeping anonymous counts', async () => {
    const oldest = await closedChat('2026-11-24T10:00:00Z', 'gammelbrev');
    const boundary = await closedChat('2026-11-24T11:00:00Z', 'grensebrev');
    const recent = await closedChat('2026-11-24T12:00:00Z', 'nyttbrev');
    desk.clock.set('2026-11-24T10:30:00Z');
    const live = await desk.citizen();
    const liveChat = (await ask(live, 'chat:start', { topic: 'other', message: 'Fortsatt i køen, levendebrev' })).chat.id as string;
    const offline = await desk.http().post('/api/contact').send({ topic: 'id-porten', message: 'Åpen sak, ubesvart' }).expect(201);

    const log = jest.spyOn(Logger.prototype, 'log');
    const retention = desk.app.get(RetentionService);
    // The boundary chat is exactly RETENTION_DAYS old: kept. The oldest is older: removed.
    const first = await retention.run(new Date(Date.parse('2026-11-24T11:00:00Z') + 30 * DAY_MS));
    expect(first).toEqual({ cutoff: new Date('2026-11-24T11:00:00Z'), removed: 1 });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^Retention: removed 1 tickets older than 2026-11-24T11:00:00.000Z/));

    const ids = async () => (await desk.app.get(Sql).query<{ id: string }[]>('SELECT id FROM tickets ORDER BY created_at')).map((r) => r.id);
    expect(await ids()).not.toContain(oldest);
    expect(await ids()).toEqual(expect.arrayContaining([boundary, recent, liveChat]));
    for (const table of ['messages', 'notes', 'ticket_events', 'search_docs']) {
      expect(await count(`SELECT COUNT(*) AS n FROM ${table} WHERE ticket_id = ?`, [oldest])).toBe(0);
    }
    expect(await indexed('gammelbrev')).toBe(0);
    expect(await indexed('grensebrev')).toBe(2);

    // One millisecond later the boundary chat goes too; live chats and open tickets never do.
    const second = await retention.run(new Date(Date.parse('2026-11-24T11:00:00Z') + 30 * DAY_MS + 1));
    expect(second.removed).toBe(1);
    const later = await retention.run(new Date('2027-06-01T00:00:00Z'));
    expect(later.removed).toBe(1); // the recent one; not the live chat, not the open offline ticket
    const left = await desk.app.get(Sql).query<{ id: string; status: string; channel: string }[]>('SELECT id, status, channel FROM tickets');
    expect(left.map((t) => t.status).sort()).toEqual(expect.not.arrayContaining(['closed']));
    expect(left).toHaveLength(2);
    expect(left.map((t) => t.id)).toContain(liveChat);
    expect(offline.body.reference).toMatch(/^DS-/);

    // The metrics still count what was removed, anonymously.
    desk.clock.set('2027-06-01T00:00:00Z');
    const supervisor = await desk.login('supervisor');
    const metrics = (
      await desk.http().get('/api/metrics/summary').query({ from: '2026-11-24T00:00:00Z', to: '2026-11-25T00:00:00Z' }).set('cookie', supervisor.cookie).expect(200)
    ).body;
    expect(metrics.archivedTickets).toBe(3);
    expect(metrics.chats).toMatchObject({ total: 4, answered: 3, unanswered: 1 });
    expect(metrics.outcomes.resolved).toBe(3);
    expect(metrics.waitSeconds).toMatchObject({ count: 3, mean: 0 });
    expect(await count('SELECT COUNT(*) AS n FROM metrics_daily', [])).toBeGreaterThan(0);
    live.disconnect();
  });
});
