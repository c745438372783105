import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { SqliteReader } from '../database/reader-thread/sqlite-reader';
import { fromDbTime, optionalDbTime, Sql } from '../database/sql';
import { MessageEntity } from './entities/message.entity';
import { TicketEntity } from './entities/ticket.entity';
import type { Channel, Outcome, TicketStatus, Topic } from './ticket.types';

export interface QueuedChat {
  id: string;
  reference: string;
  topic: Topic;
  queuedAt: Date;
  verified: boolean;
  preview: string;
}

export interface QueueSummary {
  length: number;
  oldestQueuedAt: Date | null;
}

// Far longer than the read takes; only a reader thread stuck behind a long search gets near it.
const QUEUE_READ_DEADLINE_MS = 10_000;

export interface TicketListFilter {
  status?: TicketStatus;
  topic?: Topic;
  channel?: Channel;
  q?: string;
  assigneeId?: string;
  limit: number;
  cursor?: { createdAt: Date; id: string };
}

@Injectable()
export class TicketRepository {
  constructor(
    @InjectRepository(TicketEntity) private readonly tickets: Repository<TicketEntity>,
    private readonly sql: Sql,
    private readonly reader: SqliteReader,
  ) {}

  findById(id: string): Promise<TicketEntity | null> {
    return this.tickets.findOne({ where: { id }, relations: { assignee: true } });
  }

  findByTokenHash(tokenHash: string): Promise<TicketEntity | null> {
    return this.tickets.findOne({ where: { tokenHash }, relations: { assignee: true } });
  }

