import { randomUUID } from 'node:crypto';

export const newMessageId = (fromAddress: string): string => `<${randomUUID()}@${fromAddress.split('@')[1] ?? 'localhost'}>`;

const MESSAGE_ID = /<[^<>\s]{1,900}>/g;

export const messageIdsIn = (header: string | string[] | null | undefined): string[] => {
  const text = Array.isArray(header) ? header.join(' ') : (header ?? '');
  return text.match(MESSAGE_ID) ?? [];
};

const REFERENCE = /\bDS-\d{4}-\d{6}\b/;

export const referenceInSubject = (subject: string | null | undefined): string | null => REFERENCE.exec(subject ?? '')?.[0] ?? null;

export const headerSafe = (text: string): string =>
  text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export const subjectWithReference = (subject: string, reference: string): string => {
  const clean = headerSafe(subject).slice(0, 200);
  return clean.includes(reference) ? clean : `${clean} [${reference}]`.trim();
};
