import { Injectable, Logger } from '@nestjs/common';
import type { StaffActor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { conflict, DomainError } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { Sql } from '../database/sql';
import { Transactions } from '../database/transactions';
import { MetricsArchive } from '../supervision/metrics/metrics-archive';
import { ErasureTokens } from './erasure-token';
import type { Person } from './person';
import { PersonRecordsStore, sessionsOf, type RecordCounts } from './person-records.store';
import { maskContactsInText, privacyAuditEntry } from './privacy-audit';

export interface ErasurePreview {
  counts: RecordCounts;
  liveChats: string[];
  withheld: number;
  confirmation: string | null;
  expiresAt: string | null;
}

export interface ErasureResult {
  erased: RecordCounts;
  auditId: string;
}

const liveChatRefusal = (references: string[]) =>
  conflict(`A live chat cannot be erased mid-conversation: close ${references.join(', ')} first`);

/**
 * Erasure of one person: a dry run that counts and hands out a confirmation, then the erasure itself in one
 * transaction. Live chats are refused, not closed: closing would write to a conversation the citizen may
 * still be in. The tickets go to the anonymous metrics archive first (as retention does), so the
 * metrics count them the same before and after.
 */
@Injectable()
export class ErasureService {
  private readonly logger = new Logger('Privacy');
  private readonly tokens: ErasureTokens;

  constructor(
    private readonly store: PersonRecordsStore,
    private readonly transactions: Transactions,
    private readonly archive: MetricsArchive,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly sql: Sql,
    config: AppConfig,
  ) {
    this.tokens = new ErasureTokens(config.erasureTokenKey);
  }

  // Audited like the search: it tells as much about the person (even whether they are logged in now).
  async preview(actor: StaffActor, person: Person): Promise<ErasurePreview> {
    const tickets = await this.store.tickets(person);
    const counts = await this.store.counts(tickets.map((t) => t.id), person);
    const liveChats = this.store.liveOf(tickets).map((t) => t.reference);
    const withheld = await this.store.withheld(person);
    await this.audit.record(privacyAuditEntry(actor, 'privacy.dry-run', person, counts, 'Dry run of an erasure of one person’s records (GDPR art. 17)'));
    if ((counts.tickets === 0 && counts.sessions === 0) || liveChats.length > 0) return { counts, liveChats, withheld, confirmation: null, expiresAt: null };
    const { token, expiresAt } = this.tokens.issue(person, counts, this.clock.now());
    return { counts, liveChats, withheld, confirmation: token, expiresAt: expiresAt.toISOString() };
  }

  async erase(actor: StaffActor, person: Person, reason: string, confirmation: string | undefined): Promise<ErasureResult> {
    const result = await this.transactions.run(async (db) => {
      const tickets = await this.store.tickets(person, db, true);
      const live = this.store.liveOf(tickets);
      if (live.length > 0) throw liveChatRefusal(live.map((t) => t.reference));
      const ids = tickets.map((t) => t.id);
      const counts = await this.store.counts(ids, person, db);
      const refusal = this.tokens.refusal(confirmation, person, counts, this.clock.now());
      if (refusal) throw new DomainError('CONFIRMATION_REQUIRED', refusal);
      if (ids.length > 0) {
        await this.archive.addTickets(db, ids);
        // Messages, notes, events, mails, attachments and search documents follow by cascade and triggers.
        await this.sql.query(`DELETE FROM tickets WHERE id IN (${this.sql.list(ids.length)})`, ids, db);
      }
      const sessions = sessionsOf(person);
      if (sessions) await this.sql.query(`DELETE FROM sessions WHERE ${sessions.where}`, sessions.params, db);
      const record = await this.audit.recordIn(db, privacyAuditEntry(actor, 'privacy.erase', person, counts, maskContactsInText(reason)));
      return { erased: counts, auditId: record.id };
    });
    this.logger.log(`Privacy: ${actor.username} erased ${result.erased.tickets} tickets (audit ${result.auditId})`);
    return result;
  }
}
