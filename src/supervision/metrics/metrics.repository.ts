import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toDbTime } from '../history/sqlite-history-search.store';

export interface Period {
  from: Date;
  to: Date;
}

export interface SlotCount {
  /** UTC start of a quarter hour, 'YYYY-MM-DD HH:MM'. */
  slot: string;
  channel: string;
  tickets: number;
  answered: number;
  archived: number;
}

export interface DurationAggregate {
  count: number;
  median: number | null;
  p90: number | null;
  sum: number;
}

/** Quarter-hour slot of a stored UTC timestamp: local days and hours of any zone follow from it exactly. */
const SLOT = `substr(t.created_at, 1, 14) || printf('%02d', (CAST(substr(t.created_at, 15, 2) AS INTEGER) / 15) * 15)`;
const IN_PERIOD = 't.created_at >= ? AND t.created_at < ?';
const seconds = (later: string, earlier: string) => `(unixepoch(${later}, 'subsec') - unixepoch(${earlier}, 'subsec'))`;

/** Slot strings compare like the instants they start. */
export const slotOf = (date: Date) => {
  const text = toDbTime(date);
  return `${text.slice(0, 14)}${String(Math.floor(Number(text.slice(14, 16)) / 15) * 15).padStart(2, '0')}`;
};

/**
 * The metrics' SQL (SQLite dialect: unixepoch, median, percentile_cont(y, p)). Everything counts
 * tickets created in [from, to), kept ones from `tickets`, removed ones from `metrics_daily`.
 */
@Injectable()
export class MetricsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async slotCounts(period: Period): Promise<SlotCount[]> {
    const rows = await this.dataSource.query<SlotCount[]>(
      `SELECT slot, channel, SUM(tickets) AS tickets, SUM(answered) AS answered, SUM(archived) AS archived FROM (
         SELECT ${SLOT} AS slot, t.channel, COUNT(*) AS tickets, SUM(CASE WHEN t.accepted_at IS NOT NULL THEN 1 ELSE 0 END) AS answered, 0 AS archived
           FROM tickets t WHERE ${IN_PERIOD} GROUP BY 1, 2
         UNION ALL
         SELECT slot, channel, SUM(tickets), SUM(CASE WHEN answered = 1 THEN tickets ELSE 0 END), SUM(tickets)
           FROM metrics_daily WHERE slot >= ? AND slot < ? GROUP BY 1, 2
       ) GROUP BY slot, channel ORDER BY slot`,
      [...this.periodParams(period), slotOf(period.from), slotOf(period.to)],
    );
    return rows.map((r) => ({ slot: r.slot, channel: r.channel, tickets: Number(r.tickets), answered: Number(r.answered), archived: Number(r.archived) }));
  }

  /** From joining the queue to being taken by an agent. */
  waits(period: Period): Promise<DurationAggregate> {
    return this.durations(period, seconds('t.accepted_at', 't.queued_at'), "t.channel = 'chat' AND t.accepted_at IS NOT NULL AND t.queued_at IS NOT NULL", 'answered = 1', 'wait_seconds_sum', 'tickets');
  }

  /** From being taken to being closed. */
  handling(period: Period): Promise<DurationAggregate> {
    return this.durations(
      period,
      seconds('t.closed_at', 't.accepted_at'),
      "t.channel = 'chat' AND t.status = 'closed' AND t.accepted_at IS NOT NULL AND t.closed_at IS NOT NULL",
      'handled > 0',
      'handling_seconds_sum',
      'handled',
    );
  }

  /** Counts by one column of the tickets that meet `live` (on `t`) and, among the removed ones, `archived`. */
  async countBy(period: Period, column: 'outcome' | 'referred_provider' | 'rating_score', live: string, archived: string): Promise<Map<string | null, number>> {
    const rows = await this.dataSource.query<{ value: string | number | null; n: number }[]>(
      `SELECT value, SUM(n) AS n FROM (
         SELECT t.${column} AS value, COUNT(*) AS n FROM tickets t WHERE ${IN_PERIOD} AND ${live} GROUP BY 1
         UNION ALL
         SELECT ${column}, SUM(tickets) FROM metrics_daily WHERE slot >= ? AND slot < ? AND ${archived} GROUP BY 1
       ) GROUP BY value`,
      [...this.periodParams(period), slotOf(period.from), slotOf(period.to)],
    );
    return new Map(rows.map((r) => [r.value === null ? null : String(r.value), Number(r.n)]));
  }

  private async durations(period: Period, expression: string, where: string, archivedWhere: string, archivedSum: string, archivedCount: string): Promise<DurationAggregate> {
    const [live] = await this.dataSource.query<{ count: number; median: number | null; p90: number | null; sum: number | null }[]>(
      `SELECT COUNT(*) AS count, median(d) AS median, percentile_cont(d, 0.9) AS p90, SUM(d) AS sum
         FROM (SELECT ${expression} AS d FROM tickets t WHERE ${IN_PERIOD} AND ${where})`,
      this.periodParams(period),
    );
    const [archived] = await this.dataSource.query<{ count: number | null; sum: number | null }[]>(
      `SELECT SUM(${archivedCount}) AS count, SUM(${archivedSum}) AS sum FROM metrics_daily WHERE slot >= ? AND slot < ? AND channel = 'chat' AND ${archivedWhere}`,
      [slotOf(period.from), slotOf(period.to)],
    );
    return {
      count: Number(live?.count ?? 0) + Number(archived?.count ?? 0),
      median: live?.median ?? null,
      p90: live?.p90 ?? null,
      sum: Number(live?.sum ?? 0) + Number(archived?.sum ?? 0),
    };
  }

  private periodParams(period: Period): string[] {
    return [toDbTime(period.from), toDbTime(period.to)];
  }
}
