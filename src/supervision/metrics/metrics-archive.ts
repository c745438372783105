import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Where retention leaves the anonymous counts of what it removes (inside its own transaction). */
@Injectable()
export class MetricsArchive {
  /**
   * Adds the counts of the given tickets, grouped so that nothing identifies one chat beyond what
   * the metrics show anyway. Returns how many tickets were counted.
   */
  async addTickets(db: EntityManager, ticketIds: string[]): Promise<number> {
    if (ticketIds.length === 0) return 0;
    const slot = `substr(created_at, 1, 14) || printf('%02d', (CAST(substr(created_at, 15, 2) AS INTEGER) / 15) * 15)`;
    const answered = 'CASE WHEN accepted_at IS NOT NULL AND queued_at IS NOT NULL THEN 1 ELSE 0 END';
    const handled = "CASE WHEN status = 'closed' AND accepted_at IS NOT NULL AND closed_at IS NOT NULL THEN 1 ELSE 0 END";
    const result = await db.query<{ n: number }[]>(
      `INSERT INTO metrics_daily (slot, channel, topic, outcome, referred_provider, rating_score, answered, tickets, wait_seconds_sum, handling_seconds_sum, handled)
       SELECT ${slot}, channel, topic, outcome, referred_provider, rating_score, ${answered}, COUNT(*),
              COALESCE(SUM(CASE WHEN ${answered} = 1 THEN unixepoch(accepted_at, 'subsec') - unixepoch(queued_at, 'subsec') END), 0),
              COALESCE(SUM(CASE WHEN ${handled} = 1 THEN unixepoch(closed_at, 'subsec') - unixepoch(accepted_at, 'subsec') END), 0),
              SUM(${handled})
         FROM tickets WHERE id IN (${ticketIds.map(() => '?').join(', ')})
        GROUP BY 1, 2, 3, 4, 5, 6, 7
       RETURNING tickets AS n`,
      ticketIds,
    );
    return result.reduce((sum, row) => sum + Number(row.n), 0);
  }
}
