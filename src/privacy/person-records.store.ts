import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { fromDbTime, optionalDbTime, Sql } from '../database/sql';
import { isLive } from '../tickets/ticket-access';
import type { TicketStatus } from '../tickets/ticket.types';
import { ticketsOfPerson, type Person } from './person';

export const RECORD_KINDS = ['tickets', 'messages', 'notes', 'attachments', 'mails', 'outbox', 'events', 'ratings', 'searchDocuments', 'sessions'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export type RecordCounts = Record<RecordKind, number>;

type Row = Record<string, unknown>;

export interface PersonTicket {
  id: string;
  reference: string;
  channel: string;
  topic: string;
  status: string;
  language: string;
  createdAt: Date;
}

export interface PersonRecords {
  tickets: Row[];
  messages: Row[];
  notes: Row[];
  attachments: Row[];
  mails: Row[];
  outbox: Row[];
  events: Row[];
  ratings: Row[];
}


/** Every row the desk holds about one person, found through the tickets that carry one of their keys. */
@Injectable()
export class PersonRecordsStore {
  constructor(private readonly sql: Sql) {}

  /** On PostgreSQL inside a write, the rows are locked so that nothing is added to them before they go. */
  async tickets(person: Person, db?: EntityManager, lock = false): Promise<PersonTicket[]> {
    const { where, params } = ticketsOfPerson(person, (n) => this.sql.list(n));
    const rows = await this.sql.query<Row[]>(
      `SELECT t.id, t.reference, t.channel, t.topic, t.status, t.language, t.created_at FROM tickets t WHERE ${where} ORDER BY t.created_at, t.id${lock && this.sql.postgres ? ' FOR UPDATE' : ''}`,
      params,
      db,
    );
    return rows.map((r) => ({
      id: String(r.id),
      reference: String(r.reference),
      channel: String(r.channel),
      topic: String(r.topic),
      status: String(r.status),
      language: String(r.language),
      createdAt: fromDbTime(r.created_at as string | Date),
    }));
  }

  /** How many tickets match one of the keys but carry another identity number (see ticketsOfPerson). */
  async withheld(person: Person): Promise<number> {
    const { where, params } = ticketsOfPerson(person, (n) => this.sql.list(n), 'withheld');
    return Number((await this.sql.query<{ n: number | string }[]>(`SELECT COUNT(*) AS n FROM tickets t WHERE ${where}`, params))[0].n);
  }

  liveOf(tickets: PersonTicket[]): PersonTicket[] {
    return tickets.filter((t) => isLive(t.status as TicketStatus));
  }

  async counts(ids: string[], person: Person, db?: EntityManager): Promise<RecordCounts> {
    const counts = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, 0])) as RecordCounts;
    counts.tickets = ids.length;
    const sessions = sessionsOf(person);
    if (sessions) counts.sessions = Number((await this.sql.query<{ n: number | string }[]>(`SELECT COUNT(*) AS n FROM sessions WHERE ${sessions.where}`, sessions.params, db))[0].n);
    if (ids.length === 0) return counts;
    const inIds = `ticket_id IN (${this.sql.list(ids.length)})`;
    const count = async (sql: string) => Number((await this.sql.query<{ n: number | string }[]>(sql, ids, db))[0].n);
    counts.messages = await count(`SELECT COUNT(*) AS n FROM messages WHERE ${inIds}`);
    counts.notes = await count(`SELECT COUNT(*) AS n FROM notes WHERE ${inIds}`);
    counts.attachments = await count(`SELECT COUNT(*) AS n FROM attachments WHERE ${inIds}`);
    counts.mails = await count(`SELECT COUNT(*) AS n FROM mails WHERE direction = 'in' AND ${inIds}`);
    counts.outbox = await count(`SELECT COUNT(*) AS n FROM mails WHERE direction = 'out' AND ${inIds}`);
    counts.events = await count(`SELECT COUNT(*) AS n FROM ticket_events WHERE ${inIds}`);
    counts.ratings = await count(`SELECT COUNT(*) AS n FROM tickets WHERE rating_score IS NOT NULL AND id IN (${this.sql.list(ids.length)})`);
    counts.searchDocuments = await count(`SELECT COUNT(*) AS n FROM search_docs WHERE ${inIds}`);
    return counts;
  }

  async records(ids: string[]): Promise<PersonRecords> {
    const empty: PersonRecords = { tickets: [], messages: [], notes: [], attachments: [], mails: [], outbox: [], events: [], ratings: [] };
    if (ids.length === 0) return empty;
    const inList = this.sql.list(ids.length);
    const select = (sql: string) => this.sql.query<Row[]>(sql, ids);
    const tickets = await select(
      `SELECT id, reference, channel, topic, status, language, citizen_name, citizen_email, citizen_phone, national_id, verified, referred_provider, referred_at,
              summary, outcome, closed_by, rating_score, rating_comment, queued_at, accepted_at, closed_at, created_at, updated_at
         FROM tickets WHERE id IN (${inList}) ORDER BY created_at, id`,
    );
    const mails = await select(
      `SELECT id, ticket_id, direction, kind, from_address, to_address, subject, body, status, sent_at, created_at FROM mails WHERE ticket_id IN (${inList}) ORDER BY created_at, id`,
    );
    const attachments = await select(
      `SELECT id, ticket_id, message_id, filename, content_type, size, content, created_at FROM attachments WHERE ticket_id IN (${inList}) ORDER BY created_at, id`,
    );
    return {
      tickets: tickets.map(camel),
      messages: (await select(`SELECT id, ticket_id, seq, author, author_name, kind, body, created_at FROM messages WHERE ticket_id IN (${inList}) ORDER BY ticket_id, seq`)).map(camel),
      notes: (await select(`SELECT id, ticket_id, author_name, body, created_at FROM notes WHERE ticket_id IN (${inList}) ORDER BY created_at, id`)).map(camel),
      attachments: attachments.map((row) => ({ ...camel({ ...row, content: undefined }), contentBase64: Buffer.from(row.content as Uint8Array).toString('base64') })),
      mails: mails.filter((m) => m.direction === 'in').map(camel),
      outbox: mails.filter((m) => m.direction === 'out').map(camel),
      events: (await select(`SELECT id, ticket_id, type, actor_name, data, created_at FROM ticket_events WHERE ticket_id IN (${inList}) ORDER BY created_at, id`)).map((row) =>
        camel({ ...row, data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data }),
      ),
      ratings: tickets
        .filter((t) => t.rating_score !== null && t.rating_score !== undefined)
        .map((t) => ({ ticketId: t.id, reference: t.reference, score: Number(t.rating_score), comment: t.rating_comment ?? null, at: optionalDbTime(t.closed_at as string | null) })),
    };
  }
}

/**
 * A citizen's ID-porten log-in lives in their session (its JSON holds `"pid":"<number>"`, as the
 * session store writes it): erased with the rest, which logs them out.
 */
export function sessionsOf(person: Person): { where: string; params: string[] } | null {
  return person.nationalId ? { where: 'data LIKE ?', params: [`%"pid":"${person.nationalId}"%`] } : null;
}

const TIME_COLUMNS = /_at$/;

/** snake_case columns to the export's camelCase fields; times as ISO text on both databases. */
function camel(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === undefined) continue;
    const name = key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    if (TIME_COLUMNS.test(key)) out[name] = optionalDbTime(value as string | Date | null)?.toISOString() ?? null;
    else if (key === 'verified') out[name] = value === true || value === 1;
    else out[name] = value;
  }
  return out;
}
