import { Injectable } from '@nestjs/common';
import { Sql, toSqliteTime } from '../../database/sql';
import { metricsSql, MetricsSql } from './metrics-sql';

export interface Period {
  from: Date;
  to: Date;
}

export interface SlotCount {
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

const IN_PERIOD = 't.created_at >= ? AND t.created_at < ?';

export const slotOf = (date: Date) => {
  const text = toSqliteTime(date);
  return `${text.slice(0, 14)}${String(Math.floor(Number(text.slice(14, 16)) / 15) * 15).padStart(2, '0')}`;
};

const optionalNumber = (value: number | string | null | undefined) => (value === null || value === undefined ? null : Number(value));

// PostgreSQL returns bigint and numeric aggregates as strings: every number goes through Number().
@Injectable()
export class MetricsRepository {
  private readonly dialect: MetricsSql;

  constructor(private readonly sql: Sql) {
    this.dialect = metricsSql(sql.dialect);
  }

  async slotCounts(period: Period): Promise<SlotCount[]> {
    const rows = await this.sql.query<{ slot: string; channel: string; tickets: number | string; answered: number | string; archived: number | string }[]>(
      `SELECT slot, channel, SUM(tickets) AS tickets, SUM(answered) AS answered, SUM(archived) AS archived FROM (
         SELECT ${this.dialect.slot('t.created_at')} AS slot, t.channel, COUNT(*) AS tickets, SUM(CASE WHEN t.accepted_at IS NOT NULL THEN 1 ELSE 0 END) AS answered, 0 AS archived
           FROM tickets t WHERE ${IN_PERIOD} GROUP BY 1, 2
         UNION ALL
         SELECT slot, channel, SUM(tickets), SUM(CASE WHEN answered = 1 THEN tickets ELSE 0 END), SUM(tickets)
           FROM metrics_daily WHERE slot >= ? AND slot < ? GROUP BY 1, 2
       ) AS counts GROUP BY slot, channel ORDER BY slot`,
      [...this.periodParams(period), slotOf(period.from), slotOf(period.to)],
    );
    return rows.map((r) => ({ slot: r.slot, channel: r.channel, tickets: Number(r.tickets), answered: Number(r.answered), archived: Number(r.archived) }));
  }

  waits(period: Period): Promise<DurationAggregate> {
    return this.durations(
      period,
      this.dialect.seconds('t.accepted_at', 't.queued_at'),
      "t.channel = 'chat' AND t.accepted_at IS NOT NULL AND t.queued_at IS NOT NULL",
      'answered = 1',
      'wait_seconds_sum',
      'tickets',
    );
  }

  handling(period: Period): Promise<DurationAggregate> {
    return this.durations(
      period,
      this.dialect.seconds('t.closed_at', 't.accepted_at'),
      "t.channel = 'chat' AND t.status = 'closed' AND t.accepted_at IS NOT NULL AND t.closed_at IS NOT NULL",
      'handled > 0',
      'handling_seconds_sum',
      'handled',
    );
  }

  async countBy(period: Period, column: 'outcome' | 'referred_provider' | 'rating_score', live: string, archived: string): Promise<Map<string | null, number>> {
    const rows = await this.sql.query<{ value: string | number | null; n: number | string }[]>(
      `SELECT value, SUM(n) AS n FROM (
         SELECT t.${column} AS value, COUNT(*) AS n FROM tickets t WHERE ${IN_PERIOD} AND ${live} GROUP BY 1
         UNION ALL
         SELECT ${column}, SUM(tickets) FROM metrics_daily WHERE slot >= ? AND slot < ? AND ${archived} GROUP BY 1
       ) AS counts GROUP BY value`,
      [...this.periodParams(period), slotOf(period.from), slotOf(period.to)],
    );
    return new Map(rows.map((r) => [r.value === null ? null : String(r.value), Number(r.n)]));
  }

  private async durations(period: Period, expression: string, where: string, archivedWhere: string, archivedSum: string, archivedCount: string): Promise<DurationAggregate> {
    type Num = number | string | null;
    const [live] = await this.sql.query<{ count: Num; median: Num; p90: Num; sum: Num }[]>(
      `SELECT COUNT(*) AS count, ${this.dialect.median('d')} AS median, ${this.dialect.p90('d')} AS p90, SUM(d) AS sum
         FROM (SELECT ${expression} AS d FROM tickets t WHERE ${IN_PERIOD} AND ${where}) AS durations`,
      this.periodParams(period),
    );
    const [archived] = await this.sql.query<{ count: Num; sum: Num }[]>(
      `SELECT SUM(${archivedCount}) AS count, SUM(${archivedSum}) AS sum FROM metrics_daily WHERE slot >= ? AND slot < ? AND channel = 'chat' AND ${archivedWhere}`,
      [slotOf(period.from), slotOf(period.to)],
    );
    return {
      count: Number(live?.count ?? 0) + Number(archived?.count ?? 0),
      median: optionalNumber(live?.median),
      p90: optionalNumber(live?.p90),
      sum: Number(live?.sum ?? 0) + Number(archived?.sum ?? 0),
    };
  }

  private periodParams(period: Period): unknown[] {
    return [this.sql.time(period.from), this.sql.time(period.to)];
  }
}
