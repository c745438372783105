import type { StaffActor } from '../auth/actor';
import { DomainError } from '../common/errors';
import { TicketEventRepository } from '../tickets/ticket-event.repository';
import { MessageStore } from '../tickets/message-store/message-store';
import { TicketRepository } from '../tickets/ticket.repository';
import { startServiceModule, ServiceModule } from '../../test/support/service-module';
import { AgentPresenceService } from './agent-presence.service';
import { ChatAccess } from './chat-access.service';
import { ChatLifecycleService } from './chat-lifecycle.service';
import { ChatQueueService } from './chat-queue.service';
import { ChatStartService } from './chat-start.service';

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe('the chat timeline (services on SQLite, fixed clock)', () => {
  let desk: ServiceModule;
  let agent: StaffActor;

  beforeEach(async () => {
    desk = await startServiceModule();
    agent = await desk.staff('agent', 'kari');
  });
  afterEach(() => desk.close());

  async function acceptedChat(by: StaffActor = agent): Promise<string> {
    const started = await desk.get(ChatStartService).start('192.0.2.1', { topic: 'digital-mailbox', message: 'Hei' } as never);
    await desk.get(ChatQueueService).accept(by, started.chat.id);
    desk.announced.length = 0;
    return started.chat.id;
  }

  const eventsOf = async (chatId: string) => (await desk.get(TicketEventRepository).listFor(chatId)).map((e) => e.type);
  const lastMessage = async (chatId: string) => (await desk.get(MessageStore).listAfter(chatId, 0)).at(-1)!;

  it('accepting records the event and the desk message, then announces assignment, message and queue change', async () => {
    const started = await desk.get(ChatStartService).start('192.0.2.1', { topic: 'digital-mailbox', message: 'Hei' } as never);
    desk.announced.length = 0;
    await desk.get(ChatQueueService).accept(agent, started.chat.id);
    expect(desk.announced.map(([name]) => name)).toEqual(['chat.assigned', 'message', 'queue.changed']);
    expect(await eventsOf(started.chat.id)).toContain('accepted');
    expect(await lastMessage(started.chat.id)).toMatchObject({ author: 'system', kind: 'event', seq: 2, createdAt: desk.clock.now() });
    expect(await codeOf(desk.get(ChatQueueService).accept(await desk.staff('agent'), started.chat.id))).toBe('TAKEN');
  });

  it('closing announces the message then the end, once; closing again is CONFLICT', async () => {
    const chatId = await acceptedChat();
    await desk.get(ChatLifecycleService).closeByAgent(agent, chatId, 'resolved');
    expect(desk.announced.map(([name]) => name)).toEqual(['message', 'chat.ended']);
    expect(await eventsOf(chatId)).toContain('closed');
    expect(await codeOf(desk.get(ChatLifecycleService).closeByAgent(agent, chatId, 'resolved'))).toBe('CONFLICT');
    expect(desk.announced).toHaveLength(2);
  });

  it('a transfer that loses to a colleague’s meanwhile answers FORBIDDEN, and nothing is recorded or announced', async () => {
    const chatId = await acceptedChat();
    const colleague = await desk.staff('agent', 'ola');
    await desk.get(AgentPresenceService).setStatus(colleague, 'available');
    const stale = await desk.get(ChatAccess).chatById(chatId);
    await desk.get(ChatLifecycleService).transfer(agent, chatId, colleague.id);
    desk.announced.length = 0;
    const events = await eventsOf(chatId);

    // The first agent's transfer read the chat before the hand-over and updates after it.
    jest.spyOn(desk.get(ChatAccess), 'chatById').mockResolvedValueOnce(stale);
    const third = await desk.staff('agent', 'per');
    await desk.get(AgentPresenceService).setStatus(third, 'available');
    desk.announced.length = 0;
    expect(await codeOf(desk.get(ChatLifecycleService).transfer(agent, chatId, third.id))).toBe('FORBIDDEN');
    expect(await eventsOf(chatId)).toEqual(events);
    expect(desk.announced).toEqual([]);
  });

  it('an agent away past the grace period loses the chat to the queue, with the citizen told', async () => {
    const chatId = await acceptedChat();
    await desk.get(AgentPresenceService).setStatus(agent, 'away');
    desk.clock.set(new Date(desk.clock.now().getTime() + 121_000).toISOString());
    desk.announced.length = 0;
    expect(await desk.get(AgentPresenceService).requeueAbandonedChats()).toBe(1);
    expect(desk.announced.map(([name]) => name)).toEqual(['chat.requeued', 'message', 'queue.changed']);
    expect((await desk.get(TicketRepository).findById(chatId))!.status).toBe('queued');
    expect(await eventsOf(chatId)).toContain('requeued');
  });
});
