import { Injectable } from '@nestjs/common';
import type { StaffActor } from '../auth/actor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { StaffRepository } from '../staff/staff.repository';
import { MessageStore } from '../tickets/message-store/message-store';
import { ChatDto, mapChat, mapMessage, MessageDto } from '../tickets/ticket.dto';
import { QueuedChat, TicketRepository } from '../tickets/ticket.repository';
import { CitizenContext, CitizenContextService } from '../citizens/citizen-context.service';
import { ChatAccess } from './chat-access.service';
import { ChatTimeline, QUEUE_CHANGED } from './chat-timeline';
import { systemText } from './system-messages';
import { estimateWaitSeconds, typicalHandlingSeconds } from './wait-estimate';

export interface WaitingChat {
  chatId: string;
  reference: string;
  topic: string;
  waitingSince: string;
  verified: boolean;
  preview: string;
}

export interface QueuePosition {
  chatId: string;
  position: number;
  estimatedWaitSeconds: number;
}

export interface AcceptedChat {
  chat: ChatDto;
  messages: MessageDto[];
  citizen: CitizenContext;
}

const HANDLING_CACHE_MS = 60_000;

@Injectable()
export class ChatQueueService {
  private handling?: { seconds: number; until: number };

  constructor(
    private readonly tickets: TicketRepository,
    private readonly messages: MessageStore,
    private readonly staff: StaffRepository,
    private readonly access: ChatAccess,
    private readonly timeline: ChatTimeline,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly citizens: CitizenContextService,
  ) {}

  async waiting(limit?: number): Promise<WaitingChat[]> {
    return (await this.tickets.findQueuedOldestFirst(limit)).map(toWaitingChat);
  }

  async positions(): Promise<QueuePosition[]> {
    const [ids, estimate] = await Promise.all([this.tickets.findQueuedIds(), this.waitEstimator()]);
    return ids.map((chatId, index) => ({ chatId, position: index + 1, estimatedWaitSeconds: estimate(index + 1) }));
  }

  async positionOf(chatId: string): Promise<{ position: number; estimatedWaitSeconds: number }> {
    const [position, estimate] = await Promise.all([this.tickets.queuePosition(chatId), this.waitEstimator()]);
    return position > 0 ? { position, estimatedWaitSeconds: estimate(position) } : { position: 0, estimatedWaitSeconds: 0 };
  }

  private async waitEstimator(): Promise<(position: number) => number> {
    const [available, handlingSeconds] = await Promise.all([this.staff.countAvailable(), this.typicalHandlingSeconds()]);
    return (position) => estimateWaitSeconds(position, available, this.config.maxChatsPerAgent, handlingSeconds);
  }

  // Of many agents trying at once, exactly one wins; the rest get TAKEN.
  async accept(actor: StaffActor, chatId: string): Promise<AcceptedChat> {
    await this.access.chatFor(actor, chatId, 'accept');
    const assigned = (await this.assign(chatId, actor.id, actor.displayName)) === 'assigned';
    if (!assigned) throw new DomainError('TAKEN', 'Someone else has already taken this chat, or it is no longer waiting');
    const chat = await this.access.chatById(chatId);
    const [messages, citizen] = await Promise.all([this.messages.listAfter(chatId, 0), this.citizens.forTicket(actor, chatId, 'chat accepted')]);
    return { chat: mapChat(chat), messages: messages.map(mapMessage), citizen };
  }

  // The load read here may be stale (another instance may route too): each hand-over checks again in its transaction.
  async routeWaitingChats(): Promise<number> {
    if (this.config.routing !== 'auto') return 0;
    const max = this.config.maxChatsPerAgent;
    let routed = 0;
    const queued = await this.tickets.findRoutableQueuedIds();
    if (queued.length === 0) return 0;
    const agents = await this.staff.findAvailableAgents();
    const load = await this.tickets.countActiveByAssignee();
    for (const chatId of queued) {
      for (;;) {
        const chosen = agents
          .map((agent) => ({ agent, chats: load.get(agent.id) ?? 0 }))
          .filter((candidate) => candidate.chats < max)
          .sort((a, b) => a.chats - b.chats)[0];
        if (!chosen) return routed;
        const outcome = await this.assign(chatId, chosen.agent.id, chosen.agent.displayName, max);
        if (outcome === 'full') {
          load.set(chosen.agent.id, max);
          continue;
        }
        if (outcome === 'assigned') {
          load.set(chosen.agent.id, chosen.chats + 1);
          routed += 1;
        }
        break;
      }
    }
    return routed;
  }

  private async assign(chatId: string, agentId: string, agentName: string, limit?: number): Promise<'assigned' | 'taken' | 'full'> {
    let full = false;
    const at = this.clock.now();
    const message = await this.timeline.record({
      chatId,
      at,
      update: async (db) => {
        if (limit !== undefined) {
          await this.staff.lockForAssignment(db, agentId);
          full = (await this.tickets.countActiveAssignedTo(db, agentId)) >= limit;
          if (full) return false;
        }
        return this.tickets.claimQueued(db, chatId, agentId, at);
      },
      event: { type: 'accepted', actorId: agentId, actorName: agentName },
      say: (chat) => systemText('joined', chat.language, { agent: agentName }),
      before: [['chat.assigned', { chatId, agentId, agentName }]],
      after: [QUEUE_CHANGED],
    });
    return message ? 'assigned' : full ? 'full' : 'taken';
  }

  private async typicalHandlingSeconds(): Promise<number> {
    const now = Date.now();
    if (this.handling && this.handling.until > now) return this.handling.seconds;
    const seconds = typicalHandlingSeconds(await this.tickets.recentHandlingSeconds(50));
    this.handling = { seconds, until: now + HANDLING_CACHE_MS };
    return seconds;
  }
}

const toWaitingChat = (chat: QueuedChat): WaitingChat => ({
  chatId: chat.id,
  reference: chat.reference,
  topic: chat.topic,
  waitingSince: chat.queuedAt.toISOString(),
  verified: chat.verified,
  preview: chat.preview,
});
