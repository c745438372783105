import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { RedisConnection } from '../scaling/redis-connection';
import { ChatQueueService } from './chat-queue.service';
import type { ConnectedChats } from './citizen-presence.service';
import { DeskEvents } from './desk-events';
import { DeskSocketServer } from './desk-socket-server';
import { QueuePositionsPush } from './queue-positions-push';
import { rooms, type AgentNamespace, type CitizenNamespace } from './socket-contract';

// Positions must reach citizens within 1 s.
const QUEUE_PUSH_INTERVAL_MS = 100;
export const AGENT_QUEUE_LIMIT = 200;
const QUEUE_CHANGED = 'desk:queue-changed';

// Rooms, not sockets, are addressed, so with the Redis adapter a push reaches every instance.
@Injectable()
export class ChatNotifier implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Notifier');
  private queuePushTimer?: NodeJS.Timeout;
  private queuePushRunning = false;
  private queueDirty = false;
  // Set by changes that move places or waits; a citizen (re)connecting needs a push but stales none.
  private positionsStale = false;
  private othersUntold = false;
  private lastQueuePush = 0;
  private readonly citizenPlaces = new QueuePositionsPush();
  private stopped = false;

  constructor(
    private readonly desk: DeskEvents,
    private readonly queue: ChatQueueService,
    private readonly redis: RedisConnection,
    private readonly sockets: DeskSocketServer,
  ) {}

  private get citizens(): CitizenNamespace | undefined {
    return this.sockets.citizens;
  }

  private get agents(): AgentNamespace | undefined {
    return this.sockets.agents;
  }

  // Room names only: far less to send between instances than every socket. Throws if an instance does not answer.
  async connectedCitizenChatIds(): Promise<ConnectedChats> {
    if (!this.citizens) return new Set();
    const adapter = this.citizens.adapter as typeof this.citizens.adapter & { allRooms?: () => Promise<Set<string>> };
    // One instance: its own rooms answer; copying 20,000 room names (a room per socket too) held the event loop ~100 ms.
    if (!adapter.allRooms) return { has: (chatId) => adapter.rooms.has(rooms.chat(chatId)) };
    const names = await adapter.allRooms();
    return { has: (chatId) => names.has(rooms.chat(chatId)) };
  }

  async citizenConnected(chatId: string): Promise<boolean> {
    if (!this.citizens) return false;
    return (await this.citizens.in(rooms.chat(chatId)).fetchSockets()).length > 0;
  }

  // Throws if an instance does not answer.
  async connectedStaffIds(): Promise<Set<string>> {
    if (!this.agents) return new Set();
    const sockets = await this.agents.fetchSockets();
    return new Set(sockets.map((socket) => (socket.data as { actor?: { id: string } }).actor?.id).filter((id): id is string => id !== undefined));
  }

  onModuleInit(): void {
    this.sockets.whenReady(() => this.citizens?.on(QUEUE_CHANGED, () => this.queueChanged()));
    this.desk.on('message', ({ chatId, message }) => {
      this.citizens?.to(rooms.chat(chatId)).emit('message:new', message);
      this.agents?.to(rooms.chat(chatId)).emit('message:new', message);
    });
    this.desk.on('note', ({ chatId, note }) => this.agents?.to(rooms.chat(chatId)).emit('note:new', note));
    this.desk.on('queue.changed', () => {
      this.othersUntold = this.redis.client !== null;
      this.queueChanged();
    });
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
      // Its citizen was last shown an agent, not a place: tell them now, wherever they are.
      this.queue
        .positionOf(chatId)
        .then(({ position, estimatedWaitSeconds }) => {
          this.citizenPlaces.remember(chatId, { position, estimatedWaitSeconds });
          this.citizens?.to(rooms.chat(chatId)).emit('chat:queued', { position, estimatedWaitSeconds });
        })
        .catch((error: Error) => this.logger.error(`Could not tell a re-queued chat its place: ${error.message}`));
      this.agents?.to(rooms.user(previousAgentId)).emit('chat:removed', { chatId, reason: 'requeued' });
      this.agents?.in(rooms.user(previousAgentId)).socketsLeave(rooms.chat(chatId));
    });
    this.desk.on('chat.verified', ({ chatId }) => {
      this.agents?.to(rooms.chat(chatId)).emit('chat:verified', { chatId });
      this.citizens?.to(rooms.chat(chatId)).emit('chat:verified', { verified: true });
    });
    this.desk.on('chat.presence', (presence) => this.agents?.to(rooms.chat(presence.chatId)).emit('chat:presence', presence));
    this.desk.on('chat.ended', ({ chatId, by, outcome }) => {
      const payload = { by, ...(outcome ? { outcome } : {}) };
      this.citizens?.to(rooms.chat(chatId)).emit('chat:ended', payload);
      this.agents?.to(rooms.chat(chatId)).emit('chat:ended', { chatId, ...payload });
    });
    this.desk.on('agent.status', ({ agentId, status }) => {
      const sockets = this.agents?.in(rooms.user(agentId));
      if (status === 'available') {
        sockets?.socketsJoin(rooms.available);
        this.queueChanged();
      } else {
        sockets?.socketsLeave(rooms.available);
      }
      this.agents?.to(rooms.user(agentId)).emit('agent:status', { status });
    });
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearTimeout(this.queuePushTimer);
  }

  citizenTyping(chatId: string, typing: boolean): void {
    this.agents?.to(rooms.chat(chatId)).emit('typing', { chatId, typing, author: 'citizen' });
  }

  agentTyping(chatId: string, typing: boolean): void {
    this.citizens?.to(rooms.chat(chatId)).emit('typing', { typing });
  }

  citizenEntered(chatId: string): void {
    this.citizenPlaces.forget(chatId);
    this.scheduleQueuePush();
  }

  private queueChanged(): void {
    this.positionsStale = true;
    this.scheduleQueuePush();
  }

  // A burst of changes (a thousand starts) costs one queue read; the first change after a quiet spell goes at once.
  private scheduleQueuePush(): void {
    this.queueDirty = true;
    if (this.stopped || this.queuePushRunning || this.queuePushTimer) return;
    const wait = Math.max(0, this.lastQueuePush + QUEUE_PUSH_INTERVAL_MS - Date.now());
    this.queuePushTimer = setTimeout(() => this.runQueuePush(), wait);
  }

  private runQueuePush(): void {
    this.queuePushTimer = undefined;
    if (this.stopped) return;
    this.queueDirty = false;
    this.positionsStale = false;
    this.queuePushRunning = true;
    this.lastQueuePush = Date.now();
    if (this.othersUntold) {
      this.othersUntold = false;
      this.citizens?.serverSideEmit(QUEUE_CHANGED);
    }
    this.pushQueue()
      .catch((error: Error) => {
        if (!this.stopped) this.logger.error(`Queue push failed: ${error.stack ?? error.message}`);
      })
      .finally(() => {
        this.queuePushRunning = false;
        if (this.queueDirty) this.scheduleQueuePush();
      });
  }

  // Each instance pushes to its own sockets only, so it knows what each citizen was last told and sends only changes.
  private async pushQueue(): Promise<void> {
    const positions = await this.queue.positions();
    if (this.agents && this.agents.adapter.rooms.has(rooms.available)) {
      const waiting = await this.queue.waiting(AGENT_QUEUE_LIMIT);
      this.agents.local.to(rooms.available).emit('queue:updated', { waiting, total: positions.length });
    }
    const citizens = this.citizens;
    if (!citizens) return;
    await this.citizenPlaces.push(positions, {
      isHere: (chatId) => citizens.adapter.rooms.has(rooms.chat(chatId)),
      tell: (chatId, place) => citizens.local.to(rooms.chat(chatId)).emit('chat:queued', place),
      superseded: () => this.positionsStale || this.stopped,
    });
  }
}
