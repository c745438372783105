import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StaffActor } from '../auth/actor';
import { hasPermission } from '../auth/permissions';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { nationalIdHash } from '../config/national-id-hash';
import { decodeCursor, toPage } from '../common/pagination';
import { forbidden } from '../common/errors';
import { maskNationalId } from '../common/national-id';
import { Transactions } from '../database/transactions';
import { AuditRecordEntity } from './audit-record.entity';
import { AuditPage, AuditRecordDto, mapAuditRecord, mapPersonLookup, PersonLookupDto } from './audit.dto';
import { AuditRepository } from './audit.repository';

export interface AuditEntry {
  actor: Pick<StaffActor, 'id' | 'displayName'>;
  ticketId?: string | null;
  nationalId?: string | null;
  action: string;
  purpose: string;
  sources: string[];
  outcome: Record<string, string>;
}

export interface AuditSearch {
  ticket?: string;
  user?: string;
  // Not offered over HTTP: a number does not belong in a URL.
  nationalId?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

const DEFAULT_LIMIT = 50;
// Far more than a person's contacts give; a bound all the same on what one export reads.
const MAX_LOOKUPS_PER_PERSON = 10_000;

@Injectable()
export class AuditService {
  constructor(
    private readonly records: AuditRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    // Rotating the session secret starts new hashes.
    this.hashKey = config.auditSubjectKey;
  }

  private readonly hashKey: string;

  async record(entry: AuditEntry): Promise<AuditRecordDto> {
    return mapAuditRecord(await this.transactions.run((db) => this.recordIn(db, entry)));
  }

  /** Inside a caller's transaction: the record commits, or fails, with the change it describes. */
  recordIn(db: EntityManager, entry: AuditEntry): Promise<AuditRecordEntity> {
    return this.records.append(db, {
      actorId: entry.actor.id,
      actorName: entry.actor.displayName,
      ticketId: entry.ticketId ?? null,
      subject: entry.nationalId ? maskNationalId(entry.nationalId) : null,
      subjectHash: entry.nationalId ? nationalIdHash(entry.nationalId, this.hashKey) : null,
      action: entry.action,
      purpose: entry.purpose,
      sources: entry.sources,
      outcome: entry.outcome,
      createdAt: this.clock.now(),
    });
  }

  /** The look-ups of one person's data, by their number or their tickets, for their right of access. */
  async lookupsAbout(nationalId: string | null, ticketIds: string[]): Promise<PersonLookupDto[]> {
    const rows = await this.records.findAbout(nationalId ? nationalIdHash(nationalId, this.hashKey) : null, ticketIds, MAX_LOOKUPS_PER_PERSON);
    return rows.map(mapPersonLookup);
  }

  async search(actor: StaffActor, query: AuditSearch): Promise<AuditPage> {
    if (!hasPermission(actor.role, 'audit:read')) throw forbidden('Only supervisors read the audit log');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.records.findNewestFirst({
      ticketId: query.ticket,
      actorId: query.user,
      subjectHash: query.nationalId ? nationalIdHash(query.nationalId, this.hashKey) : undefined,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      limit: limit + 1,
      cursor: decodeCursor(query.cursor),
    });
    return toPage(rows, limit, mapAuditRecord);
  }
}
