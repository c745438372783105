import { Injectable } from '@nestjs/common';
import type { StaffActor } from '../auth/actor';
import { Clock } from '../common/clock';
import { conflict } from '../common/errors';
import { maskNationalIdsInText } from '../common/national-id-in-text';
import { Transactions } from '../database/transactions';
import { StaffService } from '../staff/staff.service';
import type { TicketEntity } from '../tickets/entities/ticket.entity';
import { MessageStore } from '../tickets/message-store/message-store';
import { TicketEventRepository } from '../tickets/ticket-event.repository';
import { mapMessage } from '../tickets/ticket.dto';
import { TicketRepository } from '../tickets/ticket.repository';
import type { Outcome } from '../tickets/ticket.types';
import { requireCitizenChatState } from '../tickets/ticket-access';
import { ChatAccess } from './chat-access.service';
import { DeskEvents } from './desk-events';
import { systemText } from './system-messages';

/** Ending, closing, rating and handing over a chat. */
@Injectable()
export class ChatLifecycleService {
  constructor(
    private readonly access: ChatAccess,
    private readonly tickets: TicketRepository,
    private readonly messages: MessageStore,
    private readonly events: TicketEventRepository,
    private readonly staff: StaffService,
    private readonly transactions: Transactions,
    private readonly desk: DeskEvents,
    private readonly clock: Clock,
  ) {}

  async endByCitizen(chat: TicketEntity): Promise<void> {
    if (chat.status !== 'queued' && chat.status !== 'active') return; // ending twice is harmless
    const at = this.clock.now();
    const result = await this.transactions.run(async (db) => {
      if (!(await this.tickets.close(db, chat.id, ['queued', 'active'], { outcome: null, closedBy: 'citizen', at }))) return null;
      await this.events.record(db, chat.id, { type: 'ended-by-citizen', at });
      return this.messages.append(db, chat.id, { author: 'system', kind: 'event', body: systemText('endedByCitizen', chat.language), createdAt: at });
    });
    if (!result) return;
    this.desk.emit('message', { chatId: chat.id, message: mapMessage(result) });
    this.desk.emit('chat.ended', { chatId: chat.id, by: 'citizen', agentId: chat.assigneeId });
    if (chat.status === 'queued') this.desk.emit('queue.changed', {});
  }

  async closeByAgent(actor: StaffActor, chatId: string, outcome: Outcome): Promise<void> {
    const chat = await this.access.chatFor(actor, chatId, 'close');
    const at = this.clock.now();
    const message = await this.transactions.run(async (db) => {
      if (!(await this.tickets.close(db, chat.id, ['active'], { outcome, closedBy: 'agent', at }))) return null;
      await this.events.record(db, chat.id, { type: 'closed', actorId: actor.id, actorName: actor.displayName, data: { outcome }, at });
      return this.messages.append(db, chat.id, { author: 'system', kind: 'event', body: systemText('closedByAgent', chat.language), createdAt: at });
    });
    if (!message) throw await this.access.refusalAfterChange(actor, chat.id, 'close');
    this.desk.emit('message', { chatId: chat.id, message: mapMessage(message) });
    this.desk.emit('chat.ended', { chatId: chat.id, by: 'agent', outcome, agentId: chat.assigneeId });
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
    const message = await this.transactions.run(async (db) => {
      if (!(await this.tickets.reassign(db, chat.id, actor.id, target.id, at))) return null;
      await this.events.record(db, chat.id, {
        type: 'transferred',
        actorId: actor.id,
        actorName: actor.displayName,
        data: { toUserId: target.id, toName: target.displayName },
        at,
      });
      return this.messages.append(db, chat.id, {
        author: 'system',
        kind: 'event',
        body: systemText('transferred', chat.language, { agent: target.displayName }),
        createdAt: at,
      });
    });
    if (!message) throw await this.access.refusalAfterChange(actor, chat.id, 'transfer');
    this.desk.emit('chat.assigned', { chatId: chat.id, agentId: target.id, agentName: target.displayName, previousAgentId: actor.id });
    this.desk.emit('message', { chatId: chat.id, message: mapMessage(message) });
  }
}
