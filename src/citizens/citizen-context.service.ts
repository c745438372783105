import { Injectable } from '@nestjs/common';
import type { StaffActor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { maskNationalId } from '../common/national-id';
import { TicketsService } from '../tickets/tickets.service';
import type { CitizenContext } from './citizen-context.types';
import { idportenStatus } from './idporten-status';
import { mailboxStatus } from './mailbox-status';
import { ContactRegister, IdportenUsers } from './registry-ports';
import { IdportenLookup, KrrLookup, UNAVAILABLE } from './registry.types';

export type { CitizenContext } from './citizen-context.types';

export const CITIZEN_LOOKUP_ACTION = 'citizen.lookup';

// A port that breaks its promise and throws is still only an unavailable register.
const settle = <T>(lookup: () => Promise<T>): Promise<T | typeof UNAVAILABLE> => lookup().catch(() => UNAVAILABLE);

@Injectable()
export class CitizenContextService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly contactRegister: ContactRegister,
    private readonly idportenUsers: IdportenUsers,
    private readonly audit: AuditService,
  ) {}

  // docs/contract.md §4. The audit record is written before anything is returned, so nothing is shown unrecorded.
  async forTicket(actor: StaffActor, ticketId: string, purpose: string): Promise<CitizenContext> {
    const ticket = await this.tickets.requireFor(actor, ticketId, 'lookUpCitizen');
    const nationalId = ticket.nationalId;

    if (!nationalId) {
      return { nationalId: null, verified: ticket.verified, mailbox: mailboxStatus(UNAVAILABLE), idporten: idportenStatus(UNAVAILABLE), authentication: null };
    }

    const [person, users] = await Promise.all([
      settle<KrrLookup>(() => this.contactRegister.lookup(nationalId)),
      settle<IdportenLookup>(() => this.idportenUsers.search(nationalId)),
    ]);
    await this.audit.record({
      actor,
      ticketId: ticket.id,
      nationalId,
      action: CITIZEN_LOOKUP_ACTION,
      purpose,
      sources: ['krr', 'idporten'],
      outcome: { krr: person === UNAVAILABLE ? 'unavailable' : 'ok', idporten: users === UNAVAILABLE ? 'unavailable' : 'ok' },
    });
    return {
      nationalId: maskNationalId(nationalId),
      verified: ticket.verified,
      mailbox: mailboxStatus(person),
      idporten: idportenStatus(users),
      authentication: ticket.verified ? { acr: ticket.authAcr, amr: ticket.authAmr ?? [], authTime: ticket.authTime?.toISOString() ?? null } : null,
    };
  }
}
