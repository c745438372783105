import { Injectable } from '@nestjs/common';
import type { StaffActor } from '../auth/actor';
import { CitizenThrottle } from '../common/citizen-throttle';
import { Clock } from '../common/clock';
import { conflict } from '../common/errors';
import { maskNationalIdsInText } from '../common/national-id';
import type { MessageEntity } from '../tickets/entities/message.entity';
import type { TicketEntity } from '../tickets/entities/ticket.entity';
import { MessageRepository, NewMessage } from '../tickets/message.repository';
import { ChatDto, mapChat, mapMessage, MessageDto, NoteDto } from '../tickets/ticket.dto';
import { TicketsService } from '../tickets/tickets.service';
import { ChatAccess } from './chat-access.service';
import { DeskEvents } from './desk-events';

export interface ChatHistory {
  chat: ChatDto;
  messages: MessageDto[];
}

/** Sending, reading back and noting: the message use cases of a live chat. */
@Injectable()
export class ChatMessagesService {
  constructor(
    private readonly access: ChatAccess,
    private readonly messages: MessageRepository,
    private readonly tickets: TicketsService,
    private readonly throttle: CitizenThrottle,
    private readonly desk: DeskEvents,
    private readonly clock: Clock,
  ) {}

  async sendAsCitizen(chatId: string, input: { clientId: string; body: string }): Promise<MessageDto> {
    const chat = await this.access.chatStateById(chatId);
    await this.throttle.consumeMessage(chat.id);
    assertOpen(chat);
    const except = chat.verified ? (chat.nationalId ?? undefined) : undefined;
    return this.append(chat.id, input.clientId, {
      author: 'citizen',
      authorName: chat.citizenName,
      kind: 'text',
      body: maskNationalIdsInText(input.body, except),
    });
  }

  async sendAsAgent(actor: StaffActor, input: { chatId: string; clientId: string; body: string }): Promise<MessageDto> {
    const chat = await this.access.chatStateHandledBy(actor, input.chatId);
    if (chat.status !== 'active') throw conflict('This chat is not active');
    return this.append(chat.id, input.clientId, {
      author: 'agent',
      authorId: actor.id,
      authorName: actor.displayName,
      kind: 'text',
      body: maskNationalIdsInText(input.body),
    });
  }

  /** Posts a message written by the desk (a referral, say) from the agent handling the chat. */
  async postFromAgent(actor: StaffActor, chatId: string, kind: MessageEntity['kind'], body: string): Promise<MessageDto> {
    const chat = await this.access.chatHandledBy(actor, chatId);
    if (chat.status !== 'active') throw conflict('This chat is not active');
    return this.append(chat.id, null, { author: 'agent', authorId: actor.id, authorName: actor.displayName, kind, body });
  }

  async historyForCitizen(chat: TicketEntity, afterSeq: number): Promise<ChatHistory> {
    return { chat: mapChat(chat), messages: (await this.messages.listAfter(chat.id, afterSeq)).map(mapMessage) };
  }

  async historyForStaff(actor: StaffActor, chatId: string, afterSeq: number): Promise<ChatHistory> {
    const chat = await this.access.chatReadableBy(actor, chatId);
    return { chat: mapChat(chat), messages: (await this.messages.listAfter(chat.id, afterSeq)).map(mapMessage) };
  }

  async addNote(actor: StaffActor, chatId: string, body: string): Promise<NoteDto> {
    await this.access.chatReadableBy(actor, chatId);
    const note = await this.tickets.addNote(actor, chatId, body);
    this.desk.emit('note', { chatId, note });
    return note;
  }

  /** The caller is answered only after the commit; a resend (same clientId) is not announced again. */
  private async append(chatId: string, clientId: string | null, message: Omit<NewMessage, 'createdAt' | 'clientId'>): Promise<MessageDto> {
    const result = await this.messages.storeOnce(chatId, { ...message, clientId, createdAt: this.clock.now() });
    const dto = mapMessage(result.stored);
    if (result.isNew) this.desk.emit('message', { chatId, message: dto });
    return dto;
  }
}

function assertOpen(chat: Pick<TicketEntity, 'status'>): void {
  if (chat.status === 'closed' || chat.status === 'open' || chat.status === 'pending') {
    throw conflict('This chat has ended');
  }
}
