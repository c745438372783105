import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Sql } from '../database/sql';
import { Transactions } from '../database/transactions';
import { MetricsArchive } from '../supervision/metrics/metrics-archive';

const BATCH = 200;
const DAY_MS = 86_400_000;

export interface RetentionResult {
  cutoff: Date;
  removed: number;
}

// Deleting, not anonymising: free text can hold anything about a person. Audit records are kept.
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly transactions: Transactions,
    private readonly archive: MetricsArchive,
    private readonly config: AppConfig,
    private readonly sql: Sql,
  ) {}

  async run(now: Date): Promise<RetentionResult> {
    const cutoff = new Date(now.getTime() - this.config.retentionDays * DAY_MS);
    let removed = 0;
    // Small batches: each is one short write transaction, so chats go on while old ones are removed.
    for (;;) {
      const count = await this.transactions.run(async (db) => {
        const rows = await this.sql.query<{ id: string }[]>(
          // On PostgreSQL each instance takes rows no other run holds, so no ticket is counted twice.
          `SELECT id FROM tickets WHERE status = 'closed' AND created_at < ? ORDER BY created_at LIMIT ${BATCH}${this.sql.postgres ? ' FOR UPDATE SKIP LOCKED' : ''}`,
          [this.sql.time(cutoff)],
          db,
        );
        const ids = rows.map((r) => r.id);
        if (ids.length === 0) return 0;
        await this.archive.addTickets(db, ids);
        await this.sql.query(`DELETE FROM tickets WHERE id IN (${this.sql.list(ids.length)})`, ids, db);
        return ids.length;
      });
      removed += count;
      if (count < BATCH) break;
    }
    this.logger.log(`Retention: removed ${removed} tickets older than ${cutoff.toISOString()} (RETENTION_DAYS=${this.config.retentionDays})`);
    return { cutoff, removed };
  }
}
