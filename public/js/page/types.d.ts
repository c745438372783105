/** The server's types the staff pages are checked against (tsconfig in public/js). */
export type { HistoryItemDto, HistoryPage, HistorySnippetDto } from '../../../src/supervision/history/history.dto';
export type { MetricsSummary } from '../../../src/supervision/metrics/metrics.dto';
export type { LiveBoard } from '../../../src/supervision/live-board/live-board.service';
export type { ReadyReplyDto, ReadyReplyList } from '../../../src/replies/dto/ready-reply.dto';
export type { StaffMemberDto } from '../../../src/staff/staff-user.dto';
export type { NoteDto, TicketSummaryDto } from '../../../src/tickets/ticket.dto';
export type { Page } from '../../../src/common/pagination';
export type { AttachmentDto, MailDto, SentMailDto, TicketMailDto } from '../../../src/mail/mail.dto';
export type { MessageDto } from '../../../src/tickets/ticket.dto';
export type { EarlierContact, EarlierContacts } from '../../../src/citizens/earlier-contacts.types';

/** What the server embeds in #page-data (each page model's `pageData`). */
export type PageData = Record<string, any> & { lang?: string; csrfToken?: string; texts?: Record<string, string> };

/** A JSON call's answer; `body` is the route's response or `{ error }`. */
export interface ApiResult<T = any> {
  ok: boolean;
  status: number;
  body: T;
}

export interface FieldError {
  field?: string;
  message: string;
}
