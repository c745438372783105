import type { AuditRecordEntity } from './audit-record.entity';
import type { Page } from '../common/pagination';

export interface AuditRecordDto {
  id: string;
  createdAt: string;
  actorId: string;
  actorName: string;
  ticketId: string | null;
  subject: string | null;
  action: string;
  purpose: string;
  sources: string[];
  outcome: Record<string, string>;
}

export type AuditPage = Page<AuditRecordDto>;

/**
 * A look-up of a person's data as their right of access shows it: when, what for and from where. Not who:
 * the staff member's name stays in the log (the person is owed the consultations and their purpose).
 */
export interface PersonLookupDto {
  at: string;
  action: string;
  sources: string[];
}

export const mapPersonLookup = (r: AuditRecordEntity): PersonLookupDto => ({ at: r.createdAt.toISOString(), action: r.action, sources: r.sources });

// The subject hash stays inside: 11 digits are few enough to guess it back.
export const mapAuditRecord = (r: AuditRecordEntity): AuditRecordDto => ({
  id: r.id,
  createdAt: r.createdAt.toISOString(),
  actorId: r.actorId,
  actorName: r.actorName,
  ticketId: r.ticketId,
  subject: r.subject,
  action: r.action,
  purpose: r.purpose,
  sources: r.sources,
  outcome: r.outcome,
});
