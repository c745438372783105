import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { maskNationalIdsInText } from '../../common/national-id-in-text';
import type { Language } from '../../tickets/ticket.types';
import { headerSafe, messageIdsIn } from '../mail-headers';
import { AcceptedType, sanitizeFilename, sniffContentType } from './content-type-sniff';

export interface ParsedAttachment {
  filename: string;
  contentType: AcceptedType;
  content: Buffer;
}

export interface ParsedMail {
  // Made from a hash of the mail when it has none, so a refetch is still recognised.
  messageId: string;
  fromAddress: string | null;
  fromName: string | null;
  subject: string;
  thread: string[];
  inReplyTo: string | null;
  references: string | null;
  language: Language | null;
  text: string;
  attachments: ParsedAttachment[];
  headers: Map<string, string>;
}

export interface ParseLimits {
  maxAttachmentBytes: number;
  truncatedFrom?: number | null;
}

export const MAX_TEXT_CHARS = 20_000;
const MAX_SUBJECT_CHARS = 500;

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function headerMap(lines: readonly { key: string; line: string }[]): Map<string, string> {
  const headers = new Map<string, string>();
  for (const { key, line } of lines) {
    if (headers.has(key.toLowerCase())) continue;
    const colon = line.indexOf(':');
    headers.set(key.toLowerCase(), line.slice(colon + 1).replace(/\r?\n[ \t]+/g, ' ').trim().slice(0, 2000));
  }
  return headers;
}

export function languageOf(header: string | undefined): Language | null {
  const tag = header?.split(',')[0]?.trim().toLowerCase() ?? '';
  if (/^(nb|no)(-|$)/.test(tag) && !/^no-nn/.test(tag)) return 'nb';
  if (/^(nn|no-nn)(-|$)/.test(tag)) return 'nn';
  if (/^en(-|$)/.test(tag)) return 'en';
  return null;
}

export const SYNTHETIC_ID_DOMAIN = 'desk.invalid';
const syntheticMessageId = (source: Buffer) => `<${createHash('sha256').update(source).digest('hex').slice(0, 40)}@${SYNTHETIC_ID_DOMAIN}>`;

function bounded(text: string): string {
  if (text.length <= MAX_TEXT_CHARS) return text;
  return `${text.slice(0, MAX_TEXT_CHARS)}\n\n[Teksten er forkortet: ${text.length - MAX_TEXT_CHARS} tegn til er ikke tatt med]`;
}

// Sender HTML is never kept, and attachments only when their content is an accepted type.
export async function parseMail(source: Buffer, limits: ParseLimits): Promise<ParsedMail> {
  const parsed = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const headers = headerMap(parsed.headerLines ?? []);
  const from = parsed.from?.value.find((address) => address.address) ?? parsed.from?.value[0];
  const notes: string[] = [];
  const attachments: ParsedAttachment[] = [];
  if (limits.truncatedFrom) {
    notes.push(`[Vedlegg ikke lagret: e-posten var på ${megabytes(limits.truncatedFrom)}; bare teksten er tatt inn]`);
  } else {
    for (const attachment of parsed.attachments) {
      const filename = sanitizeFilename(maskNationalIdsInText(attachment.filename ?? ''));
      const contentType = sniffContentType(attachment.content);
      if (attachment.content.length > limits.maxAttachmentBytes) notes.push(`[Vedlegg ikke lagret: ${filename} (større enn ${megabytes(limits.maxAttachmentBytes)})]`);
      else if (!contentType) notes.push(`[Vedlegg ikke lagret: ${filename} (filtypen er ikke tillatt)]`);
      else attachments.push({ filename, contentType, content: attachment.content });
    }
  }
  const declaredId = parsed.messageId ? headerSafe(parsed.messageId) : '';
  const messageId = /^<[^<>\s]{1,900}>$/.test(declaredId) ? declaredId : syntheticMessageId(source);
  const inReplyTo = messageIdsIn(headers.get('in-reply-to'));
  const references = messageIdsIn(headers.get('references'));
  const body = (parsed.text ?? '').replace(/\r\n/g, '\n').trim();
  const text = maskNationalIdsInText([bounded(body), ...notes].filter(Boolean).join('\n\n'));
  return {
    messageId,
    fromAddress: from?.address ? from.address.toLowerCase().slice(0, 254) : null,
    fromName: from?.name ? maskNationalIdsInText(headerSafe(from.name)).slice(0, 100) || null : null,
    subject: maskNationalIdsInText(headerSafe(parsed.subject ?? '').slice(0, MAX_SUBJECT_CHARS)),
    thread: [...new Set([...inReplyTo, ...references])],
    inReplyTo: inReplyTo[0] ?? null,
    references: references.length > 0 ? references.slice(-50).join(' ') : null,
    language: languageOf(headers.get('content-language')),
    text,
    attachments,
    headers,
  };
}
