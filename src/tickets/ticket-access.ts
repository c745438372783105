import { hasPermission } from '../auth/permissions';
import { conflict, DomainError, forbidden } from '../common/errors';
import type { Role } from '../staff/roles';
import type { TicketStatus } from './ticket.types';

/**
 * The one access policy for tickets and chats (a chat is a ticket), used by the ticket API, the
 * citizen look-up, the transcript, the e-mail channel, the staff pages and both chat sockets. Pure.
 *
 * - A live chat (queued or active) is read, joined, written on and its citizen looked up only by
 *   the assigned agent and by staff who supervise the desk. Available agents see a queued chat only
 *   as its preview in the queue, which they need to accept it.
 * - Any other ticket (an open or pending ticket, a closed chat) is read and written on by staff
 *   with `ticket:read` / `ticket:write`: agents handle tickets.
 * - The audited registry look-up stays with the assignee and supervisors, except on an open or
 *   pending ticket nobody has taken yet: agents work those from the ticket list.
 * - Only the assigned agent handles a chat (messages, typing, referral) and transfers it; they and
 *   supervisors may close it.
 *
 * A refusal for permission is FORBIDDEN; a permitted action the chat's state does not allow now
 * (not active, already ended) is CONFLICT. Permission is checked first.
 */
export interface TicketAccess {
  /** The ticket detail, the chat's messages and transcript. */
  read: boolean;
  /** Joining the chat's room (a read-only view unless the actor also handles it). */
  join: boolean;
  /** Notes and changes to the ticket (status, topic, outcome, assignee). */
  write: boolean;
  /** Taking a waiting chat from the queue (who wins is the queue's business: TAKEN). */
  accept: boolean;
  /** Answering in the chat: messages, typing, referral. */
  handle: boolean;
  /** Handing the chat to a colleague. */
  transfer: boolean;
  /** Closing the chat. */
  close: boolean;
  /** The citizen's data from the registers (audited). */
  lookUpCitizen: boolean;
}

export type TicketAction = keyof TicketAccess;

export interface TicketAccessActor {
  id: string;
  role: Role;
}

export interface TicketAccessSubject {
  status: TicketStatus;
  assigneeId: string | null;
}

export const isLive = (status: TicketStatus): boolean => status === 'queued' || status === 'active';

export function ticketAccessFor(actor: TicketAccessActor, ticket: TicketAccessSubject): TicketAccess {
  const may = (permission: Parameters<typeof hasPermission>[1]) => hasPermission(actor.role, permission);
  const assigned = ticket.assigneeId !== null && ticket.assigneeId === actor.id;
  const supervises = may('desk:supervise');
  const live = isLive(ticket.status);
  const untaken = ticket.assigneeId === null && (ticket.status === 'open' || ticket.status === 'pending');

  const read = may('ticket:read') && (!live || assigned || supervises);
  const handle = assigned && may('chat:handle');
  return {
    read,
    join: read,
    write: read && may('ticket:write'),
    accept: may('chat:handle'),
    handle,
    transfer: handle,
    close: handle || supervises,
    lookUpCitizen: may('citizen:lookup') && (assigned || supervises || untaken),
  };
}

const REFUSALS: Record<TicketAction, string> = {
  read: 'Only the assigned agent or a supervisor can open a live chat',
  join: 'Only the assigned agent or a supervisor can open a live chat',
  write: 'Only the assigned agent or a supervisor can change a live chat',
  accept: 'Only agents take chats from the queue',
  handle: 'This chat is handled by someone else',
  transfer: 'Only the agent handling this chat can transfer it',
  close: 'Only the agent handling this chat or a supervisor can close it',
  lookUpCitizen: 'Only the assigned agent or a supervisor can look up this citizen',
};

/** The states in which a chat action can be done; an action not listed does not depend on the state. */
const CHAT_STATES: Partial<Record<TicketAction, readonly TicketStatus[]>> = {
  handle: ['active'],
  transfer: ['active'],
  close: ['active'],
};

/** The refusal for `action` on the ticket now (FORBIDDEN for permission, CONFLICT for state), or null if allowed. */
export function ticketRefusal(actor: TicketAccessActor, ticket: TicketAccessSubject, action: TicketAction): DomainError | null {
  if (!ticketAccessFor(actor, ticket)[action]) return forbidden(REFUSALS[action]);
  const states = CHAT_STATES[action];
  if (states && !states.includes(ticket.status)) return conflict('This chat is not active');
  return null;
}

/** Throws FORBIDDEN unless the actor may do `action` with the ticket (permission only). */
export function requireTicketAccess(actor: TicketAccessActor, ticket: TicketAccessSubject, action: TicketAction): void {
  if (!ticketAccessFor(actor, ticket)[action]) throw forbidden(REFUSALS[action]);
}

/** Throws FORBIDDEN unless permitted, then CONFLICT unless the chat's state allows `action` now. */
export function requireChatAction(actor: TicketAccessActor, chat: TicketAccessSubject, action: TicketAction): void {
  const refusal = ticketRefusal(actor, chat, action);
  if (refusal) throw refusal;
}

/** What the citizen may do in their own chat (their token is their permission): state only, CONFLICT. */
export function requireCitizenChatState(chat: { status: TicketStatus }, action: 'write' | 'rate'): void {
  if (action === 'write' && !isLive(chat.status)) throw conflict('This chat has ended');
  if (action === 'rate' && chat.status !== 'closed') throw conflict('A chat can be rated when it has ended');
}
