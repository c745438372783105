import { notFound } from '../../common/errors';
import { maskNationalIdsInText } from '../../common/national-id-in-text';
import type { Role } from '../../staff/roles';
import { requireChatAction, requireCitizenChatState } from '../ticket-access';
import type { Author, TicketStatus } from '../ticket.types';

// Decided in the storing transaction, so a chat closed a moment earlier never gets it; runs in the writer thread.

export type ChatSender = { role: 'citizen' } | { role: 'agent'; id: string; staffRole: Role; name: string };

export interface ChatState {
  channel: string;
  status: TicketStatus;
  assigneeId: string | null;
  // SQLite gives 0/1.
  verified: boolean | number;
  nationalId: string | null;
  citizenName: string | null;
}

export const CHAT_STATE = `SELECT channel, status, assignee_id AS "assigneeId", verified, national_id AS "nationalId", citizen_name AS "citizenName"
  FROM tickets WHERE id = ?`;

export interface AdmittedMessage {
  author: Author;
  authorId: string | null;
  authorName: string | null;
  body: string;
}

export function admitChatMessage(chat: ChatState | undefined, sender: ChatSender, body: string): AdmittedMessage {
  if (!chat || chat.channel !== 'chat') throw notFound('Chat');
  if (sender.role === 'citizen') {
    requireCitizenChatState(chat, 'write');
    const ownNumber = chat.verified ? (chat.nationalId ?? undefined) : undefined;
    return { author: 'citizen', authorId: null, authorName: chat.citizenName, body: maskNationalIdsInText(body, ownNumber) };
  }
  requireChatAction({ id: sender.id, role: sender.staffRole }, chat, 'handle');
  return { author: 'agent', authorId: sender.id, authorName: sender.name, body: maskNationalIdsInText(body) };
}
