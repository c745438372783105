import { Injectable } from '@nestjs/common';
import { Sql } from '../../database/sql';
import { Transactions } from '../../database/transactions';
import type { MailKind } from '../mail.entity';

export interface ClaimedMail {
  id: string;
  kind: Exclude<MailKind, 'mail'>;
  headerMessageId: string;
  toAddress: string;
  subject: string;
  inReplyTo: string | null;
  references: string | null;
  body: string;
  // The claim's fence.
  attempts: number;
}

const DUE = `direction = 'out' AND ((status = 'queued' AND next_attempt_at <= ?) OR (status = 'sending' AND claimed_until <= ?))`;
const CLAIMED_COLUMNS = `id, kind, header_message_id AS "headerMessageId", to_address AS "toAddress", subject,
  in_reply_to AS "inReplyTo", refs AS "references", body, attempts`;

// On PostgreSQL SKIP LOCKED lets concurrent instances take different mails.
@Injectable()
export class Outbox {
  constructor(
    private readonly sql: Sql,
    private readonly transactions: Transactions,
  ) {}

  async claimNext(now: Date, leaseMs: number): Promise<ClaimedMail | null> {
    const at = this.sql.time(now);
    const lock = this.sql.postgres ? ' FOR UPDATE SKIP LOCKED' : '';
    const [row] = await this.transactions.run((db) =>
      this.sql.returning<ClaimedMail>(
        `UPDATE mails SET status = 'sending', attempts = attempts + 1, claimed_until = ?
          WHERE id = (SELECT id FROM mails WHERE ${DUE} ORDER BY next_attempt_at, created_at LIMIT 1${lock}) AND ${DUE}
          RETURNING ${CLAIMED_COLUMNS}`,
        [this.sql.time(new Date(now.getTime() + leaseMs)), at, at, at, at],
        db,
      ),
    );
    return row ? { ...row, attempts: Number(row.attempts) } : null;
  }

  markSent(mail: ClaimedMail, at: Date): Promise<boolean> {
    return this.settle(mail, `status = 'sent', sent_at = ?, last_error = NULL, next_attempt_at = NULL`, [this.sql.time(at)]);
  }

  markForRetry(mail: ClaimedMail, nextAttemptAt: Date, reason: string): Promise<boolean> {
    return this.settle(mail, `status = 'queued', next_attempt_at = ?, last_error = ?`, [this.sql.time(nextAttemptAt), reason]);
  }

  markFailed(mail: ClaimedMail, reason: string): Promise<boolean> {
    return this.settle(mail, `status = 'failed', next_attempt_at = NULL, last_error = ?`, [reason]);
  }

  async retry(ticketId: string, mailId: string, now: Date): Promise<boolean> {
    const rows = await this.transactions.run((db) =>
      this.sql.returning<{ id: string }>(
        `UPDATE mails SET status = 'queued', attempts = 0, next_attempt_at = ?, claimed_until = NULL
          WHERE id = ? AND ticket_id = ? AND direction = 'out' AND status = 'failed' RETURNING id`,
        [this.sql.time(now), mailId, ticketId],
        db,
      ),
    );
    return rows.length > 0;
  }

  private async settle(mail: ClaimedMail, assignments: string, params: unknown[]): Promise<boolean> {
    const rows = await this.transactions.run((db) =>
      this.sql.returning<{ id: string }>(
        `UPDATE mails SET ${assignments}, claimed_until = NULL WHERE id = ? AND status = 'sending' AND attempts = ? RETURNING id`,
        [...params, mail.id, mail.attempts],
        db,
      ),
    );
    return rows.length > 0;
  }
}
