import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { CitizenThrottle } from '../common/citizen-throttle';
import { DomainError } from '../common/errors';
import { Transactions } from '../database/transactions';
import { OpeningHoursService } from '../opening-hours/opening-hours.service';
import { ChatDto, mapChat } from '../tickets/ticket.dto';
import { TicketWriter } from '../tickets/ticket-writer';
import { ChatQueueService } from './chat-queue.service';
import { hashChatToken, newChatToken } from './chat-token';
import { DeskEvents } from './desk-events';
import { StartChatDto } from './dto/citizen.dto';

export interface StartedChat {
  chat: ChatDto;
  token: string;
  position: number;
  estimatedWaitSeconds: number;
}

@Injectable()
export class ChatStartService {
  constructor(
    private readonly hours: OpeningHoursService,
    private readonly throttle: CitizenThrottle,
    private readonly writer: TicketWriter,
    private readonly queue: ChatQueueService,
    private readonly transactions: Transactions,
    private readonly events: DeskEvents,
    private readonly clock: Clock,
  ) {}

  async start(address: string, input: StartChatDto): Promise<StartedChat> {
    const status = this.hours.status();
    if (!status.open) {
      throw new DomainError('CLOSED', `The chat is closed${status.opensAt ? `; it opens at ${status.opensAt}` : ''}. Leave a message instead.`, [
        ...(status.reason ? [{ field: 'reason', message: status.reason }] : []),
      ]);
    }
    await this.throttle.consumeStart(address);

    const token = newChatToken();
    const at = this.clock.now();
    const chat = await this.transactions.run((db) =>
      this.writer.open(db, {
        channel: 'chat',
        topic: input.topic,
        status: 'queued',
        language: input.language ?? 'nb',
        firstMessage: input.message,
        citizenName: input.name,
        nationalId: input.nationalId,
        tokenHash: hashChatToken(token),
        at,
      }),
    );
    this.events.emit('queue.changed', {});
    const { position, estimatedWaitSeconds } = await this.queue.positionOf(chat.id);
    return { chat: mapChat(chat), token, position, estimatedWaitSeconds };
  }
}
