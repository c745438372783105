import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Sql } from '../../database/sql';
import { metricsSql } from './metrics-sql';

@Injectable()
export class MetricsArchive {
  constructor(private readonly sql: Sql) {}

  async addTickets(db: EntityManager, ticketIds: string[]): Promise<number> {
    if (ticketIds.length === 0) return 0;
    const { slot, seconds } = metricsSql(this.sql.dialect);
    const answered = 'CASE WHEN accepted_at IS NOT NULL AND queued_at IS NOT NULL THEN 1 ELSE 0 END';
    const handled = "CASE WHEN status = 'closed' AND accepted_at IS NOT NULL AND closed_at IS NOT NULL THEN 1 ELSE 0 END";
    const result = await this.sql.query<{ n: number | string }[]>(
      `INSERT INTO metrics_daily (slot, channel, topic, outcome, referred_provider, rating_score, answered, tickets, wait_seconds_sum, handling_seconds_sum, handled)
       SELECT ${slot('created_at')}, channel, topic, outcome, referred_provider, rating_score, ${answered}, COUNT(*),
              COALESCE(SUM(CASE WHEN ${answered} = 1 THEN ${seconds('accepted_at', 'queued_at')} END), 0),
              COALESCE(SUM(CASE WHEN ${handled} = 1 THEN ${seconds('closed_at', 'accepted_at')} END), 0),
              SUM(${handled})
         FROM tickets WHERE id IN (${this.sql.list(ticketIds.length)})
        GROUP BY 1, 2, 3, 4, 5, 6, 7
       RETURNING tickets AS n`,
      ticketIds,
      db,
    );
    return result.reduce((sum, row) => sum + Number(row.n), 0);
  }
}
