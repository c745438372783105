import { randomUUID } from 'node:crypto';

/** A new RFC 5322 Message-ID on the support address's domain: `<uuid@domain>`. */
export const newMessageId = (fromAddress: string): string => `<${randomUUID()}@${fromAddress.split('@')[1] ?? 'localhost'}>`;

const MESSAGE_ID = /<[^<>\s]{1,900}>/g;

/** The Message-IDs in an In-Reply-To or References header, in order, each with its brackets. */
export const messageIdsIn = (header: string | string[] | null | undefined): string[] => {
  const text = Array.isArray(header) ? header.join(' ') : (header ?? '');
  return text.match(MESSAGE_ID) ?? [];
};

/** Ticket references look like DS-2026-000123 (ticket.repository.ts). */
const REFERENCE = /\bDS-\d{4}-\d{6}\b/;

/** The ticket reference a subject carries, e.g. "Re: Innlogging [DS-2026-000123]". */
export const referenceInSubject = (subject: string | null | undefined): string | null => REFERENCE.exec(subject ?? '')?.[0] ?? null;

/** One header line: no line breaks or other control characters, however the text came in. */
export const headerSafe = (text: string): string =>
  text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The subject of a mail on a ticket: its reference in brackets, once, so an answer finds its way back. */
export const subjectWithReference = (subject: string, reference: string): string => {
  const clean = headerSafe(subject).slice(0, 200);
  return clean.includes(reference) ? clean : `${clean} [${reference}]`.trim();
};
