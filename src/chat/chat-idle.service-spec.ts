import type { StaffActor } from '../auth/actor';
import { MessageStore } from '../tickets/message-store/message-store';
import { TicketEventRepository } from '../tickets/ticket-event.repository';
import { TicketRepository } from '../tickets/ticket.repository';
import { startServiceModule, ServiceModule } from '../../test/support/service-module';
import { ChatIdleService } from './chat-idle.service';
import { ChatMessagesService } from './chat-messages.service';
import { ChatQueueService } from './chat-queue.service';
import { ChatStartService } from './chat-start.service';
import { CitizenPresenceService } from './citizen-presence.service';
import { systemText } from './system-messages';

const MINUTE = 60_000;

describe('idle citizens (sweeper steps on SQLite, fixed clock; CHAT_IDLE_MINUTES 10, grace 2)', () => {
  let desk: ServiceModule;
  let agent: StaffActor;
  let sent = 0;

  beforeEach(async () => {
    desk = await startServiceModule();
    agent = await desk.staff('agent', 'kari');
  });
  afterEach(() => desk.close());

  const idle = () => desk.get(ChatIdleService);
  const presence = () => desk.get(CitizenPresenceService);
  const chat = async (chatId: string) => (await desk.get(TicketRepository).findById(chatId))!;
  const systemBodies = async (chatId: string) =>
    (await desk.get(MessageStore).listAfter(chatId, 0)).filter((m) => m.author === 'system').map((m) => m.body);
  const eventsOf = async (chatId: string) => (await desk.get(TicketEventRepository).listFor(chatId)).map((e) => e.type);
  const agentWrites = (chatId: string) => desk.get(ChatMessagesService).sendAsAgent(agent, { chatId, clientId: `a${++sent}`, body: 'Har du prøvd å logge inn på nytt?' });
  const citizenWrites = (chatId: string) => desk.get(ChatMessagesService).sendAsCitizen(chatId, { clientId: `c${++sent}`, body: 'Ja, nå virker det' });
  const gone = (chatId: string) => presence().disconnected(chatId, async () => false);

  async function queuedChat(): Promise<string> {
    const started = await desk.get(ChatStartService).start('192.0.2.1', { topic: 'digital-mailbox', message: 'Hei' } as never);
    return started.chat.id;
  }

  async function acceptedChat(): Promise<string> {
    const chatId = await queuedChat();
    await desk.get(ChatQueueService).accept(agent, chatId);
    desk.announced.length = 0;
    return chatId;
  }

  it('a citizen silent while it is their turn is warned once, then closed as abandoned after the grace time, freeing the slot', async () => {
    const chatId = await acceptedChat();
    await agentWrites(chatId);
    desk.clock.advance(10 * MINUTE - 1);
    expect(await idle().sweep()).toEqual({ warned: 0, abandoned: 0 });

    desk.clock.advance(1);
    expect(await Promise.all([idle().sweep(), idle().sweep()])).toEqual(expect.arrayContaining([{ warned: 1, abandoned: 0 }, { warned: 0, abandoned: 0 }]));
    expect((await systemBodies(chatId)).at(-1)).toBe(systemText('idleWarning', 'nb', { minutes: '2' }));
    expect(await eventsOf(chatId)).toContain('idle-warning');

    desk.clock.advance(2 * MINUTE - 1);
    expect(await idle().sweep()).toEqual({ warned: 0, abandoned: 0 });
    desk.clock.advance(1);
    desk.announced.length = 0;
    expect(await idle().sweep()).toEqual({ warned: 0, abandoned: 1 });
    expect(await idle().sweep()).toEqual({ warned: 0, abandoned: 0 });

    expect(await chat(chatId)).toMatchObject({ status: 'closed', outcome: 'abandoned', closedBy: 'system', closedAt: desk.clock.now() });
    expect((await systemBodies(chatId)).at(-1)).toBe(systemText('abandoned', 'nb'));
    expect(desk.announced.map(([name]) => name)).toEqual(['message', 'chat.ended']);
    expect(desk.announced[1]).toEqual(['chat.ended', { chatId, by: 'system', outcome: 'abandoned', agentId: agent.id }]);
    expect(await desk.get(TicketRepository).findActiveForAssignee(agent.id)).toHaveLength(0);
  });

  it('a reply after the warning cancels it', async () => {
    const chatId = await acceptedChat();
    await agentWrites(chatId);
    desk.clock.advance(10 * MINUTE);
    expect(await idle().sweep()).toEqual({ warned: 1, abandoned: 0 });
    desk.clock.advance(MINUTE);
    await citizenWrites(chatId);
    desk.clock.advance(30 * MINUTE);
    expect(await idle().sweep()).toEqual({ warned: 0, abandoned: 0 });
    expect((await chat(chatId)).status).toBe('active');
  });

  it('a citizen waiting for the agent is never warned', async () => {
    const chatId = await acceptedChat();
    await agentWrites(chatId);
    await citizenWrites(chatId);
    desk.clock.advance(60 * MINUTE);
    expect(await idle().sweep()).toEqual({ warned: 0, abandoned: 0 });
    expect(await eventsOf(chatId)).not.toContain('idle-warning');
  });

  it('a citizen gone for the idle time is warned; coming back cancels the warning', async () => {
    const chatId = await acceptedChat();
    await gone(chatId);
    expect(desk.announced).toContainEqual(['chat.presence', { chatId, connected: false, leftAt: desk.clock.now().toISOString() }]);
    expect(await chat(chatId)).toMatchObject({ citizenLeftAt: desk.clock.now() });

    desk.clock.advance(10 * MINUTE);
    expect(await idle().sweep()).toEqual({ warned: 1, abandoned: 0 });
    await presence().connected(chatId);
    expect(desk.announced).toContainEqual(['chat.presence', { chatId, connected: true }]);
    expect(await chat(chatId)).toMatchObject({ citizenLeftAt: null, idleWarnedAt: null });
    desk.clock.advance(5 * MINUTE);
    expect(await idle().sweep()).toEqual({ warned: 0, abandoned: 0 });
  });

  it('a citizen who stays gone is closed as abandoned after the warning and the grace time', async () => {
    const chatId = await acceptedChat();
    await gone(chatId);
    desk.clock.advance(10 * MINUTE);
    await idle().sweep();
    desk.clock.advance(2 * MINUTE);
    expect(await idle().sweep()).toEqual({ warned: 0, abandoned: 1 });
    expect(await chat(chatId)).toMatchObject({ status: 'closed', outcome: 'abandoned' });
  });

  it('a queued chat whose citizen has gone for the idle time leaves the queue as abandoned, without a warning', async () => {
    const waiting = await queuedChat();
    const staying = await queuedChat();
    await gone(waiting);
    desk.clock.advance(10 * MINUTE);
    desk.announced.length = 0;
    expect(await idle().sweep()).toEqual({ warned: 0, abandoned: 1 });
    expect(await chat(waiting)).toMatchObject({ status: 'closed', outcome: 'abandoned' });
    expect(await eventsOf(waiting)).not.toContain('idle-warning');
    expect(desk.announced.map(([name]) => name)).toEqual(['message', 'chat.ended', 'queue.changed']);
    expect(await desk.get(ChatQueueService).positionOf(staying)).toMatchObject({ position: 1 });
  });

  it('a disconnect while another socket is still open anywhere is not leaving', async () => {
    const chatId = await acceptedChat();
    await presence().disconnected(chatId, async () => true);
    expect((await chat(chatId)).citizenLeftAt).toBeNull();
    expect(desk.announced.filter(([name]) => name === 'chat.presence')).toHaveLength(0);
  });

  it('the reconcile step finds citizens whose instance vanished, and citizens back whose return crossed a disconnect', async () => {
    const vanished = await acceptedChat();
    const back = await acceptedChat();
    await gone(back);
    desk.clock.advance(10_000);
    desk.announced.length = 0;
    expect(await presence().reconcile(async () => new Set([back]))).toBe(2);
    expect(await chat(vanished)).toMatchObject({ citizenLeftAt: desk.clock.now() });
    expect(await chat(back)).toMatchObject({ citizenLeftAt: null });
    expect(desk.announced).toEqual([
      ['chat.presence', expect.objectContaining({ connected: expect.any(Boolean) })],
      ['chat.presence', expect.objectContaining({ connected: expect.any(Boolean) })],
    ]);
    expect(await presence().reconcile(async () => new Set([back]))).toBe(0);
  });

  it('the reconcile step leaves a chat alone whose citizen was seen a moment ago (its socket may not have joined yet)', async () => {
    const fresh = await queuedChat();
    expect(await presence().reconcile(async () => new Set())).toBe(0);
    expect((await chat(fresh)).citizenLeftAt).toBeNull();
  });
});
