import { ChatIdleService } from '../../src/chat/chat-idle.service';
import { ChatNotifier } from '../../src/chat/chat-notifier';
import { CitizenPresenceService } from '../../src/chat/citizen-presence.service';
import { systemText } from '../../src/chat/system-messages';
import { TicketRepository } from '../../src/tickets/ticket.repository';
import { acceptedChat } from '../support/accepted-chat';
import { agentState, ask, next, startTestApp, TestApp, until, VALID_CHAT } from '../support/test-app';

const MINUTE = 60_000;

describe('citizen presence and inactivity (CHAT_IDLE_MINUTES 10, grace 2)', () => {
  let desk: TestApp;

  beforeEach(async () => {
    desk = await startTestApp({ env: { CHAT_IDLE_MINUTES: '10', CHAT_IDLE_GRACE_MINUTES: '2', MAX_CHATS_PER_AGENT: '1' } });
  });
  afterEach(() => desk.close());

  const idleSweep = () => desk.app.get(ChatIdleService).sweep();

  it('the agent sees the citizen connected, then gone with the time they left, then back', async () => {
    const { login, agent, citizen, started, accepted, chatId } = await acceptedChat(desk);
    expect(accepted.chat).toMatchObject({ citizenConnected: true });
    expect(accepted.chat.citizenLeftAt).toBeUndefined();

    desk.clock.advance(MINUTE);
    const leftAt = desk.clock.now().toISOString();
    const left = next(agent, 'chat:presence');
    citizen.disconnect();
    expect(await left).toEqual({ chatId, connected: false, leftAt });

    const reopened = await desk.agent(login);
    expect((await agentState(reopened)).chats).toEqual([expect.objectContaining({ id: chatId, citizenConnected: false, citizenLeftAt: leftAt })]);
    expect((await ask(agent, 'chat:join', { chatId })).chat).toMatchObject({ citizenConnected: false, citizenLeftAt: leftAt });

    const back = next(agent, 'chat:presence');
    const again = await desk.citizen({ token: started.token });
    expect(await back).toEqual({ chatId, connected: true });
    expect((await ask(again, 'chat:resume', { token: started.token })).chat).toMatchObject({ citizenConnected: true });
  });

  it('a second tab keeps the citizen present when the first closes', async () => {
    const { agent, citizen, started, chatId } = await acceptedChat(desk);
    const presence: unknown[] = [];
    agent.on('chat:presence', (p) => presence.push(p));
    const second = await desk.citizen({ token: started.token });
    await ask(second, 'chat:resume', { token: started.token });
    const disconnects = jest.spyOn(desk.app.get(CitizenPresenceService), 'disconnected');
    citizen.disconnect();
    await until(() => disconnects.mock.results.length === 1);
    await disconnects.mock.results[0].value;
    expect((await desk.app.get(TicketRepository).findById(chatId))?.citizenLeftAt).toBeNull();
    expect(presence).toEqual([]);

    const left = next(agent, 'chat:presence');
    second.disconnect();
    expect(await left).toMatchObject({ chatId, connected: false });
  });

  it('the sweeper’s presence check trusts the sockets over a recorded departure that crossed a reconnect', async () => {
    const { agent, chatId } = await acceptedChat(desk);
    const presence = desk.app.get(CitizenPresenceService);
    await presence.disconnected(chatId, async () => false); // as if a disconnect were handled after the reconnect
    desk.clock.advance(MINUTE);
    const back = next(agent, 'chat:presence', (p: any) => p.connected);
    expect(await presence.reconcile(() => desk.app.get(ChatNotifier).connectedCitizenChatIds())).toBe(1);
    expect(await back).toEqual({ chatId, connected: true });
  });

  it('a departure is not recorded over a connection made after the sockets were asked', async () => {
    const { agent, chatId } = await acceptedChat(desk);
    const presence = desk.app.get(CitizenPresenceService);
    const events: unknown[] = [];
    agent.on('chat:presence', (p) => events.push(p));
    const leftAt = async () => (await desk.app.get(TicketRepository).findById(chatId))?.citizenLeftAt;

    // A disconnect: no other socket answered, but another tab connected (on another instance) right after.
    desk.clock.advance(MINUTE);
    await presence.disconnected(chatId, async () => {
      desk.clock.advance(1000);
      await presence.connected(chatId);
      return false;
    });
    expect(await leftAt()).toBeNull();

    // The sweeper's check: the database read, then a citizen connects as the sockets are listed.
    desk.clock.advance(MINUTE);
    expect(
      await presence.reconcile(async () => {
        await presence.connected(chatId);
        return new Set<string>();
      }),
    ).toBe(0);
    expect(await leftAt()).toBeNull();
    expect(events).toEqual([]);
  });

  it('a silent citizen whose turn it is gets the warning, then the chat closes as abandoned and the agent’s slot is free', async () => {
    const { agent, citizen, started, chatId } = await acceptedChat(desk);
    await ask(agent, 'message:send', { chatId, clientId: 'q1', body: 'Hvilken postkasse bruker du?' });
    desk.clock.advance(10 * MINUTE);
    const warning = next(citizen, 'message:new', (m: any) => m.author === 'system');
    await idleSweep();
    expect((await warning).body).toBe(systemText('idleWarning', 'nb', { minutes: '2' }));

    desk.clock.advance(2 * MINUTE);
    const citizenEnded = next(citizen, 'chat:ended');
    const agentEnded = next(agent, 'chat:ended');
    const closing = next(citizen, 'message:new', (m: any) => m.author === 'system');
    expect(await idleSweep()).toEqual({ warned: 0, abandoned: 1 });
    expect(await citizenEnded).toEqual({ by: 'system', outcome: 'abandoned' });
    expect(await agentEnded).toEqual({ chatId, by: 'system', outcome: 'abandoned' });
    expect((await closing).body).toBe(systemText('abandoned', 'nb'));

    const transcript = await desk.http().get(`/api/chats/${chatId}/transcript`).set('x-chat-token', started.token).expect(200);
    expect(transcript.text).toContain('Hvilken postkasse bruker du?');

    // The ticket page names the desk's outcome, which staff cannot choose.
    const staff = await desk.login('supervisor');
    const page = await desk.http().get(`/agent/tickets/${chatId}`).set('cookie', staff.cookie).expect(200);
    expect(page.text).toMatch(/<option value="" selected disabled>Forlatt av innbyggeren<\/option>/);

    // MAX_CHATS_PER_AGENT is 1: the agent can take the next chat.
    const other = await desk.citizen();
    const waiting = await ask(other, 'chat:start', VALID_CHAT);
    expect(await ask(agent, 'chat:accept', { chatId: waiting.chat.id })).toMatchObject({ ok: true });
  });

  it('a reply after the warning cancels it', async () => {
    const { agent, citizen, chatId } = await acceptedChat(desk);
    await ask(agent, 'message:send', { chatId, clientId: 'q1', body: 'Hvilken postkasse bruker du?' });
    desk.clock.advance(10 * MINUTE);
    expect(await idleSweep()).toEqual({ warned: 1, abandoned: 0 });
    desk.clock.advance(MINUTE);
    expect(await ask(citizen, 'message:send', { clientId: 'a1', body: 'Digipost' })).toMatchObject({ ok: true });
    desk.clock.advance(5 * MINUTE);
    expect(await idleSweep()).toEqual({ warned: 0, abandoned: 0 });
    expect(await ask(agent, 'message:send', { chatId, clientId: 'q2', body: 'Takk!' })).toMatchObject({ ok: true });
  });

  it('a citizen waiting for the agent is never warned', async () => {
    const { agent, citizen, chatId } = await acceptedChat(desk);
    await ask(agent, 'message:send', { chatId, clientId: 'q1', body: 'Et øyeblikk' });
    await ask(citizen, 'message:send', { clientId: 'a1', body: 'Ok' });
    const system: unknown[] = [];
    citizen.on('message:new', (m: any) => m.author === 'system' && system.push(m));
    desk.clock.advance(45 * MINUTE);
    expect(await idleSweep()).toEqual({ warned: 0, abandoned: 0 });
    expect(await ask(agent, 'message:send', { chatId, clientId: 'q2', body: 'Takk for at du ventet' })).toMatchObject({ ok: true });
    expect(system).toEqual([]);
  });

  it('a queued citizen who has gone leaves the queue as abandoned, the others move up, and the board and metrics count it', async () => {
    const gone = await desk.citizen();
    const first = await ask(gone, 'chat:start', VALID_CHAT);
    desk.clock.advance(1000);
    const staying = await desk.citizen();
    const second = await ask(staying, 'chat:start', { ...VALID_CHAT, message: 'Nummer to' });
    expect(second.position).toBe(2);
    const agent = await desk.agent(await desk.login('agent'));
    await ask(agent, 'agent:status', { status: 'available' });

    gone.disconnect();
    await until(async () => (await desk.app.get(TicketRepository).findById(first.chat.id))?.citizenLeftAt != null);
    expect(await idleSweep()).toEqual({ warned: 0, abandoned: 0 }); // gone, not yet for long
    desk.clock.advance(10 * MINUTE);
    const movedUp = next(staying, 'chat:queued', (q: any) => q.position === 1);
    const queueShrank = next(agent, 'queue:updated', (q: any) => q.total === 1);
    expect(await idleSweep()).toEqual({ warned: 0, abandoned: 1 });
    await movedUp;
    expect((await queueShrank).waiting.map((w: any) => w.chatId)).toEqual([second.chat.id]);

    const supervisor = await desk.login('supervisor');
    const board = (await ask(await desk.agent(supervisor), 'board:get')).board;
    expect(board.today).toMatchObject({ chatsAbandoned: 1, chatsClosed: 1 });
    const metrics = (await desk.http().get('/api/metrics/summary').set('cookie', supervisor.cookie).expect(200)).body;
    expect(metrics.outcomes).toMatchObject({ abandoned: 1, none: 0 });
    expect(first.chat.id).not.toBe(second.chat.id);
  });
});
