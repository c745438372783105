import { Injectable } from '@nestjs/common';
import type { StaffActor } from '../auth/actor';
import { hasPermission } from '../auth/permissions';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { forbidden } from '../common/errors';
import { NationalIdHasher } from '../config/national-id-hash';
import { Transactions } from '../database/transactions';
import { TicketEventRepository } from '../tickets/ticket-event.repository';
import { TicketsService } from '../tickets/tickets.service';
import { ContactKey, EarlierContactsRepository } from './earlier-contacts.repository';
import { EARLIER_CONTACTS_LIMIT, EarlierContacts, MatchedBy } from './earlier-contacts.types';

export const EARLIER_CONTACTS_ACTION = 'citizen.earlier-contacts';
export const CITIZEN_SEARCH_ACTION = 'citizen.search';
export const EARLIER_CONTACTS_PURPOSE = 'earlier contacts';
export const CITIZEN_SEARCH_PURPOSE = 'search by national identity number';
const SOURCES = ['tickets'];

// docs/contract.md §4a. Audited before anything is returned, like the registry look-up.
@Injectable()
export class EarlierContactsService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly contacts: EarlierContactsRepository,
    private readonly events: TicketEventRepository,
    private readonly audit: AuditService,
    private readonly hasher: NationalIdHasher,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** The same citizen's other tickets and chats: by their number, else (none known) by their e-mail address. */
  async forTicket(actor: StaffActor, ticketId: string): Promise<EarlierContacts> {
    const ticket = await this.tickets.requireFor(actor, ticketId, 'read');
    const [matchedBy, key]: [MatchedBy, ContactKey] | [null, null] = ticket.nationalId
      ? ['national-id', { nationalIdHash: this.hasher.hash(ticket.nationalId) }]
      : ticket.citizenEmail
        ? ['email', { email: ticket.citizenEmail }]
        : [null, null];
    if (!matchedBy) return { matchedBy: null, total: 0, items: [] };

    const found = await this.contacts.find(key, ticket.id, EARLIER_CONTACTS_LIMIT);
    await this.transactions.run(async (db) => {
      await this.audit.recordIn(db, {
        actor,
        ticketId: ticket.id,
        nationalId: ticket.nationalId,
        action: EARLIER_CONTACTS_ACTION,
        purpose: EARLIER_CONTACTS_PURPOSE,
        sources: SOURCES,
        outcome: { matchedBy, found: String(found.total) },
      });
      await this.events.record(db, ticket.id, { type: 'earlier-contacts', actorId: actor.id, actorName: actor.displayName, data: { matchedBy, found: found.total }, at: this.clock.now() });
    });
    if (matchedBy === 'email') {
      // A shared address: the others' numbers (even masked, the date of birth shows) are not this citizen's to see.
      return { matchedBy, total: found.total, items: found.items.map((item) => ({ ...item, nationalId: null })) };
    }
    return { matchedBy, numberVerified: ticket.verified, ...found };
  }

  /** Every ticket of one national identity number, for staff allowed to search people. */
  async search(actor: StaffActor, nationalId: string): Promise<EarlierContacts> {
    if (!hasPermission(actor.role, 'citizen:search')) throw forbidden('Only supervisors search by national identity number');
    const found = await this.contacts.find({ nationalIdHash: this.hasher.hash(nationalId) }, null, EARLIER_CONTACTS_LIMIT);
    await this.audit.record({
      actor,
      nationalId,
      action: CITIZEN_SEARCH_ACTION,
      purpose: CITIZEN_SEARCH_PURPOSE,
      sources: SOURCES,
      outcome: { found: String(found.total) },
    });
    return { matchedBy: 'national-id', ...found };
  }
}
