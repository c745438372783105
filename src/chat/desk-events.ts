import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { MessageDto, NoteDto } from '../tickets/ticket.dto';

export type EndedBy = 'citizen' | 'agent' | 'system';

export interface DeskEventMap {
  /** A message was committed to a chat. */
  message: { chatId: string; message: MessageDto };
  note: { chatId: string; note: NoteDto };
  /** Something entered or left the queue; positions must be pushed again. */
  'queue.changed': Record<string, never>;
  'chat.assigned': { chatId: string; agentId: string; agentName: string; previousAgentId?: string };
  'chat.requeued': { chatId: string; previousAgentId: string };
  'chat.verified': { chatId: string };
  /** The chat's citizen has a connection again, or has none left (since `leftAt`). */
  'chat.presence': { chatId: string; connected: boolean; leftAt?: string };
  'chat.ended': { chatId: string; by: EndedBy; outcome?: string; agentId?: string | null };
  'agent.status': { agentId: string; status: 'available' | 'away' | 'offline' };
  /** A citizen's mail was taken in: a new e-mail ticket, or an answer on one. */
  'ticket.mail': { ticketId: string; newTicket: boolean };
}

/** Services announce what happened after their transaction committed; the notifier pushes it to sockets. */
@Injectable()
export class DeskEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(50);

  emit<K extends keyof DeskEventMap>(name: K, payload: DeskEventMap[K]): void {
    this.emitter.emit(name, payload);
  }

  on<K extends keyof DeskEventMap>(name: K, listener: (payload: DeskEventMap[K]) => void): void {
    this.emitter.on(name, listener);
  }
}
