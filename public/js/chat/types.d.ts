/** The server's types the browser client is checked against (tsconfig in public/js). */
export type { ChatDto, MessageDto, NoteDto, TicketDetailDto, TicketEventDto } from '../../../src/tickets/ticket.dto';
export type { AuditRecordDto } from '../../../src/audit/audit.dto';
export type {
  Ack,
  AckError,
  AgentClientEventMap,
  AgentServerEventMap,
  CitizenClientEventMap,
  CitizenServerEventMap,
  CitizenContext,
  WaitingChat,
} from '../../../src/chat/socket-contract';
export type { IdportenStatus, MailboxStatus } from '../../../src/citizens/citizen-context.types';

/** The page helpers (public/js/page/desk.js). */
export interface DeskApi {
  data: Record<string, any> & { lang?: string; maxLength?: number; csrfToken?: string };
  /** The page language as an Intl locale (nb, nn, en-GB). */
  locale: string;
  text(key: string, args?: Record<string, unknown>): string;
  hasText(key: string): boolean;
  el(tag: string, props?: Record<string, any> | null, children?: (Node | string | null | undefined | false)[]): HTMLElement;
  formatTime(iso: string): string;
  clearFieldErrors(form: HTMLElement): void;
  setFieldError(form: HTMLElement, field: string, message: string): HTMLElement | null;
  hideSummary(summary: HTMLElement | null): void;
  reportErrors(form: HTMLElement, summary: HTMLElement | null, errors: { field?: string; message: string }[]): void;
  errorsFrom(error: unknown): { field?: string; message: string }[];
  errorsInPageLanguage(error: unknown): { field?: string; message: string }[];
  formValue(form: HTMLFormElement, name: string): string;
  setBusy(button: HTMLElement | null, busy: boolean): void;
  request(method: string, url: string, body?: unknown): Promise<{ ok: boolean; status: number; body: any }>;
  notify(container: HTMLElement, message: string, color: string): void;
}

export type PayloadOf<M, E extends keyof M> = M[E] extends { payload: infer P } ? P : never;
export type ReplyOf<M, E extends keyof M> = M[E] extends { reply: infer R } ? NonNullable<R> : never;
