import { maskNationalId } from '../common/national-id';
import { citizenMayLeaveContact } from './ticket-access';
import type { MessageEntity } from './entities/message.entity';
import type { NoteEntity } from './entities/note.entity';
import type { TicketEventEntity } from './entities/ticket-event.entity';
import type { TicketEntity } from './entities/ticket.entity';

export interface MessageDto {
  id: string;
  chatId: string;
  seq: number;
  clientId?: string;
  author: MessageEntity['author'];
  authorName?: string;
  kind: MessageEntity['kind'];
  body: string;
  createdAt: string;
}

export interface ChatDto {
  id: string;
  reference: string;
  status: TicketEntity['status'];
  topic: TicketEntity['topic'];
  language: TicketEntity['language'];
  verified: boolean;
  agentName?: string;
  outcome?: string;
  rated: boolean;
  createdAt: string;
  queuedAt?: string;
  acceptedAt?: string;
  closedAt?: string;
  /** Queued and accepted chats: whether the citizen has a connection, and if not since when. */
  citizenConnected?: boolean;
  citizenLeftAt?: string;
  /** The chat became a ticket with no way to answer the citizen yet: the citizen is asked for one. */
  askContact?: true;
}

export interface NoteDto {
  id: string;
  chatId: string;
  authorId: string | null;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface TicketEventDto {
  type: string;
  actorName?: string;
  data?: Record<string, unknown>;
  createdAt: string;
}

export interface TicketSummaryDto {
  id: string;
  reference: string;
  channel: TicketEntity['channel'];
  topic: TicketEntity['topic'];
  status: TicketEntity['status'];
  language: TicketEntity['language'];
  citizenName?: string;
  nationalId?: string;
  verified: boolean;
  assignee: { id: string; displayName: string } | null;
  outcome?: string;
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
  unread: boolean;
}

export interface TicketDetailDto extends TicketSummaryDto {
  summary?: string;
  contact: { email?: string; phone?: string };
  rating?: { score: number; comment?: string };
  messages: MessageDto[];
  notes: NoteDto[];
  events: TicketEventDto[];
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : undefined);

export const mapMessage = (m: MessageEntity): MessageDto => ({
  id: m.id,
  chatId: m.ticketId,
  seq: m.seq,
  ...(m.clientId ? { clientId: m.clientId } : {}),
  author: m.author,
  ...(m.authorName ? { authorName: m.authorName } : {}),
  kind: m.kind,
  body: m.body,
  createdAt: m.createdAt.toISOString(),
});

export const mapChat = (t: TicketEntity): ChatDto => ({
  id: t.id,
  reference: t.reference,
  status: t.status,
  topic: t.topic,
  language: t.language,
  verified: t.verified,
  ...(t.assignee && t.status === 'active' ? { agentName: t.assignee.displayName } : {}),
  ...(t.outcome ? { outcome: t.outcome } : {}),
  rated: t.ratingScore !== null,
  createdAt: t.createdAt.toISOString(),
  queuedAt: iso(t.queuedAt),
  acceptedAt: iso(t.acceptedAt),
  closedAt: iso(t.closedAt),
  ...(t.status === 'queued' || t.status === 'active'
    ? { citizenConnected: t.citizenLeftAt === null, ...(t.citizenLeftAt ? { citizenLeftAt: t.citizenLeftAt.toISOString() } : {}) }
    : {}),
  ...(citizenMayLeaveContact(t) ? { askContact: true as const } : {}),
});

export const mapNote = (n: NoteEntity): NoteDto => ({
  id: n.id,
  chatId: n.ticketId,
  authorId: n.authorId,
  authorName: n.authorName,
  body: n.body,
  createdAt: n.createdAt.toISOString(),
});

export const mapTicketEvent = (e: TicketEventEntity): TicketEventDto => ({
  type: e.type,
  ...(e.actorName ? { actorName: e.actorName } : {}),
  ...(e.data ? { data: e.data } : {}),
  createdAt: e.createdAt.toISOString(),
});

const isUnread = (t: TicketEntity): boolean => t.lastInboundAt !== null && (t.staffReadAt === null || t.lastInboundAt > t.staffReadAt);

export const mapTicketSummary = (t: TicketEntity): TicketSummaryDto => ({
  id: t.id,
  reference: t.reference,
  channel: t.channel,
  topic: t.topic,
  status: t.status,
  language: t.language,
  ...(t.citizenName ? { citizenName: t.citizenName } : {}),
  ...(t.nationalId ? { nationalId: maskNationalId(t.nationalId) } : {}),
  verified: t.verified,
  assignee: t.assignee ? { id: t.assignee.id, displayName: t.assignee.displayName } : null,
  ...(t.outcome ? { outcome: t.outcome } : {}),
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
  closedAt: iso(t.closedAt),
  unread: isUnread(t),
});
