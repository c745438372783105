import type { Role } from '../staff/roles';
import { ticketAccessFor, TicketAccess } from './ticket-access';
import type { TicketStatus } from './ticket.types';

const ME = 'me';
const SOMEONE_ELSE = 'someone-else';
type Who = 'assignee' | 'other agent' | 'supervisor' | 'admin';
type Assigned = 'to me' | 'to someone else' | 'to nobody';

const actorFor = (who: Who): { id: string; role: Role } =>
  who === 'assignee' || who === 'other agent' ? { id: ME, role: 'agent' } : { id: ME, role: who };
const assigneeFor = (who: Who): string | null => (who === 'assignee' ? ME : SOMEONE_ELSE);

const NONE: TicketAccess = { read: false, write: false, handle: false, close: false, lookUpCitizen: false };
const READ_WRITE = { ...NONE, read: true, write: true };
const ALL = { read: true, write: true, handle: true, close: true, lookUpCitizen: true };
const SUPERVISING = { read: true, write: true, handle: false, close: true, lookUpCitizen: true };

describe('ticketAccessFor', () => {
  // [status, who, expected]: a chat (or ticket) assigned to the assignee; "other agent" is not it.
  it.each<[TicketStatus, Who, TicketAccess]>([
    ['active', 'assignee', ALL],
    ['active', 'other agent', NONE],
    ['active', 'supervisor', SUPERVISING],
    ['active', 'admin', SUPERVISING],
    ['queued', 'assignee', ALL],
    ['queued', 'other agent', NONE],
    ['queued', 'supervisor', SUPERVISING],
    ['closed', 'assignee', ALL],
    ['closed', 'other agent', READ_WRITE],
    ['closed', 'supervisor', SUPERVISING],
    ['open', 'assignee', ALL],
    ['open', 'other agent', READ_WRITE],
    ['open', 'supervisor', SUPERVISING],
    ['pending', 'other agent', READ_WRITE],
  ])('a %s ticket assigned to the assignee, for the %s', (status, who, expected) => {
    expect(ticketAccessFor(actorFor(who), { status, assigneeId: assigneeFor(who) })).toEqual(expected);
  });

  it.each<[TicketStatus, Role, Assigned, Partial<TicketAccess>]>([
    ['queued', 'agent', 'to nobody', NONE],
    ['queued', 'supervisor', 'to nobody', SUPERVISING],
    ['open', 'agent', 'to nobody', { ...READ_WRITE, lookUpCitizen: true }],
    ['pending', 'agent', 'to nobody', { ...READ_WRITE, lookUpCitizen: true }],
    ['closed', 'agent', 'to nobody', READ_WRITE],
    ['open', 'agent', 'to someone else', READ_WRITE],
  ])('a %s ticket, for an %s, assigned %s', (status, role, assigned, expected) => {
    const assigneeId = assigned === 'to me' ? ME : assigned === 'to someone else' ? SOMEONE_ELSE : null;
    expect(ticketAccessFor({ id: ME, role }, { status, assigneeId })).toEqual(expected);
  });

  it('denies everything to a role it does not know', () => {
    expect(ticketAccessFor({ id: ME, role: 'guest' as Role }, { status: 'closed', assigneeId: ME })).toEqual(NONE);
  });
});
