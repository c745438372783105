import { Injectable, Logger } from '@nestjs/common';
import type { StaffActor } from '../auth/actor';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { StaffRepository } from '../staff/staff.repository';
import { ChatDto, mapChat } from '../tickets/ticket.dto';
import { TicketRepository } from '../tickets/ticket.repository';
import { ChatTimeline } from './chat-timeline';
import { DeskEvents } from './desk-events';
import { systemText } from './system-messages';

// In the database so any instance may ask; after the grace period chats go back to the queue at their old place.
@Injectable()
export class AgentPresenceService {
  private readonly logger = new Logger('Presence');

  constructor(
    private readonly staff: StaffRepository,
    private readonly tickets: TicketRepository,
    private readonly transactions: Transactions,
    private readonly timeline: ChatTimeline,
    private readonly desk: DeskEvents,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async setStatus(actor: StaffActor, status: 'available' | 'away'): Promise<void> {
    const user = await this.staff.findById(actor.id);
    if (user?.status === status) return;
    await this.transactions.run((db) => this.staff.setStatus(db, actor.id, status, this.clock.now()));
    this.desk.emit('agent.status', { agentId: actor.id, status });
    this.desk.emit('queue.changed', {}); // estimates depend on how many agents are available
  }

  // Back from offline counts as away until they say otherwise.
  async connected(actor: StaffActor): Promise<{ status: string; chats: ChatDto[] }> {
    const user = await this.staff.findById(actor.id);
    if (user?.status === 'offline') await this.transactions.run((db) => this.staff.markReconnected(db, actor.id));
    const chats = await this.tickets.findActiveForAssignee(actor.id);
    return { status: user?.status === 'offline' ? 'away' : (user?.status ?? 'away'), chats: chats.map(mapChat) };
  }

  async disconnected(agentId: string): Promise<void> {
    const user = await this.staff.findById(agentId);
    if (!user || user.status === 'offline') return;
    const since = user.status === 'away' && user.statusChangedAt ? user.statusChangedAt : this.clock.now();
    await this.transactions.run((db) => this.staff.setStatus(db, agentId, 'offline', since));
    this.desk.emit('agent.status', { agentId, status: 'offline' });
    if (user.status === 'available') this.desk.emit('queue.changed', {});
  }

  // Their instance died before recording the disconnect; sockets are listed after the read, so a new one is seen.
  async markVanished(connectedStaffIds: () => Promise<Set<string>>): Promise<number> {
    const present = await this.staff.findByStatuses(['available', 'away']);
    if (present.length === 0) return 0;
    const connected = await connectedStaffIds();
    const vanished = present.filter((user) => !connected.has(user.id));
    for (const user of vanished) await this.disconnected(user.id);
    if (vanished.length > 0) this.logger.log(`${vanished.length} agent(s) had no connection left on any instance: now offline`);
    return vanished.length;
  }

  async requeueAbandonedChats(): Promise<number> {
    const now = this.clock.now();
    const before = new Date(now.getTime() - this.config.agentGraceSeconds * 1000);
    const gone = await this.staff.findUnavailableSince(['away', 'offline'], before);
    const chats = await this.tickets.findActiveForAssignees(gone.map((u) => u.id));
    let requeued = 0;
    for (const chat of chats) {
      const previousAgentId = chat.assigneeId!;
      const message = await this.timeline.record({
        chatId: chat.id,
        at: now,
        update: (db) => this.tickets.requeue(db, chat.id, previousAgentId, now),
        event: { type: 'requeued', data: { fromUserId: previousAgentId, reason: 'agent unavailable' } },
        say: systemText('requeued', chat.language),
        before: [['chat.requeued', { chatId: chat.id, previousAgentId }]],
      });
      if (message) requeued += 1;
    }
    if (requeued > 0) {
      this.logger.log(`Returned ${requeued} chat(s) of unavailable agents to the queue`);
      this.desk.emit('queue.changed', {});
    }
    return requeued;
  }
}
