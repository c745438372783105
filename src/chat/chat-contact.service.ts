import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { conflict, validationError } from '../common/errors';
import type { TicketEntity } from '../tickets/entities/ticket.entity';
import { requireCitizenMayLeaveContact } from '../tickets/ticket-access';
import { TicketRepository } from '../tickets/ticket.repository';
import { ChatAccess } from './chat-access.service';
import { ChatTimeline } from './chat-timeline';
import { systemText } from './system-messages';

export interface WayBack {
  email?: string;
  phone?: string;
}

// When a chat becomes a ticket, the citizen is asked how to get the answer (the mail channel answers to the e-mail).
@Injectable()
export class ChatContactService {
  constructor(
    private readonly access: ChatAccess,
    private readonly tickets: TicketRepository,
    private readonly timeline: ChatTimeline,
    private readonly clock: Clock,
  ) {}

  async leaveContact(chat: TicketEntity, input: WayBack): Promise<WayBack> {
    requireCitizenMayLeaveContact(chat);
    if (!input.email && !input.phone) {
      throw validationError('Give an e-mail address or a phone number', [{ field: 'email', message: 'give an e-mail address or a phone number' }]);
    }
    const contact: WayBack = { ...(input.email ? { email: input.email } : {}), ...(input.phone ? { phone: input.phone } : {}) };
    const at = this.clock.now();
    const stored = await this.timeline.record({
      chatId: chat.id,
      at,
      update: (db) => this.tickets.leaveContactOnce(db, chat.id, contact, at),
      // Whether, not what: the addresses are on the ticket, not copied into its timeline.
      event: { type: 'contact-left', data: { email: Boolean(contact.email), phone: Boolean(contact.phone) } },
      say: systemText(contact.email ? 'contactLeftEmail' : 'contactLeftPhone', chat.language),
    });
    if (!stored) {
      requireCitizenMayLeaveContact(await this.access.chatById(chat.id));
      throw conflict('This ticket has just changed; try again');
    }
    return contact;
  }
}