  // By reference (one database counter): arrival order even across instances whose clocks differ.
  async findQueuedOldestFirst(limit?: number): Promise<QueuedChat[]> {
    const query = this.tickets
      .createQueryBuilder('t')
      .leftJoin(MessageEntity, 'm', 'm.ticket_id = t.id AND m.seq = 1')
      .select(['t.id AS id', 't.reference AS reference', 't.topic AS topic', 't.queued_at AS "queuedAt"', 't.verified AS verified'])
      .addSelect('SUBSTR(m.body, 1, 140)', 'preview')
      .where("t.status = 'queued'")
      .orderBy('t.reference', 'ASC');
    if (limit !== undefined) query.limit(limit);
    const rows = await query.getRawMany<{ id: string; reference: string; topic: Topic; queuedAt: string | Date; verified: number | boolean; preview: string | null }>();
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      topic: r.topic,
      queuedAt: fromDbTime(r.queuedAt),
      verified: Boolean(r.verified),
      preview: r.preview ?? '',
    }));
  }

  // Read in the reader thread on SQLite: 10,000 ids on the main connection held the event loop for tens of ms.
  async findQueuedIds(): Promise<string[]> {
    const sql = "SELECT id FROM tickets WHERE status = 'queued' ORDER BY reference";
    const rows = this.sql.postgres ? await this.sql.query<{ id: string }[]>(sql) : await this.reader.query<{ id: string }[]>(sql, [], Date.now() + QUEUE_READ_DEADLINE_MS);
    return rows.map((row) => row.id);
  }

  // Counted in the index: reading every waiting chat (10,000 with previews) held the event loop ~200 ms.
  async queueSummary(): Promise<QueueSummary> {
    const [counted] = await this.sql.query<{ n: number | string }[]>("SELECT COUNT(*) AS n FROM tickets WHERE status = 'queued'");
    const [oldest] = await this.sql.query<{ queued_at: string | Date | null }[]>("SELECT queued_at FROM tickets WHERE status = 'queued' ORDER BY reference LIMIT 1");
    return { length: Number(counted?.n ?? 0), oldestQueuedAt: optionalDbTime(oldest?.queued_at) };
  }

  // A chat whose citizen has gone would hold an agent until the idle sweep abandons it.
  async findRoutableQueuedIds(): Promise<string[]> {
    const rows = await this.sql.query<{ id: string }[]>("SELECT id FROM tickets WHERE status = 'queued' AND citizen_left_at IS NULL ORDER BY reference");
    return rows.map((row) => row.id);
  }

  async queuePosition(id: string): Promise<number> {
    const [row] = await this.sql.query<{ n: number | string }[]>(
      `SELECT COUNT(*) AS n FROM tickets WHERE status = 'queued' AND reference <= (SELECT reference FROM tickets WHERE id = ? AND status = 'queued')`,
      [id],
    );
    return Number(row?.n ?? 0);
  }

  findActiveForAssignee(assigneeId: string): Promise<TicketEntity[]> {
    return this.tickets.find({ where: { assigneeId, status: 'active' }, relations: { assignee: true }, order: { acceptedAt: 'ASC' } });
  }

  findActiveForAssignees(assigneeIds: string[]): Promise<TicketEntity[]> {
    if (assigneeIds.length === 0) return Promise.resolve([]);
    return this.tickets.find({ where: { assigneeId: In(assigneeIds), status: 'active' } });
  }

  findInProgress(): Promise<TicketEntity[]> {
    return this.tickets.find({ where: { status: 'active' }, relations: { assignee: true }, order: { acceptedAt: 'ASC' } });
  }

  async countSince(since: Date): Promise<{ chatsStarted: number; chatsClosed: number; chatsAbandoned: number; offlineTickets: number; emailTickets: number }> {
    const createdOn = (channel: string) => `SUM(CASE WHEN t.channel = '${channel}' AND t.created_at >= :since THEN 1 ELSE 0 END)`;
    const row = await this.tickets
      .createQueryBuilder('t')
      .select(createdOn('chat'), 'chatsStarted')
      .addSelect("SUM(CASE WHEN t.channel = 'chat' AND t.status = 'closed' AND t.closed_at >= :since THEN 1 ELSE 0 END)", 'chatsClosed')
      .addSelect("SUM(CASE WHEN t.channel = 'chat' AND t.outcome = 'abandoned' AND t.closed_at >= :since THEN 1 ELSE 0 END)", 'chatsAbandoned')
      .addSelect(createdOn('web-form'), 'offlineTickets')
      .addSelect(createdOn('email'), 'emailTickets')
      .where('t.created_at >= :since OR t.closed_at >= :since', { since })
      .getRawOne<Record<'chatsStarted' | 'chatsClosed' | 'chatsAbandoned' | 'offlineTickets' | 'emailTickets', string | number | null>>();
    return {
      chatsStarted: Number(row?.chatsStarted ?? 0),
      chatsClosed: Number(row?.chatsClosed ?? 0),
      chatsAbandoned: Number(row?.chatsAbandoned ?? 0),
      offlineTickets: Number(row?.offlineTickets ?? 0),
      emailTickets: Number(row?.emailTickets ?? 0),
    };
  }

  async countActiveByAssignee(): Promise<Map<string, number>> {
    const rows = await this.tickets
      .createQueryBuilder('t')
      .select('t.assignee_id', 'assigneeId')
      .addSelect('COUNT(*)', 'count')
      .where("t.status = 'active'")
      .groupBy('t.assignee_id')
      .getRawMany<{ assigneeId: string; count: string | number }>();
    return new Map(rows.map((r) => [r.assigneeId, Number(r.count)]));
  }

  async recentHandlingSeconds(limit: number): Promise<number[]> {
    const rows = await this.tickets.find({
      select: { acceptedAt: true, closedAt: true },
      where: { channel: 'chat', status: 'closed' },
      order: { closedAt: 'DESC' },
      take: limit * 2,
    });
    return rows
      .filter((r) => r.acceptedAt && r.closedAt)
      .slice(0, limit)
      .map((r) => (r.closedAt!.getTime() - r.acceptedAt!.getTime()) / 1000);
  }

  list(filter: TicketListFilter): Promise<TicketEntity[]> {
    const query = this.tickets.createQueryBuilder('t').leftJoinAndSelect('t.assignee', 'assignee');
    if (filter.status) query.andWhere('t.status = :status', { status: filter.status });
    if (filter.topic) query.andWhere('t.topic = :topic', { topic: filter.topic });
    if (filter.channel) query.andWhere('t.channel = :channel', { channel: filter.channel });
    if (filter.assigneeId) query.andWhere('t.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.q) {
      query.andWhere(
        // LIKE ignores case on SQLite (for ASCII) but not on PostgreSQL.
        "(LOWER(t.reference) LIKE :q ESCAPE '\\' OR LOWER(t.summary) LIKE :q ESCAPE '\\' OR LOWER(t.citizen_name) LIKE :q ESCAPE '\\' OR LOWER(t.citizen_email) LIKE :q ESCAPE '\\')",
        { q: `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` },
      );
    }
    if (filter.cursor) {
      query.andWhere('(t.created_at < :cAt OR (t.created_at = :cAt AND t.id < :cId))', { cAt: filter.cursor.createdAt, cId: filter.cursor.id });
    }
    return query.orderBy('t.created_at', 'DESC').addOrderBy('t.id', 'DESC').take(filter.limit).getMany();
  }

  // The counter's row stays locked until the caller's transaction commits: chat starts on every instance queue
  // behind it (94 ms at the median when 1,000 chats started on PostgreSQL, in one statement or in three).
  // Taken outside that transaction, the pool ran dry: each start held one connection and waited for another.
  async nextReference(db: EntityManager, year: number): Promise<string> {
    const [counter] = await this.sql.query<{ value: number | string }[]>(
      'INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value',
      [`ticket-${year}`],
      db,
    );
    return `DS-${year}-${String(Number(counter!.value)).padStart(6, '0')}`;
  }

  insert(db: EntityManager, ticket: Partial<TicketEntity>): Promise<TicketEntity> {
    const repository = db.getRepository(TicketEntity);
    return repository.save(repository.create(ticket));
  }

  countActiveAssignedTo(db: EntityManager, assigneeId: string): Promise<number> {
    return db.getRepository(TicketEntity).countBy({ assigneeId, status: 'active' });
  }

  // The database decides who wins: only one conditional update can see the chat still queued.
  async claimQueued(db: EntityManager, id: string, assigneeId: string, at: Date): Promise<boolean> {
    const result = await db
      .createQueryBuilder()
      .update(TicketEntity)
      .set({ status: 'active', assigneeId, acceptedAt: at, updatedAt: at })
      .where('id = :id AND status = :queued', { id, queued: 'queued' })
      .execute();
    return result.affected === 1;
  }

  async reassign(db: EntityManager, id: string, fromId: string, toId: string, at: Date): Promise<boolean> {
    const result = await db
      .createQueryBuilder()
      .update(TicketEntity)
      .set({ assigneeId: toId, updatedAt: at })
      .where("id = :id AND status = 'active' AND assignee_id = :fromId", { id, fromId })
      .execute();
    return result.affected === 1;
  }

  async requeue(db: EntityManager, id: string, fromAssigneeId: string, at: Date): Promise<boolean> {
    const result = await db
      .createQueryBuilder()
      .update(TicketEntity)
      .set({ status: 'queued', assigneeId: null, acceptedAt: null, updatedAt: at })
      .where("id = :id AND status = 'active' AND assignee_id = :fromAssigneeId", { id, fromAssigneeId })
      .execute();
    return result.affected === 1;
  }

  async close(
    db: EntityManager,
    id: string,
    fromStatuses: TicketStatus[],
    change: { outcome: Outcome | null; closedBy: 'citizen' | 'agent' | 'system'; at: Date },
  ): Promise<boolean> {
    const result = await db
      .createQueryBuilder()
      .update(TicketEntity)
      .set({ status: 'closed', outcome: change.outcome, closedBy: change.closedBy, closedAt: change.at, updatedAt: change.at })
      .where('id = :id AND status IN (:...fromStatuses)', { id, fromStatuses })
      .execute();
    return result.affected === 1;
  }

  // Queued at closing time, or active when its agent makes it a ticket: then only while that agent (who keeps it) has it.
  async convertChatToTicket(db: EntityManager, id: string, from: { status: 'queued' } | { status: 'active'; assigneeId: string | null }, at: Date): Promise<boolean> {
    const update = db.createQueryBuilder().update(TicketEntity).set({ status: 'open', updatedAt: at }).where('id = :id AND status = :status', { id, status: from.status });
    if ('assigneeId' in from) update.andWhere('assignee_id = :assigneeId', { assigneeId: from.assigneeId });
    const result = await update.execute();
    return result.affected === 1;
  }

  // Conditional, so two answers at once store one: the rule is citizenMayLeaveContact (ticket-access.ts).
  async leaveContactOnce(db: EntityManager, id: string, contact: { email?: string; phone?: string }, at: Date): Promise<boolean> {
    const result = await db
      .createQueryBuilder()
      .update(TicketEntity)
      .set({ citizenEmail: contact.email ?? null, citizenPhone: contact.phone ?? null, updatedAt: at })
      .where("id = :id AND channel = 'chat' AND status IN ('open', 'pending') AND citizen_email IS NULL AND citizen_phone IS NULL", { id })
      .execute();
    return result.affected === 1;
  }

  async update(db: EntityManager, id: string, change: Partial<TicketEntity>): Promise<void> {
    await db.getRepository(TicketEntity).update({ id }, change);
  }

  async rate(db: EntityManager, id: string, score: number, comment: string | null, at: Date): Promise<boolean> {
    const result = await db
      .createQueryBuilder()
      .update(TicketEntity)
      .set({ ratingScore: score, ratingComment: comment, updatedAt: at })
      .where('id = :id AND rating_score IS NULL', { id })
      .execute();
    return result.affected === 1;
  }
}
