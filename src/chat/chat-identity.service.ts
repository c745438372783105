import { Injectable } from '@nestjs/common';
import type { CitizenIdentity } from '../auth/idporten';
import { Clock } from '../common/clock';
import { NationalIdHasher } from '../config/national-id-hash';
import { Transactions } from '../database/transactions';
import type { TicketEntity } from '../tickets/entities/ticket.entity';
import { TicketEventRepository } from '../tickets/ticket-event.repository';
import { TicketRepository } from '../tickets/ticket.repository';
import { DeskEvents } from './desk-events';

@Injectable()
export class ChatIdentityService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly events: TicketEventRepository,
    private readonly transactions: Transactions,
    private readonly desk: DeskEvents,
    private readonly clock: Clock,
    private readonly hasher: NationalIdHasher,
  ) {}

  async apply(chat: TicketEntity, identity: CitizenIdentity | null): Promise<TicketEntity> {
    if (!identity || chat.status === 'closed') return chat;
    if (chat.verified && chat.nationalId === identity.pid) return chat;
    const at = this.clock.now();
    const change = {
      nationalId: identity.pid,
      nationalIdHash: this.hasher.hash(identity.pid),
      verified: true,
      authAcr: identity.acr,
      authAmr: identity.amr,
      authTime: identity.authTime ? new Date(identity.authTime) : null,
      updatedAt: at,
    };
    await this.transactions.run(async (db) => {
      await this.tickets.update(db, chat.id, change);
      await this.events.record(db, chat.id, { type: 'verified', data: { acr: identity.acr, amr: identity.amr }, at });
    });
    this.desk.emit('chat.verified', { chatId: chat.id });
    if (chat.status === 'queued') this.desk.emit('queue.changed', {}); // the queue shows who is verified
    return Object.assign(chat, change);
  }
}
