import { Injectable } from '@nestjs/common';
import type { StaffActor } from '../auth/actor';
import { Clock } from '../common/clock';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { conflict, notFound, validationError } from '../common/errors';
import { maskNationalIdsInText } from '../common/national-id-in-text';
import { Transactions } from '../database/transactions';
import { StaffService } from '../staff/staff.service';
import { ContactDto } from './dto/contact.dto';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { TicketQueryDto } from './dto/ticket-query.dto';
import { UpdateTicketDto } from './dto/update-ticket.dto';
import type { TicketEntity } from './entities/ticket.entity';
import { MessageStore } from './message-store/message-store';
import { NoteRepository } from './note.repository';
import { TicketEventRepository } from './ticket-event.repository';
import { mapNote, mapTicketSummary, NoteDto, TicketDetailDto, TicketSummaryDto, mapMessage, mapTicketEvent } from './ticket.dto';
import { TicketRepository } from './ticket.repository';
import { isLive, requireTicketAccess, type TicketAction } from './ticket-access';
import { TicketWriter } from './ticket-writer';

export type TicketPage = Page<TicketSummaryDto>;

@Injectable()
export class TicketsService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly messages: MessageStore,
    private readonly notes: NoteRepository,
    private readonly events: TicketEventRepository,
    private readonly writer: TicketWriter,
    private readonly staff: StaffService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async leaveMessage(input: ContactDto): Promise<{ reference: string }> {
    const at = this.clock.now();
    const ticket = await this.transactions.run((db) =>
      this.writer.open(db, {
        channel: 'web-form',
        topic: input.topic,
        status: 'open',
        language: input.language ?? 'nb',
        firstMessage: input.message,
        summary: input.message.slice(0, 200),
        citizenName: input.name,
        citizenEmail: input.email,
        citizenPhone: input.phone,
        nationalId: input.nationalId,
        at,
      }),
    );
    return { reference: ticket.reference };
  }

  async openForCaller(actor: StaffActor, input: CreateTicketDto): Promise<TicketDetailDto> {
    const at = this.clock.now();
    const ticket = await this.transactions.run((db) =>
      this.writer.open(db, {
        channel: input.channel,
        topic: input.topic,
        status: 'open',
        language: input.language ?? 'nb',
        summary: input.summary,
        citizenName: input.name,
        citizenEmail: input.email,
        citizenPhone: input.phone,
        nationalId: input.nationalId,
        actor: { id: actor.id, name: actor.displayName },
        at,
      }),
    );
    await this.transactions.run((db) => this.tickets.update(db, ticket.id, { assigneeId: actor.id }));
    return this.detail(await this.require(ticket.id));
  }

  async list(query: TicketQueryDto): Promise<TicketPage> {
    const limit = query.limit ?? 25;
    const rows = await this.tickets.list({ ...query, limit: limit + 1, cursor: decodeCursor(query.cursor) });
    return toPage(rows, limit, mapTicketSummary);
  }

  async get(actor: StaffActor, id: string): Promise<TicketDetailDto> {
    const ticket = await this.requireFor(actor, id, 'read');
    return this.detail(ticket);
  }

  private async detail(ticket: TicketEntity): Promise<TicketDetailDto> {
    const id = ticket.id;
    const [messages, notes, events] = await Promise.all([
      this.messages.listAfter(id, 0),
      this.notes.listFor(id),
      this.events.listFor(id),
    ]);
    return {
      ...mapTicketSummary(ticket),
      ...(ticket.summary ? { summary: ticket.summary } : {}),
      contact: { ...(ticket.citizenEmail ? { email: ticket.citizenEmail } : {}), ...(ticket.citizenPhone ? { phone: ticket.citizenPhone } : {}) },
      ...(ticket.ratingScore !== null ? { rating: { score: ticket.ratingScore, ...(ticket.ratingComment ? { comment: ticket.ratingComment } : {}) } } : {}),
      messages: messages.map(mapMessage),
      notes: notes.map(mapNote),
      events: events.map(mapTicketEvent),
    };
  }

  async markRead(actor: StaffActor, id: string): Promise<{ unread: false }> {
    await this.requireFor(actor, id, 'read');
    await this.transactions.run((db) => this.tickets.update(db, id, { staffReadAt: this.clock.now() }));
    return { unread: false };
  }

  async update(actor: StaffActor, id: string, input: UpdateTicketDto): Promise<TicketDetailDto> {
    const ticket = await this.requireFor(actor, id, 'write');
    const live = isLive(ticket.status);
    if (input.status && live) throw conflict('A live chat is closed from the chat, not by changing its status');
    if (input.assigneeId && live) throw conflict('A live chat is handed over with a transfer');
    if (input.assigneeId) await this.staff.requireActive(input.assigneeId);
    if (Object.keys(input).length === 0) throw validationError('Nothing to change: give status, outcome, assigneeId or topic');

    const at = this.clock.now();
    const change: Partial<TicketEntity> = { updatedAt: at };
    if (input.topic) change.topic = input.topic;
    if (input.outcome) change.outcome = input.outcome;
    if (input.assigneeId !== undefined) change.assigneeId = input.assigneeId;
    if (input.status) {
      change.status = input.status;
      change.closedAt = input.status === 'closed' ? (ticket.closedAt ?? at) : null;
      if (input.status === 'closed') change.closedBy = ticket.closedBy ?? 'agent';
    }
    await this.transactions.run(async (db) => {
      await this.tickets.update(db, id, change);
      await this.events.record(db, id, { type: 'updated', actorId: actor.id, actorName: actor.displayName, data: { ...input }, at });
    });
    return this.detail(await this.require(id));
  }

  async addNote(actor: StaffActor, id: string, body: string): Promise<NoteDto> {
    await this.requireFor(actor, id, 'write');
    const note = await this.transactions.run((db) =>
      this.notes.add(db, { ticketId: id, authorId: actor.id, authorName: actor.displayName, body: maskNationalIdsInText(body), createdAt: this.clock.now() }),
    );
    return mapNote(note);
  }

  /** The ticket, if `actor` may do `action` on it: NOT_FOUND, FORBIDDEN or CONFLICT otherwise. */
  async requireFor(actor: StaffActor, id: string, action: TicketAction): Promise<TicketEntity> {
    const ticket = await this.require(id);
    requireTicketAccess(actor, ticket, action);
    return ticket;
  }

  async require(id: string): Promise<TicketEntity> {
    const ticket = isUuid(id) ? await this.tickets.findById(id) : null;
    if (!ticket) throw notFound('Ticket');
    return ticket;
  }
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
