import { hasPermission } from '../auth/permissions';
import { forbidden } from '../common/errors';
import type { Role } from '../staff/roles';
import type { TicketStatus } from './ticket.types';

/**
 * Who may do what with one ticket (a chat is a ticket): the one rule used by the ticket API, the
 * citizen look-up, the transcript, the staff pages and the agent socket. Pure.
 *
 * - A live chat (queued or active) is read, written on and its citizen looked up only by the
 *   assigned agent and by staff who supervise the desk. Available agents see a queued chat only as
 *   its preview in the queue, which they need to accept it (not governed here).
 * - Any other ticket (an open or pending ticket, a closed chat) is read and written on by staff
 *   with `ticket:read` / `ticket:write`: agents handle tickets.
 * - The audited registry look-up stays with the assignee and supervisors, except on an open or
 *   pending ticket nobody has taken yet: agents work those from the ticket list, and there is no
 *   one else to ask.
 * - Only the assigned agent handles a chat: sends messages, types, refers, transfers; they and
 *   supervisors may close it.
 *
 * Permissions only: whether the chat's state allows the action (active, not yet closed) is the
 * caller's check, answered with CONFLICT, while a refusal here is FORBIDDEN.
 */
export interface TicketAccess {
  /** The ticket detail, the chat's messages and transcript, joining the chat's room. */
  read: boolean;
  /** Notes and changes to the ticket (status, topic, outcome, assignee). */
  write: boolean;
  /** Answering in the chat: messages, typing, referral, transfer. */
  handle: boolean;
  /** Closing the chat. */
  close: boolean;
  /** The citizen's data from the registers (audited). */
  lookUpCitizen: boolean;
}

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
  return {
    read,
    write: read && may('ticket:write'),
    handle: assigned && may('chat:handle'),
    close: (assigned && may('chat:handle')) || supervises,
    lookUpCitizen: may('citizen:lookup') && (assigned || supervises || untaken),
  };
}

const REFUSALS: Record<keyof TicketAccess, string> = {
  read: 'Only the assigned agent or a supervisor can open a live chat',
  write: 'Only the assigned agent or a supervisor can change a live chat',
  handle: 'This chat is handled by someone else',
  close: 'Only the agent handling this chat or a supervisor can close it',
  lookUpCitizen: 'Only the assigned agent or a supervisor can look up this citizen',
};

/** Throws FORBIDDEN unless the actor may do `action` with the ticket. */
export function requireTicketAccess(actor: TicketAccessActor, ticket: TicketAccessSubject, action: keyof TicketAccess): void {
  if (!ticketAccessFor(actor, ticket)[action]) throw forbidden(REFUSALS[action]);
}
