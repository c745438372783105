import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { OpeningHoursService } from '../opening-hours/opening-hours.service';
import { MessageStore } from '../tickets/message-store/message-store';
import { TicketEventRepository } from '../tickets/ticket-event.repository';
import { mapMessage } from '../tickets/ticket.dto';
import { TicketRepository } from '../tickets/ticket.repository';
import { DeskEvents } from './desk-events';
import { systemText } from './system-messages';

/**
 * Nobody in the queue is dropped at closing time: agents can still take waiting chats for
 * QUEUE_DRAIN_MINUTES after closing; whatever still waits then becomes an open ticket,
 * and the citizen is told its reference.
 */
@Injectable()
export class ClosingTimeService {
  private readonly logger = new Logger('ClosingTime');

  constructor(
    private readonly hours: OpeningHoursService,
    private readonly tickets: TicketRepository,
    private readonly messages: MessageStore,
    private readonly events: TicketEventRepository,
    private readonly transactions: Transactions,
    private readonly desk: DeskEvents,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  isDraining(now: Date): boolean {
    const drainStart = new Date(now.getTime() - this.config.queueDrainMinutes * 60_000);
    return this.hours.statusAt(now).open || this.hours.statusAt(drainStart).open;
  }

  async convertLeftoverQueue(): Promise<number> {
    const now = this.clock.now();
    if (this.isDraining(now)) return 0;
    const waiting = await this.tickets.findQueuedOldestFirst();
    let converted = 0;
    for (const { id } of waiting) {
      const result = await this.transactions.run(async (db) => {
        if (!(await this.tickets.convertQueuedToTicket(db, id, now))) return null;
        const chat = await this.tickets.findById(id);
        await this.events.record(db, id, { type: 'converted-to-ticket', data: { reason: 'closing time' }, at: now });
        return this.messages.append(db, id, {
          author: 'system',
          kind: 'event',
          body: systemText('convertedToTicket', chat!.language, { reference: chat!.reference }),
          createdAt: now,
        });
      });
      if (!result) continue;
      converted += 1;
      this.desk.emit('message', { chatId: id, message: mapMessage(result) });
      this.desk.emit('chat.ended', { chatId: id, by: 'system' });
    }
    if (converted > 0) {
      this.logger.log(`Closing time: ${converted} waiting chat(s) became tickets`);
      this.desk.emit('queue.changed', {});
    }
    return converted;
  }
}
