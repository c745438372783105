import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { ChatQueueService } from './chat-queue.service';
import { DeskEvents } from './desk-events';

export const rooms = {
  chat: (chatId: string) => `chat:${chatId}`,
  user: (userId: string) => `user:${userId}`,
  available: 'available',
  supervisors: 'supervisors',
};

/**
 * The one place that turns desk events into socket pushes. Rooms, not sockets, are addressed,
 * so with the Redis adapter a push reaches sockets on every instance.
 */
@Injectable()
export class ChatNotifier implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Notifier');
  private citizens?: Namespace;
  private agents?: Namespace;
  private queuePushPending = false;
  private stopped = false;

  constructor(
    private readonly desk: DeskEvents,
    private readonly queue: ChatQueueService,
  ) {}

  attachCitizens(namespace: Namespace): void {
    this.citizens = namespace;
  }

  attachAgents(namespace: Namespace): void {
    this.agents = namespace;
  }

  /** Staff with at least one socket open on any instance (throws if an instance does not answer). */
  async connectedStaffIds(): Promise<Set<string>> {
    if (!this.agents) return new Set();
    const sockets = await this.agents.fetchSockets();
    return new Set(sockets.map((socket) => (socket.data as { actor?: { id: string } }).actor?.id).filter((id): id is string => id !== undefined));
  }

  onModuleInit(): void {
    this.desk.on('message', ({ chatId, message }) => {
      this.citizens?.to(rooms.chat(chatId)).emit('message:new', message);
      this.agents?.to(rooms.chat(chatId)).emit('message:new', message);
    });
    this.desk.on('note', ({ chatId, note }) => this.agents?.to(rooms.chat(chatId)).emit('note:new', note));
    this.desk.on('queue.changed', () => this.scheduleQueuePush());
    this.desk.on('chat.assigned', ({ chatId, agentId, agentName, previousAgentId }) => {
      this.citizens?.to(rooms.chat(chatId)).emit('chat:assigned', { agentName });
      if (previousAgentId) {
        this.agents?.in(rooms.user(previousAgentId)).socketsLeave(rooms.chat(chatId));
        this.agents?.to(rooms.user(previousAgentId)).emit('chat:removed', { chatId, reason: 'transferred' });
      }
      this.agents?.in(rooms.user(agentId)).socketsJoin(rooms.chat(chatId));
      this.agents?.to(rooms.user(agentId)).emit('chat:assigned', { chatId, agentName });
    });
    this.desk.on('chat.requeued', ({ chatId, previousAgentId }) => {
      this.agents?.to(rooms.user(previousAgentId)).emit('chat:removed', { chatId, reason: 'requeued' });
      this.agents?.in(rooms.user(previousAgentId)).socketsLeave(rooms.chat(chatId));
    });
    this.desk.on('chat.verified', ({ chatId }) => {
      this.agents?.to(rooms.chat(chatId)).emit('chat:verified', { chatId });
      this.citizens?.to(rooms.chat(chatId)).emit('chat:verified', { verified: true });
    });
    this.desk.on('chat.ended', ({ chatId, by, outcome }) => {
      const payload = { by, ...(outcome ? { outcome } : {}) };
      this.citizens?.to(rooms.chat(chatId)).emit('chat:ended', payload);
      this.agents?.to(rooms.chat(chatId)).emit('chat:ended', { chatId, ...payload });
    });
    this.desk.on('agent.status', ({ agentId, status }) => {
      const sockets = this.agents?.in(rooms.user(agentId));
      if (status === 'available') {
        sockets?.socketsJoin(rooms.available);
        this.scheduleQueuePush();
      } else {
        sockets?.socketsLeave(rooms.available);
      }
      this.agents?.to(rooms.user(agentId)).emit('agent:status', { status });
    });
  }

  onModuleDestroy(): void {
    this.stopped = true;
  }

  citizenTyping(chatId: string, typing: boolean): void {
    this.agents?.to(rooms.chat(chatId)).emit('typing', { chatId, typing, author: 'citizen' });
  }

  agentTyping(chatId: string, typing: boolean): void {
    this.citizens?.to(rooms.chat(chatId)).emit('typing', { typing });
  }

  /** Many changes in one tick (a burst of starts, say) cost one queue read and one round of pushes. */
  private scheduleQueuePush(): void {
    if (this.queuePushPending || this.stopped) return;
    this.queuePushPending = true;
    setImmediate(() => {
      this.queuePushPending = false;
      if (this.stopped) return;
      this.pushQueue().catch((error: Error) => this.logger.error(`Queue push failed: ${error.stack ?? error.message}`));
    });
  }

  private async pushQueue(): Promise<void> {
    const waiting = await this.queue.waiting();
    this.agents?.to(rooms.available).emit('queue:updated', { waiting });
    for (const { chatId, position, estimatedWaitSeconds } of await this.queue.positionsFor(waiting)) {
      this.citizens?.to(rooms.chat(chatId)).emit('chat:queued', { position, estimatedWaitSeconds });
    }
  }
}
