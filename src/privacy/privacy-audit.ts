import type { StaffActor } from '../auth/actor';
import type { AuditEntry } from '../audit/audit.service';
import { maskNationalIdsInText } from '../common/national-id-in-text';
import type { Person } from './person';
import type { RecordCounts } from './person-records.store';

export type PrivacyAction = 'privacy.search' | 'privacy.export' | 'privacy.dry-run' | 'privacy.erase';

/**
 * What the audit log keeps of a privacy action: who, when, what kind and how many. Of the person only
 * which keys were used and, for an identity number, its masked form and keyed hash (AuditService):
 * the e-mail address and phone number are not kept, since the record outlives an erasure.
 */
export function privacyAuditEntry(actor: StaffActor, action: PrivacyAction, person: Person, counts: RecordCounts, purpose: string, extra: Record<string, string> = {}): AuditEntry {
  const keys = (['nationalId', 'email', 'phone'] as const).filter((key) => person[key] !== null);
  return {
    actor,
    nationalId: person.nationalId,
    action,
    purpose,
    sources: ['desk'],
    outcome: { keys: keys.join(','), ...Object.fromEntries(Object.entries(counts).map(([kind, n]) => [kind, String(n)])), ...extra },
  };
}

const EMAIL = /[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[^\s@<>()"',;]+/g;
// Eight digits or more, in groups split by single spaces, after an optional +47 or 0047 (not dates, not references).
const PHONE = /(?:\+|\b00)?(?:47 ?)?\b(?:\d ?){7,}\d\b/g;

/** A free text bound for the audit log (an erasure's reason): no identity number, e-mail address or phone number in it. */
export function maskContactsInText(text: string): string {
  return maskNationalIdsInText(text).replace(EMAIL, '[e-post]').replace(PHONE, '[telefon]');
}
