import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { MessageDto, NoteDto } from '../tickets/ticket.dto';

export type EndedBy = 'citizen' | 'agent' | 'system';

export interface DeskEventMap {
  message: { chatId: string; message: MessageDto };
  note: { chatId: string; note: NoteDto };
  'queue.changed': Record<string, never>;
  'chat.assigned': { chatId: string; agentId: string; agentName: string; previousAgentId?: string };
  'chat.requeued': { chatId: string; previousAgentId: string };
  'chat.verified': { chatId: string };
  /** The chat's citizen has a connection again, or has none left (since `leftAt`). */
  'chat.presence': { chatId: string; connected: boolean; leftAt?: string };
  'chat.ended': { chatId: string; by: EndedBy; outcome?: string; agentId?: string | null };
  'agent.status': { agentId: string; status: 'available' | 'away' | 'offline' };
  'ticket.mail': { ticketId: string; newTicket: boolean };
}

// Announced after the transaction committed.
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
