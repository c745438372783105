import { Injectable } from '@nestjs/common';
import type { StaffActor } from '../auth/actor';
import { hasPermission } from '../auth/permissions';
import { DomainError, forbidden, notFound } from '../common/errors';
import type { TicketEntity } from '../tickets/entities/ticket.entity';
import { TicketRepository } from '../tickets/ticket.repository';
import { hashChatToken } from './chat-token';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who may touch which chat: the citizen with its token, the assigned agent, and supervisors (read-only). */
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

  /** The agent handling the chat; an agent may write only in their own chats. */
  async chatHandledBy(actor: StaffActor, chatId: string): Promise<TicketEntity> {
    const chat = await this.chatById(chatId);
    if (chat.assigneeId !== actor.id) throw forbidden('This chat is handled by someone else');
    return chat;
  }

  /** Assigned agents read their chats; supervisors read any chat. */
  async chatReadableBy(actor: StaffActor, chatId: string): Promise<TicketEntity> {
    const chat = await this.chatById(chatId);
    if (chat.assigneeId !== actor.id && !hasPermission(actor.role, 'desk:supervise')) {
      throw forbidden('Only the assigned agent or a supervisor can open this chat');
    }
    return chat;
  }

  canStaffRead(actor: StaffActor, chat: TicketEntity): boolean {
    return chat.assigneeId === actor.id || hasPermission(actor.role, 'ticket:read');
  }
}
