import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { maskNationalIdsInText } from '../common/national-id-in-text';
import { NationalIdHasher } from '../config/national-id-hash';
import { TicketEntity } from './entities/ticket.entity';
import { MessageStore } from './message-store/message-store';
import { TicketEventRepository } from './ticket-event.repository';
import { TicketRepository } from './ticket.repository';
import type { Channel, Language, TicketStatus, Topic } from './ticket.types';

export interface OpenTicketInput {
  channel: Channel;
  topic: Topic;
  status: TicketStatus;
  language: Language;
  firstMessage?: string;
  summary?: string | null;
  citizenName?: string | null;
  citizenEmail?: string | null;
  citizenPhone?: string | null;
  nationalId?: string | null;
  tokenHash?: string | null;
  actor?: { id: string; name: string } | null;
  at: Date;
}

// The `nationalId` field alone holds an unmasked number.
const maskedOrNull = (text: string | null | undefined): string | null => (text ? maskNationalIdsInText(text) : null);

@Injectable()
export class TicketWriter {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly messages: MessageStore,
    private readonly events: TicketEventRepository,
    private readonly hasher: NationalIdHasher,
  ) {}

  async open(db: EntityManager, input: OpenTicketInput): Promise<TicketEntity> {
    const reference = await this.tickets.nextReference(db, input.at.getUTCFullYear());
    const ticket = await this.tickets.insert(db, {
      reference,
      channel: input.channel,
      topic: input.topic,
      status: input.status,
      language: input.language,
      summary: maskedOrNull(input.summary),
      citizenName: maskedOrNull(input.citizenName),
      citizenEmail: maskedOrNull(input.citizenEmail),
      citizenPhone: maskedOrNull(input.citizenPhone),
      nationalId: input.nationalId ?? null,
      nationalIdHash: this.hasher.hashOrNull(input.nationalId),
      verified: false,
      tokenHash: input.tokenHash ?? null,
      assigneeId: null,
      lastSeq: 0,
      queuedAt: input.status === 'queued' ? input.at : null,
      createdAt: input.at,
      updatedAt: input.at,
    });
    await this.events.record(db, ticket.id, {
      type: input.status === 'queued' ? 'queued' : 'created',
      actorId: input.actor?.id,
      actorName: input.actor?.name,
      data: { channel: input.channel, topic: input.topic },
      at: input.at,
    });
    if (input.firstMessage) {
      await this.messages.append(db, ticket.id, {
        author: 'citizen',
        authorName: ticket.citizenName,
        kind: 'text',
        body: maskNationalIdsInText(input.firstMessage),
        createdAt: input.at,
      });
      ticket.lastSeq = 1;
    }
    return ticket;
  }
}
