import type { Role } from '../staff/roles';
import { citizenMayLeaveContact, requireCitizenChatState, ticketAccessFor, TicketAccess, TicketAction, ticketRefusal } from './ticket-access';
import type { TicketStatus } from './ticket.types';

const ME = 'me';
const SOMEONE_ELSE = 'someone-else';
type Who = 'assignee' | 'other agent' | 'supervisor' | 'admin';
type Assigned = 'to me' | 'to someone else' | 'to nobody';

const actorFor = (who: Who): { id: string; role: Role } =>
  who === 'assignee' || who === 'other agent' ? { id: ME, role: 'agent' } : { id: ME, role: who };
const assigneeFor = (who: Who): string | null => (who === 'assignee' ? ME : SOMEONE_ELSE);

// Every role that exists has `chat:handle`, so any of them may try to accept a waiting chat.
const NONE: TicketAccess = { read: false, join: false, write: false, accept: true, handle: false, transfer: false, close: false, lookUpCitizen: false };
const READ_WRITE = { ...NONE, read: true, join: true, write: true };
const ALL = { read: true, join: true, write: true, accept: true, handle: true, transfer: true, close: true, lookUpCitizen: true };
const SUPERVISING = { ...ALL, handle: false, transfer: false };

describe('ticketAccessFor', () => {
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
    expect(ticketAccessFor({ id: ME, role: 'guest' as Role }, { status: 'closed', assigneeId: ME })).toEqual({ ...NONE, accept: false });
  });
});

describe('ticketRefusal: FORBIDDEN means permission, CONFLICT means state', () => {
  const refusal = (who: Who, status: TicketStatus, action: TicketAction) => ticketRefusal(actorFor(who), { status, assigneeId: assigneeFor(who) }, action)?.code ?? 'allowed';

  // Permission is judged before state.
  it.each<[TicketAction, Who, TicketStatus, string]>([
    ['handle', 'assignee', 'active', 'allowed'],
    ['handle', 'assignee', 'closed', 'CONFLICT'],
    ['handle', 'other agent', 'active', 'FORBIDDEN'],
    ['handle', 'other agent', 'closed', 'FORBIDDEN'],
    ['handle', 'supervisor', 'active', 'FORBIDDEN'],
    ['transfer', 'assignee', 'active', 'allowed'],
    ['transfer', 'assignee', 'closed', 'CONFLICT'],
    ['transfer', 'other agent', 'active', 'FORBIDDEN'],
    ['transfer', 'supervisor', 'active', 'FORBIDDEN'],
    ['close', 'assignee', 'active', 'allowed'],
    ['close', 'assignee', 'closed', 'CONFLICT'],
    ['close', 'supervisor', 'active', 'allowed'],
    ['close', 'supervisor', 'closed', 'CONFLICT'],
    ['close', 'other agent', 'active', 'FORBIDDEN'],
    ['close', 'other agent', 'closed', 'FORBIDDEN'],
    ['join', 'supervisor', 'queued', 'allowed'],
    ['join', 'other agent', 'active', 'FORBIDDEN'],
    ['join', 'other agent', 'closed', 'allowed'],
    ['read', 'assignee', 'closed', 'allowed'],
    ['lookUpCitizen', 'other agent', 'active', 'FORBIDDEN'],
  ])('%s by the %s in a %s chat: %s', (action, who, status, answer) => {
    expect(refusal(who, status, action)).toBe(answer);
  });

  it('answers FORBIDDEN, not CONFLICT, to an agent whose active chat was handed to a colleague meanwhile', () => {
    expect(ticketRefusal({ id: ME, role: 'agent' }, { status: 'active', assigneeId: SOMEONE_ELSE }, 'transfer')?.code).toBe('FORBIDDEN');
    expect(ticketRefusal({ id: ME, role: 'agent' }, { status: 'closed', assigneeId: ME }, 'transfer')?.code).toBe('CONFLICT');
  });
});

describe('requireCitizenChatState', () => {
  it.each<[TicketStatus, 'write' | 'rate', string]>([
    ['queued', 'write', 'allowed'],
    ['active', 'write', 'allowed'],
    ['closed', 'write', 'CONFLICT'],
    ['closed', 'rate', 'allowed'],
    ['active', 'rate', 'CONFLICT'],
  ])('a %s chat, to %s: %s', (status, action, answer) => {
    let code = 'allowed';
    try {
      requireCitizenChatState({ status }, action);
    } catch (error) {
      code = (error as { code: string }).code;
    }
    expect(code).toBe(answer);
  });
});

describe('the way back a citizen may leave', () => {
  const chat = { channel: 'chat', status: 'open' as TicketStatus, citizenEmail: null as string | null, citizenPhone: null as string | null };

  it.each<[string, Partial<typeof chat>, boolean]>([
    ['a chat that became an open ticket with no way back', {}, true],
    ['a pending one', { status: 'pending' }, true],
    ['a chat still queued', { status: 'queued' }, false],
    ['a chat in progress', { status: 'active' }, false],
    ['a chat that ended as a chat', { status: 'closed' }, false],
    ['a ticket that already has an e-mail address', { citizenEmail: 'kari@example.no' }, false],
    ['a ticket that already has a phone number', { citizenPhone: '+47 900 00 000' }, false],
    ['a ticket from another channel', { channel: 'web-form' }, false],
  ])('%s', (_case, change, allowed) => {
    expect(citizenMayLeaveContact({ ...chat, ...change })).toBe(allowed);
  });
});
