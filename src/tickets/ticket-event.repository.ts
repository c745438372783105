import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { TicketEventEntity, TicketEventType } from './entities/ticket-event.entity';

export interface NewTicketEvent {
  type: TicketEventType;
  actorId?: string | null;
  actorName?: string | null;
  data?: Record<string, unknown> | null;
  at: Date;
}

@Injectable()
export class TicketEventRepository {
  constructor(@InjectRepository(TicketEventEntity) private readonly events: Repository<TicketEventEntity>) {}

  listFor(ticketId: string): Promise<TicketEventEntity[]> {
    return this.events.find({ where: { ticketId }, order: { createdAt: 'ASC' } });
  }

  async record(db: EntityManager, ticketId: string, event: NewTicketEvent): Promise<void> {
    const repository = db.getRepository(TicketEventEntity);
    await repository.save(
      repository.create({
        ticketId,
        type: event.type,
        actorId: event.actorId ?? null,
        actorName: event.actorName ?? null,
        data: event.data ?? null,
        createdAt: event.at,
      }),
    );
  }
}
