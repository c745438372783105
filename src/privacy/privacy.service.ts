import { Injectable } from '@nestjs/common';
import type { StaffActor } from '../auth/actor';
import type { PersonLookupDto } from '../audit/audit.dto';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { maskNationalId } from '../common/national-id';
import type { ExportFormat } from './dto/person.dto';
import type { Person } from './person';
import { PersonRecordsStore, type PersonRecords, type PersonTicket, type RecordCounts } from './person-records.store';
import { privacyAuditEntry } from './privacy-audit';

export type PersonTicketSummary = Omit<PersonTicket, 'createdAt'> & { createdAt: string };

export interface PersonSummary {
  person: MaskedPerson;
  counts: RecordCounts;
  tickets: PersonTicketSummary[];
  liveChats: string[];
  /** Tickets that match a key but carry another identity number: not the person's to export or erase. */
  withheld: number;
}

export interface MaskedPerson {
  nationalId: string | null;
  email: string | null;
  phone: string | null;
}

export interface PersonExport {
  generatedAt: string;
  generatedBy: string;
  language: string;
  person: Person;
  counts: RecordCounts;
  records: PersonRecords;
  /** Who looked the person up is not said: when, what for and from where is. */
  lookups: PersonLookupDto[];
}

const masked = (person: Person): MaskedPerson => ({ ...person, nationalId: person.nationalId ? maskNationalId(person.nationalId) : null });

/** Finding and exporting one person's records (right of access); every look-up is audited. */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly store: PersonRecordsStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async find(actor: StaffActor, person: Person): Promise<PersonSummary> {
    const tickets = await this.store.tickets(person);
    const counts = await this.store.counts(tickets.map((t) => t.id), person);
    await this.audit.record(privacyAuditEntry(actor, 'privacy.search', person, counts, 'Finding the records of one person (GDPR)'));
    return {
      person: masked(person),
      counts,
      tickets: tickets.map((t) => ({ ...t, createdAt: t.createdAt.toISOString() })),
      liveChats: this.store.liveOf(tickets).map((t) => t.reference),
      withheld: await this.store.withheld(person),
    };
  }

  async export(actor: StaffActor, person: Person, format: ExportFormat): Promise<PersonExport> {
    const tickets = await this.store.tickets(person);
    const ids = tickets.map((t) => t.id);
    const records = await this.store.records(ids);
    const counts = await this.store.counts(ids, person);
    const lookups = await this.audit.lookupsAbout(person.nationalId, ids);
    await this.audit.record(privacyAuditEntry(actor, 'privacy.export', person, counts, 'Right of access: export of one person’s records (GDPR art. 15)', { format }));
    // The person's language: that of their latest contact.
    const language = tickets.length > 0 ? tickets[tickets.length - 1].language : 'nb';
    return { generatedAt: this.clock.now().toISOString(), generatedBy: actor.displayName, language, person, counts, records, lookups };
  }
}
