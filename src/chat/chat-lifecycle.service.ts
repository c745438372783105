import { Injectable } from '@nestjs/common';
import type { StaffActor } from '../auth/actor';
import { Clock } from '../common/clock';
import { conflict } from '../common/errors';
import { maskNationalIdsInText } from '../common/national-id-in-text';
import { Transactions } from '../database/transactions';
import { StaffService } from '../staff/staff.service';
import type { TicketEntity } from '../tickets/entities/ticket.entity';
import { TicketEventRepository } from '../tickets/ticket-event.repository';
import { TicketRepository } from '../tickets/ticket.repository';
import type { StaffOutcome } from '../tickets/ticket.types';
import { requireCitizenChatState } from '../tickets/ticket-access';
import { ChatAccess } from './chat-access.service';
import { ChatTimeline, QUEUE_CHANGED } from './chat-timeline';
import { becameTicketText, systemText } from './system-messages';

@Injectable()
export class ChatLifecycleService {
  constructor(
    private readonly access: ChatAccess,
    private readonly tickets: TicketRepository,
    private readonly events: TicketEventRepository,
    private readonly staff: StaffService,
    private readonly transactions: Transactions,
    private readonly timeline: ChatTimeline,
    private readonly clock: Clock,
  ) {}

  async endByCitizen(chat: TicketEntity): Promise<void> {
    if (chat.status !== 'queued' && chat.status !== 'active') return; // ending twice is harmless
    const at = this.clock.now();
    await this.timeline.record({
      chatId: chat.id,
      at,
      update: (db) => this.tickets.close(db, chat.id, ['queued', 'active'], { outcome: null, closedBy: 'citizen', at }),
      event: { type: 'ended-by-citizen' },
      say: systemText('endedByCitizen', chat.language),
      after: [['chat.ended', { chatId: chat.id, by: 'citizen', agentId: chat.assigneeId }], ...(chat.status === 'queued' ? [QUEUE_CHANGED] : [])],
    });
  }

  async closeByAgent(actor: StaffActor, chatId: string, outcome: StaffOutcome): Promise<void> {
    const chat = await this.access.chatFor(actor, chatId, 'close');
    const at = this.clock.now();
    const message = await this.timeline.record({
      chatId,
      at,
      update: (db) => this.tickets.close(db, chatId, ['active'], { outcome, closedBy: 'agent', at }),
      event: { type: 'closed', actorId: actor.id, actorName: actor.displayName, data: { outcome } },
      say: systemText('closedByAgent', chat.language),
      after: [['chat.ended', { chatId, by: 'agent', outcome, agentId: chat.assigneeId }]],
    });
    if (!message) throw await this.access.refusalAfterChange(actor, chatId, 'close');
  }

  // The conversation goes on as a ticket the agent keeps; the chat's slot is free again.
  async makeTicket(actor: StaffActor, chatId: string): Promise<void> {
    const chat = await this.access.chatFor(actor, chatId, 'close');
    const at = this.clock.now();
    const message = await this.timeline.record({
      chatId,
      at,
      // A transfer in between makes it someone else's chat: then nothing happens.
      update: (db) => this.tickets.convertChatToTicket(db, chatId, { status: 'active', assigneeId: chat.assigneeId }, at),
      event: { type: 'converted-to-ticket', actorId: actor.id, actorName: actor.displayName, data: { reason: 'agent' } },
      say: (ticket) => becameTicketText(ticket, actor.displayName),
      after: [['chat.ended', { chatId, by: 'agent', outcome: 'ticket', agentId: chat.assigneeId }]],
    });
    if (!message) throw await this.access.refusalAfterChange(actor, chatId, 'close');
  }

  async rate(chat: TicketEntity, score: number, comment: string | undefined): Promise<void> {
    requireCitizenChatState(chat, 'rate');
    const at = this.clock.now();
    await this.transactions.run(async (db) => {
      if (!(await this.tickets.rate(db, chat.id, score, comment ? maskNationalIdsInText(comment) : null, at))) throw conflict('This chat has already been rated');
      await this.events.record(db, chat.id, { type: 'rated', data: { score }, at });
    });
  }

  async transfer(actor: StaffActor, chatId: string, toUserId: string): Promise<void> {
    const chat = await this.access.chatFor(actor, chatId, 'transfer');
    if (toUserId === actor.id) throw conflict('You already have this chat');
    const target = await this.staff.requireActive(toUserId);
    if (target.status !== 'available') throw conflict(`${target.displayName} is not available`);
    const at = this.clock.now();
    const message = await this.timeline.record({
      chatId,
      at,
      update: (db) => this.tickets.reassign(db, chatId, actor.id, target.id, at),
      event: { type: 'transferred', actorId: actor.id, actorName: actor.displayName, data: { toUserId: target.id, toName: target.displayName } },
      say: systemText('transferred', chat.language, { agent: target.displayName }),
      before: [['chat.assigned', { chatId, agentId: target.id, agentName: target.displayName, previousAgentId: actor.id }]],
    });
    if (!message) throw await this.access.refusalAfterChange(actor, chatId, 'transfer');
  }
}
