import { Injectable } from '@nestjs/common';
import type { StaffActor } from '../auth/actor';
import { conflict, DomainError, notFound } from '../common/errors';
import type { TicketEntity } from '../tickets/entities/ticket.entity';
import { requireChatAction, TicketAction, ticketRefusal } from '../tickets/ticket-access';
import { TicketRepository } from '../tickets/ticket.repository';
import { hashChatToken } from './chat-token';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class ChatAccess {
  constructor(private readonly tickets: TicketRepository) {}

  async chatForToken(token: string | undefined): Promise<TicketEntity> {
    if (!token || typeof token !== 'string') throw new DomainError('UNAUTHENTICATED', 'This chat needs its token');
    const chat = await this.tickets.findByTokenHash(hashChatToken(token));
    if (!chat) throw new DomainError('UNAUTHENTICATED', 'The chat token is not valid');
    return chat;
  }

  async chatById(chatId: string): Promise<TicketEntity> {
    const chat = UUID.test(chatId) ? await this.tickets.findById(chatId) : null;
    if (!chat || chat.channel !== 'chat') throw notFound('Chat');
    return chat;
  }

  async chatFor(actor: StaffActor, chatId: string, action: TicketAction): Promise<TicketEntity> {
    const chat = await this.chatById(chatId);
    requireChatAction(actor, chat, action);
    return chat;
  }

  async allows(actor: StaffActor, chatId: string, action: TicketAction): Promise<boolean> {
    return ticketRefusal(actor, await this.chatById(chatId), action) === null;
  }

  // Read again, the policy tells whether a lost conditional update is a matter of permission or of state.
  async refusalAfterChange(actor: StaffActor, chatId: string, action: TicketAction): Promise<DomainError> {
    return ticketRefusal(actor, await this.chatById(chatId), action) ?? conflict('This chat has just changed; try again');
  }
}
