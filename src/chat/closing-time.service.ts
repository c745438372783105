import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { OpeningHoursService } from '../opening-hours/opening-hours.service';
import { TicketRepository } from '../tickets/ticket.repository';
import { ChatTimeline } from './chat-timeline';
import { DeskEvents } from './desk-events';
import { becameTicketText } from './system-messages';

// Nobody in the queue is dropped at closing time: what still waits after QUEUE_DRAIN_MINUTES becomes a ticket.
@Injectable()
export class ClosingTimeService {
  private readonly logger = new Logger('ClosingTime');

  constructor(
    private readonly hours: OpeningHoursService,
    private readonly tickets: TicketRepository,
    private readonly timeline: ChatTimeline,
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
      const message = await this.timeline.record({
        chatId: id,
        at: now,
        update: (db) => this.tickets.convertChatToTicket(db, id, { status: 'queued' }, now),
        event: { type: 'converted-to-ticket', data: { reason: 'closing time' } },
        say: (chat) => becameTicketText(chat),
        after: [['chat.ended', { chatId: id, by: 'system' }]],
      });
      if (message) converted += 1;
    }
    if (converted > 0) {
      this.logger.log(`Closing time: ${converted} waiting chat(s) became tickets`);
      this.desk.emit('queue.changed', {});
    }
    return converted;
  }
}
