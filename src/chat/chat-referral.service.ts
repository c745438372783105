import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StaffActor } from '../auth/actor';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { ProviderDirectory, type Provider } from '../referrals/provider-directory';
import type { TicketEntity } from '../tickets/entities/ticket.entity';
import { MessageStore } from '../tickets/message-store/message-store';
import { TicketEventRepository } from '../tickets/ticket-event.repository';
import { mapMessage, MessageDto } from '../tickets/ticket.dto';
import { requireTicketAccess } from '../tickets/ticket-access';
import { TicketRepository } from '../tickets/ticket.repository';
import { TicketsService } from '../tickets/tickets.service';
import { ChatAccess } from './chat-access.service';
import { DeskEvents } from './desk-events';

export interface ReferralResult {
  provider: Provider;
  contact: ReturnType<ProviderDirectory['referralCard']>;
  text: string;
  message?: MessageDto;
}

@Injectable()
export class ChatReferralService {
  constructor(
    private readonly directory: ProviderDirectory,
    private readonly access: ChatAccess,
    private readonly tickets: TicketRepository,
    private readonly ticketsService: TicketsService,
    private readonly messages: MessageStore,
    private readonly events: TicketEventRepository,
    private readonly transactions: Transactions,
    private readonly desk: DeskEvents,
    private readonly clock: Clock,
  ) {}

  async referInChat(actor: StaffActor, chatId: string, provider: Provider): Promise<ReferralResult> {
    const chat = await this.access.chatFor(actor, chatId, 'handle');
    return this.refer(actor, chat, provider);
  }

  async referTicket(actor: StaffActor, ticketId: string, provider: Provider): Promise<ReferralResult> {
    const ticket = await this.ticketsService.require(ticketId);
    if (ticket.channel === 'chat' && (ticket.status === 'active' || ticket.status === 'queued')) {
      return this.referInChat(actor, ticket.id, provider);
    }
    requireTicketAccess(actor, ticket, 'write');
    return this.refer(actor, ticket, provider);
  }

  async recordReferral(db: EntityManager, actor: StaffActor, ticketId: string, provider: Provider, at: Date): Promise<void> {
    await this.tickets.update(db, ticketId, { referredProvider: provider, referredAt: at, updatedAt: at });
    await this.events.record(db, ticketId, { type: 'referred', actorId: actor.id, actorName: actor.displayName, data: { provider }, at });
  }

  private async refer(actor: StaffActor, ticket: TicketEntity, provider: Provider): Promise<ReferralResult> {
    const text = this.directory.referralMessage(provider, ticket.language);
    const live = ticket.channel === 'chat' && ticket.status === 'active';
    const at = this.clock.now();
    const message = await this.transactions.run(async (db) => {
      await this.recordReferral(db, actor, ticket.id, provider, at);
      if (!live) return null;
      return this.messages.append(db, ticket.id, { author: 'agent', authorId: actor.id, authorName: actor.displayName, kind: 'referral', body: text, createdAt: at });
    });
    const dto = message ? mapMessage(message) : undefined;
    if (dto) this.desk.emit('message', { chatId: ticket.id, message: dto });
    return { provider, contact: this.directory.referralCard(provider, ticket.language), text, ...(dto ? { message: dto } : {}) };
  }
}
