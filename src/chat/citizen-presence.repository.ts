import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { SqliteReader } from '../database/reader-thread/sqlite-reader';
import { fromDbTime, optionalDbTime, Sql } from '../database/sql';
import { TicketEntity } from '../tickets/entities/ticket.entity';
import type { Language } from '../tickets/ticket.types';
import type { IdleFacts, IdleReason } from './idle-rule';

/** A live chat as the idle rule sees it, with what the conditional updates check against. */
export interface LiveChatFacts extends IdleFacts {
  id: string;
  language: Language;
  assigneeId: string | null;
  lastSeq: number;
}

const LIVE = ['queued', 'active'];
// Far longer than the read takes; only a reader thread stuck behind a long search gets near it.
const LIVE_READ_DEADLINE_MS = 10_000;

export interface LivePresence {
  id: string;
  gone: boolean;
  /** Last seen (or begun) at or before the cutoff it was read with. */
  quiet: boolean;
}

/**
 * The citizen's presence and the idle decisions, as conditional updates: each one only happens
 * when the chat is still as it was read, so every instance may try it and exactly one succeeds.
 */
@Injectable()
export class CitizenPresenceRepository {
  constructor(
    @InjectRepository(TicketEntity) private readonly tickets: Repository<TicketEntity>,
    private readonly sql: Sql,
    private readonly reader: SqliteReader,
  ) {}

  /**
   * Live chats: whether the database shows their citizen as gone, and whether it last saw them (or
   * the chat began) at or before `quietSince`. Compared in SQL and read in the reader thread on
   * SQLite: 10,000 waiting chats as entities held the event loop for hundreds of ms.
   */
  async livePresence(quietSince: Date): Promise<LivePresence[]> {
    const sql = `SELECT id, CASE WHEN citizen_left_at IS NULL THEN 0 ELSE 1 END AS gone,
                        CASE WHEN COALESCE(citizen_last_seen_at, created_at) <= ? THEN 1 ELSE 0 END AS quiet
                   FROM tickets WHERE status IN ('queued', 'active')`;
    const params = [this.sql.time(quietSince)];
    type Row = { id: string; gone: number | string; quiet: number | string };
    const rows = this.sql.postgres ? await this.sql.query<Row[]>(sql, params) : await this.reader.query<Row[]>(sql, params, Date.now() + LIVE_READ_DEADLINE_MS);
    return rows.map((row) => ({ id: row.id, gone: Number(row.gone) === 1, quiet: Number(row.quiet) === 1 }));
  }

  /** Accepted chats, and queued ones whose citizen has gone, with the last word of citizen or agent. */
  async idleCandidates(): Promise<LiveChatFacts[]> {
    const lastWord = (column: string) =>
      `(SELECT m.${column} FROM messages m WHERE m.ticket_id = t.id AND m.author <> 'system' ORDER BY m.seq DESC LIMIT 1)`;
    const rows = await this.sql.query<Record<string, string | Date | number | null>[]>(
      `SELECT t.id, t.status, t.language, t.assignee_id AS "assigneeId", t.last_seq AS "lastSeq",
              t.citizen_left_at AS "leftAt", t.citizen_last_seen_at AS "seenAt", t.idle_warned_at AS "warnedAt",
              ${lastWord('author')} AS "lastAuthor", ${lastWord('created_at')} AS "lastAt"
         FROM tickets t
        WHERE t.status = 'active' OR (t.status = 'queued' AND t.citizen_left_at IS NOT NULL)`,
    );
    return rows.map((r) => ({
      id: String(r.id),
      status: r.status as 'queued' | 'active',
      language: r.language as Language,
      assigneeId: (r.assigneeId as string | null) ?? null,
      lastSeq: Number(r.lastSeq),
      citizenLeftAt: optionalDbTime(r.leftAt as string | Date | null),
      citizenLastSeenAt: optionalDbTime(r.seenAt as string | Date | null),
      idleWarnedAt: optionalDbTime(r.warnedAt as string | Date | null),
      lastWord: r.lastAuthor && r.lastAt ? { author: r.lastAuthor as 'citizen' | 'agent', at: fromDbTime(r.lastAt as string | Date) } : null,
    }));
  }

  // ---- writes: always inside Transactions.run ----

  /** The citizen connected (or wrote): any warning is void. True when they had been gone. */
  async markPresent(db: EntityManager, chatId: string, at: Date): Promise<boolean> {
    const back = await this.update(db, { citizenLeftAt: null, citizenLastSeenAt: at, idleWarnedAt: null }, 'id = :chatId AND status IN (:...live) AND citizen_left_at IS NOT NULL', {
      chatId,
    });
    if (!back) await this.update(db, { citizenLastSeenAt: at, idleWarnedAt: null }, 'id = :chatId AND status IN (:...live)', { chatId });
    return back;
  }

  /**
   * The citizen's last connection went away. False when they were already gone, the chat is over,
   * or they connected after `seenUpTo` (a connection the sockets were asked too early to see).
   */
  markGone(db: EntityManager, chatId: string, at: Date, seenUpTo: Date): Promise<boolean> {
    return this.update(
      db,
      { citizenLeftAt: at },
      'id = :chatId AND status IN (:...live) AND citizen_left_at IS NULL AND (citizen_last_seen_at IS NULL OR citizen_last_seen_at <= :seenUpTo)',
      { chatId, seenUpTo },
    );
  }

  /** Warns once per stretch of idleness: only if nothing was written, and the citizen did not come back, since the read. */
  warn(db: EntityManager, chat: LiveChatFacts, reason: IdleReason, since: Date, idleCutoff: Date, at: Date): Promise<boolean> {
    return this.update(
      db,
      { idleWarnedAt: at },
      `id = :chatId AND status = 'active' AND last_seq = :lastSeq AND (idle_warned_at IS NULL OR idle_warned_at < :since) AND ${stillIdle(reason)}`,
      { chatId: chat.id, lastSeq: chat.lastSeq, since, idleCutoff },
    );
  }

  /** Closes an idle chat: a queued one whose citizen is gone, an accepted one warned at least the grace time ago. */
  abandon(db: EntityManager, chat: LiveChatFacts, reason: IdleReason, idleCutoff: Date, graceCutoff: Date, at: Date): Promise<boolean> {
    const closed = { status: 'closed' as const, outcome: 'abandoned' as const, closedBy: 'system' as const, closedAt: at, updatedAt: at };
    if (chat.status === 'queued') {
      return this.update(db, closed, `id = :chatId AND status = 'queued' AND ${stillIdle('gone')}`, { chatId: chat.id, idleCutoff });
    }
    return this.update(
      db,
      closed,
      `id = :chatId AND status = 'active' AND last_seq = :lastSeq AND idle_warned_at IS NOT NULL AND idle_warned_at <= :graceCutoff AND ${stillIdle(reason)}`,
      { chatId: chat.id, lastSeq: chat.lastSeq, idleCutoff, graceCutoff },
    );
  }

  private async update(db: EntityManager, change: Partial<TicketEntity>, where: string, params: Record<string, unknown>): Promise<boolean> {
    const result = await db
      .createQueryBuilder()
      .update(TicketEntity)
      .set(change)
      .where(where, { live: LIVE, ...params })
      .execute();
    return result.affected === 1;
  }
}

/** The part of the idle rule the database re-checks (with last_seq guarding the last word). */
function stillIdle(reason: IdleReason): string {
  return reason === 'gone'
    ? 'citizen_left_at IS NOT NULL AND citizen_left_at <= :idleCutoff'
    : '(citizen_last_seen_at IS NULL OR citizen_last_seen_at <= :idleCutoff)';
}
