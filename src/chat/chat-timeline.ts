import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../database/transactions';
import { TicketEntity } from '../tickets/entities/ticket.entity';
import { MessageStore } from '../tickets/message-store/message-store';
import { NewTicketEvent, TicketEventRepository } from '../tickets/ticket-event.repository';
import { mapMessage, MessageDto } from '../tickets/ticket.dto';
import { DeskEventMap, DeskEvents } from './desk-events';

export type Announcement = { [K in keyof DeskEventMap]: [K, DeskEventMap[K]] }[keyof DeskEventMap];

export const QUEUE_CHANGED: Announcement = ['queue.changed', {}];

export interface TimelineChange {
  chatId: string;
  at: Date;
  // False when the chat is no longer in the state it was read in: then nothing happens.
  update: (db: EntityManager) => Promise<boolean>;
  event: Omit<NewTicketEvent, 'at'>;
  say: string | ((chat: TicketEntity) => string);
  before?: Announcement[];
  after?: Announcement[];
}

// Announced only once committed, never for a change that lost.
@Injectable()
export class ChatTimeline {
  constructor(
    private readonly messages: MessageStore,
    private readonly events: TicketEventRepository,
    private readonly transactions: Transactions,
    private readonly desk: DeskEvents,
  ) {}

  async record(change: TimelineChange): Promise<MessageDto | null> {
    const { chatId, at, say } = change;
    const stored = await this.transactions.run(async (db) => {
      if (!(await change.update(db))) return null;
      await this.events.record(db, chatId, { ...change.event, at });
      const body = typeof say === 'string' ? say : say(await db.getRepository(TicketEntity).findOneByOrFail({ id: chatId }));
      return this.messages.append(db, chatId, { author: 'system', kind: 'event', body, createdAt: at });
    });
    if (!stored) return null;
    const message = mapMessage(stored);
    for (const [name, payload] of change.before ?? []) this.desk.emit(name, payload as never);
    this.desk.emit('message', { chatId, message });
    for (const [name, payload] of change.after ?? []) this.desk.emit(name, payload as never);
    return message;
  }
}
