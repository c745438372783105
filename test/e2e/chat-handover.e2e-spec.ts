import { CitizenPresenceService } from '../../src/chat/citizen-presence.service';
import { Sql } from '../../src/database/sql';
import { ChatQueueService } from '../../src/chat/chat-queue.service';
import { ChatSweeper } from '../../src/chat/chat-sweeper';
import { acceptedChat } from '../support/accepted-chat';
import { agentState, ask, next, startTestApp, TestApp, until, VALID_CHAT } from '../support/test-app';

describe('chats are never kept silently or dropped', () => {
  let desk: TestApp;

  beforeEach(async () => {
    desk = await startTestApp({ env: { AGENT_GRACE_SECONDS: '60', QUEUE_DRAIN_MINUTES: '30' } });
  });

  afterEach(async () => {
    await desk.close();
  });

  it('returns the chats of an agent who disconnected to the queue, at their old place, after the grace period', async () => {
    const kariLogin = await desk.login('agent', 'kari');
    const kari = await desk.agent(kariLogin);
    await ask(kari, 'agent:status', { status: 'available' });
    const citizen = await desk.citizen();
    const first = await ask(citizen, 'chat:start', VALID_CHAT);
    desk.clock.advance(1000);
    const other = await desk.citizen();
    const second = await ask(other, 'chat:start', { ...VALID_CHAT, message: 'Nummer to' });
    await ask(kari, 'chat:accept', { chatId: first.chat.id });

    kari.disconnect();
    await waitFor(async () => (await staffStatus(desk, kariLogin.id)) === 'offline');
    const sweeper = desk.app.get(ChatSweeper);

    desk.clock.advance(30_000);
    await sweeper.sweep();
    expect(await chatStatus(desk, first.chat.id)).toBe('active');

    const told = next(citizen, 'message:new', (m: any) => m.author === 'system' && /queue|kø/.test(m.body));
    const requeuedAt = next(citizen, 'chat:queued');
    desk.clock.advance(31_000);
    await sweeper.sweep();
    expect(await chatStatus(desk, first.chat.id)).toBe('queued');
    await told;
    expect(await requeuedAt).toMatchObject({ position: 1 });

    const ola = await desk.agent(await desk.login('agent', 'ola'));
    const queue = await ask(ola, 'queue:list');
    expect(queue.waiting.map((w: any) => w.chatId)).toEqual([first.chat.id, second.chat.id]);
  });

  it('lets an agent who comes back within the grace period keep the chat', async () => {
    const { login, agent, citizen, started } = await acceptedChat(desk);
    agent.disconnect();
    await waitFor(async () => (await staffStatus(desk, login.id)) === 'offline');
    desk.clock.advance(20_000);
    const back = await desk.agent(login);
    const state = await agentState(back);
    expect(state.chats.map((c: any) => c.id)).toEqual([started.chat.id]);
    await ask(back, 'agent:status', { status: 'available' });
    desk.clock.advance(120_000);
    await desk.app.get(ChatSweeper).sweep();
    expect(await chatStatus(desk, started.chat.id)).toBe('active');
    const live = next(citizen, 'message:new', (m: any) => m.author === 'agent');
    await ask(back, 'message:send', { chatId: started.chat.id, clientId: 'back', body: 'Beklager, jeg er tilbake.' });
    await live;
  });

  it('serves waiting chats after closing time for the drain period, then turns them into tickets', async () => {
    desk.clock.set('2026-11-24T13:50:00Z'); // 14:50 in Oslo
    const agentLogin = await desk.login('agent');
    const agent = await desk.agent(agentLogin);
    const citizens = await Promise.all([desk.citizen(), desk.citizen()]);
    const a = await ask(citizens[0], 'chat:start', VALID_CHAT);
    const b = await ask(citizens[1], 'chat:start', { ...VALID_CHAT, message: 'Sent i køen' });

    desk.clock.set('2026-11-24T14:10:00Z'); // 15:10: closed, still draining
    await desk.app.get(ChatSweeper).sweep();
    expect(await ask(agent, 'chat:accept', { chatId: a.chat.id })).toMatchObject({ ok: true });

    const ended = next(citizens[1], 'chat:ended');
    const told = next(citizens[1], 'message:new', (m: any) => m.author === 'system');
    desk.clock.set('2026-11-24T14:31:00Z'); // 15:31: drain over
    await desk.app.get(ChatSweeper).sweep();
    expect(await ended).toEqual({ by: 'system' });
    expect((await told).body).toContain(b.chat.reference);
    expect(await chatStatus(desk, b.chat.id)).toBe('open');
    const tickets = await desk.http().get('/api/tickets?status=open').set('cookie', agentLogin.cookie).expect(200);
    expect(tickets.body.items.map((t: any) => t.id)).toContain(b.chat.id);
  });

  it('transfers a chat to an available colleague, who can answer while the first agent cannot', async () => {
    const kari = await desk.agent(await desk.login('agent', 'kari'));
    const olaLogin = await desk.login('agent', 'ola');
    const ola = await desk.agent(olaLogin);
    await ask(ola, 'agent:status', { status: 'away' });
    const citizen = await desk.citizen();
    const started = await ask(citizen, 'chat:start', VALID_CHAT);
    await ask(kari, 'chat:accept', { chatId: started.chat.id });

    expect(await ask(kari, 'chat:transfer', { chatId: started.chat.id, toUserId: olaLogin.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await ask(ola, 'agent:status', { status: 'available' });
    const olaGets = next(ola, 'chat:assigned');
    const citizenTold = next(citizen, 'chat:assigned');
    expect(await ask(kari, 'chat:transfer', { chatId: started.chat.id, toUserId: olaLogin.id })).toEqual({ ok: true });
    expect(await olaGets).toMatchObject({ chatId: started.chat.id });
    expect(await citizenTold).toEqual({ agentName: olaLogin.displayName });

    expect(await ask(kari, 'message:send', { chatId: started.chat.id, clientId: 'k', body: 'Hei' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ask(ola, 'message:send', { chatId: started.chat.id, clientId: 'o', body: 'Hei, jeg tar over.' })).toMatchObject({ ok: true });
  });

  it('keeps internal notes away from the citizen', async () => {
    const { agent, citizen, started } = await acceptedChat(desk);
    const citizenEvents: string[] = [];
    citizen.onAny((event) => citizenEvents.push(event));
    const note = await ask(agent, 'note:add', { chatId: started.chat.id, body: 'Sjekk KRR' });
    expect(note).toMatchObject({ ok: true, note: { body: 'Sjekk KRR' } });
    const resumed = await ask(citizen, 'chat:resume', { token: started.token, afterSeq: 0 });
    expect(JSON.stringify(resumed)).not.toContain('Sjekk KRR');
    expect(citizenEvents).not.toContain('note:new');
  });

  it('routes the oldest waiting chat to the least busy available agent when ROUTING=auto', async () => {
    await desk.close();
    desk = await startTestApp({ env: { ROUTING: 'auto', MAX_CHATS_PER_AGENT: '1' } });
    const agentLogin = await desk.login('agent');
    const agent = await desk.agent(agentLogin);
    await ask(agent, 'agent:status', { status: 'available' });
    const citizens = await Promise.all([desk.citizen(), desk.citizen()]);
    const first = await ask(citizens[0], 'chat:start', VALID_CHAT);
    const second = await ask(citizens[1], 'chat:start', VALID_CHAT);
    await waitFor(async () => (await chatStatus(desk, first.chat.id)) === 'active');
    await desk.app.get(ChatSweeper).sweep();
    expect(await chatStatus(desk, second.chat.id)).toBe('queued');
    const [row] = await desk.app.get(Sql).query('SELECT assignee_id FROM tickets WHERE id = ?', [first.chat.id]);
    expect(row.assignee_id).toBe(agentLogin.id);
  });

  it('does not route a waiting chat whose citizen has gone (it would hold the agent until it is abandoned), and routes it once they are back', async () => {
    await desk.close();
    desk = await startTestApp({ env: { ROUTING: 'auto', MAX_CHATS_PER_AGENT: '1' } });
    const citizens = await Promise.all([desk.citizen(), desk.citizen()]);
    const gone = await ask(citizens[0], 'chat:start', VALID_CHAT);
    const present = await ask(citizens[1], 'chat:start', VALID_CHAT);
    const disconnects = jest.spyOn(desk.app.get(CitizenPresenceService), 'disconnected');
    citizens[0].disconnect();
    await until(() => disconnects.mock.results.length === 1);
    await disconnects.mock.results[0].value;

    const agentLogin = await desk.login('agent');
    const agent = await desk.agent(agentLogin);
    await ask(agent, 'agent:status', { status: 'available' });
    await waitFor(async () => (await chatStatus(desk, present.chat.id)) === 'active');
    expect(await chatStatus(desk, gone.chat.id)).toBe('queued');

    await ask(agent, 'chat:close', { chatId: present.chat.id, outcome: 'resolved' });
    await desk.citizen({ token: gone.token });
    await desk.app.get(ChatSweeper).sweep();
    await waitFor(async () => (await chatStatus(desk, gone.chat.id)) === 'active');
  });
});

describe('Automatic routing run by several instances at once', () => {
  let desk: TestApp;

  afterEach(() => desk?.close());

  it('never gives an agent more than MAX_CHATS_PER_AGENT, even when two routing rounds read the load at the same time', async () => {
    desk = await startTestApp({ env: { ROUTING: 'auto', MAX_CHATS_PER_AGENT: '1' } });
    const agentLogin = await desk.login('agent');
    const citizens = await Promise.all([desk.citizen(), desk.citizen(), desk.citizen()]);
    const started = [];
    for (const citizen of citizens) started.push(await ask(citizen, 'chat:start', VALID_CHAT));
    // Available without the agent.status event, which would start a round of its own.
    await desk.app.get(Sql).query("UPDATE staff_users SET status = 'available' WHERE id = ?", [agentLogin.id]);
    const queue = desk.app.get(ChatQueueService);
    const routed = await Promise.all([queue.routeWaitingChats(), queue.routeWaitingChats()]);
    const statuses = await Promise.all(started.map((chat) => chatStatus(desk, chat.chat.id)));
    expect(statuses.filter((status) => status === 'active')).toHaveLength(1);
    expect(statuses.filter((status) => status === 'queued')).toHaveLength(2);
    // The round the last chat:start set off may still be reading when the agent becomes available,
    // and be the one that hands over the chat: the two rounds here then find the agent full.
    expect(routed[0] + routed[1]).toBeLessThanOrEqual(1);
    expect(statuses[0]).toBe('active'); // the oldest
  });
});

async function chatStatus(desk: TestApp, id: string): Promise<string> {
  const [row] = await desk.app.get(Sql).query<{ status: string }[]>('SELECT status FROM tickets WHERE id = ?', [id]);
  return row.status;
}

async function staffStatus(desk: TestApp, id: string): Promise<string> {
  const [row] = await desk.app.get(Sql).query<{ status: string }[]>('SELECT status FROM staff_users WHERE id = ?', [id]);
  return row.status;
}

const waitFor = (condition: () => Promise<boolean>) => until(condition);
