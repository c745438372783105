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
