import { Injectable } from '@nestjs/common';
import type { StaffActor } from '../auth/actor';
import { CitizenThrottle } from '../common/citizen-throttle';
import { Clock } from '../common/clock';
import type { ChatSender } from '../tickets/message-store/chat-message-admission';
import type { TicketEntity } from '../tickets/entities/ticket.entity';
import { MessageStore } from '../tickets/message-store/message-store';
import { ChatDto, mapChat, mapMessage, MessageDto, NoteDto } from '../tickets/ticket.dto';
import { TicketsService } from '../tickets/tickets.service';
import { ChatAccess } from './chat-access.service';
import { DeskEvents } from './desk-events';

export interface ChatHistory {
  chat: ChatDto;
  messages: MessageDto[];
}

@Injectable()
export class ChatMessagesService {
  constructor(
    private readonly access: ChatAccess,
    private readonly messages: MessageStore,
    private readonly tickets: TicketsService,
    private readonly throttle: CitizenThrottle,
    private readonly desk: DeskEvents,
    private readonly clock: Clock,
  ) {}

  async sendAsCitizen(chatId: string, input: { clientId: string; body: string }): Promise<MessageDto> {
    await this.throttle.consumeMessage(chatId);
    return this.store(chatId, { role: 'citizen' }, input);
  }

  async sendAsAgent(actor: StaffActor, input: { chatId: string; clientId: string; body: string }): Promise<MessageDto> {
    return this.store(input.chatId, { role: 'agent', id: actor.id, staffRole: actor.role, name: actor.displayName }, input);
  }

  async historyForCitizen(chat: TicketEntity, afterSeq: number): Promise<ChatHistory> {
    return { chat: mapChat(chat), messages: (await this.messages.listAfter(chat.id, afterSeq)).map(mapMessage) };
  }

  async historyForStaff(actor: StaffActor, chatId: string, afterSeq: number): Promise<ChatHistory> {
    const chat = await this.access.chatFor(actor, chatId, 'join');
    return { chat: mapChat(chat), messages: (await this.messages.listAfter(chat.id, afterSeq)).map(mapMessage) };
  }

  async addNote(actor: StaffActor, chatId: string, body: string): Promise<NoteDto> {
    await this.access.chatFor(actor, chatId, 'write');
    const note = await this.tickets.addNote(actor, chatId, body);
    this.desk.emit('note', { chatId, note });
    return note;
  }

  // Answered only after the commit; a resend (same clientId) is not announced again.
  private async store(chatId: string, sender: ChatSender, input: { clientId: string; body: string }): Promise<MessageDto> {
    const result = await this.messages.storeChatMessage(chatId, sender, { clientId: input.clientId, body: input.body, createdAt: this.clock.now() });
    const dto = mapMessage(result.stored);
    if (result.isNew) this.desk.emit('message', { chatId, message: dto });
    return dto;
  }
}
