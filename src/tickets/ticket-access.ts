import { hasPermission } from '../auth/permissions';
import { conflict, DomainError, forbidden } from '../common/errors';
import type { Role } from '../staff/roles';
import type { TicketStatus } from './ticket.types';

// One policy for HTTP and sockets: FORBIDDEN is permission, CONFLICT is state, permission first.
// Untaken open tickets allow a citizen look-up: agents work those from the ticket list.
export interface TicketAccess {
  read: boolean;
  join: boolean;
  write: boolean;
  accept: boolean;
  handle: boolean;
  transfer: boolean;
  close: boolean;
  // Audited.
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

const CHAT_STATES: Partial<Record<TicketAction, readonly TicketStatus[]>> = {
  handle: ['active'],
  transfer: ['active'],
  close: ['active'],
};

export function ticketRefusal(actor: TicketAccessActor, ticket: TicketAccessSubject, action: TicketAction): DomainError | null {
  if (!ticketAccessFor(actor, ticket)[action]) return forbidden(REFUSALS[action]);
  const states = CHAT_STATES[action];
  if (states && !states.includes(ticket.status)) return conflict('This chat is not active');
  return null;
}

export function requireTicketAccess(actor: TicketAccessActor, ticket: TicketAccessSubject, action: TicketAction): void {
  if (!ticketAccessFor(actor, ticket)[action]) throw forbidden(REFUSALS[action]);
}

export function requireChatAction(actor: TicketAccessActor, chat: TicketAccessSubject, action: TicketAction): void {
  const refusal = ticketRefusal(actor, chat, action);
  if (refusal) throw refusal;
}

// The citizen's token is their permission: state only.
export function requireCitizenChatState(chat: { status: TicketStatus }, action: 'write' | 'rate'): void {
  if (action === 'write' && !isLive(chat.status)) throw conflict('This chat has ended');
  if (action === 'rate' && chat.status !== 'closed') throw conflict('A chat can be rated when it has ended');
}

/**
 * A chat that became a ticket (status open or pending) asks its citizen how to answer. The token may set
 * a way back once, while there is none: a later holder of the token cannot redirect the answer.
 */
export function citizenMayLeaveContact(chat: { channel: string; status: TicketStatus; citizenEmail: string | null; citizenPhone: string | null }): boolean {
  return chat.channel === 'chat' && (chat.status === 'open' || chat.status === 'pending') && !chat.citizenEmail && !chat.citizenPhone;
}

export function requireCitizenMayLeaveContact(chat: Parameters<typeof citizenMayLeaveContact>[0]): void {
  if (citizenMayLeaveContact(chat)) return;
  if (chat.citizenEmail || chat.citizenPhone) throw conflict('This ticket already has a way to answer you');
  throw conflict('A way to answer can be left when the chat has become a ticket');
}
