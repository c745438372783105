import { Injectable } from '@nestjs/common';
import type { StaffActor } from '../auth/actor';
import { DomainError, notFound } from '../common/errors';
import type { TicketEntity } from '../tickets/entities/ticket.entity';
import { requireTicketAccess, TicketAccess, ticketAccessFor } from '../tickets/ticket-access';
import { TicketRepository } from '../tickets/ticket.repository';
import { hashChatToken } from './chat-token';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finding a chat for whoever asks: the citizen by its token, staff by the one access rule (tickets/ticket-access.ts). */
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

  /** The chat, if the actor may do `action` with it (one rule for HTTP and sockets: tickets/ticket-access.ts); FORBIDDEN otherwise. */
  async chatFor(actor: StaffActor, chatId: string, action: keyof TicketAccess): Promise<TicketEntity> {
    const chat = await this.chatById(chatId);
    requireTicketAccess(actor, chat, action);
    return chat;
  }

  /** The agent handling the chat; an agent may write only in their own chats. */
  chatHandledBy(actor: StaffActor, chatId: string): Promise<TicketEntity> {
    return this.chatFor(actor, chatId, 'handle');
  }

  /** Whether the actor answers in this chat now: it is active and theirs. */
  async handlesNow(actor: StaffActor, chatId: string): Promise<boolean> {
    const chat = await this.chatById(chatId);
    return chat.status === 'active' && ticketAccessFor(actor, chat).handle;
  }
}
