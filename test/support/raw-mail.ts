import { randomUUID } from 'node:crypto';

export interface RawMailOptions {
  from?: string;
  to?: string;
  /** As it goes in the header: encode it yourself to test encoded words. */
  subject?: string;
  messageId?: string | null;
  inReplyTo?: string;
  references?: string;
  headers?: Record<string, string>;
  text?: string;
  /** The charset of the text part; the text is encoded into it (latin1 for ISO-8859-1). */
  charset?: 'utf-8' | 'iso-8859-1';
  html?: string;
  attachments?: { filename: string; content: Buffer; contentType?: string }[];
}

const base64Lines = (content: Buffer) => content.toString('base64').replace(/.{76}/g, '$&\r\n');

function textPart(options: RawMailOptions): string {
  const charset = options.charset ?? 'utf-8';
  const body = Buffer.from(options.text ?? '', charset === 'utf-8' ? 'utf8' : 'latin1');
  return `Content-Type: text/plain; charset=${charset}\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(body)}\r\n`;
}

const htmlPart = (html: string) => `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(Buffer.from(html))}\r\n`;

function bodyOf(options: RawMailOptions): string {
  const hasText = options.text !== undefined;
  const hasHtml = options.html !== undefined;
  let content = hasText && hasHtml ? alternative(options) : hasHtml ? htmlPart(options.html!) : textPart(options);
  if (options.attachments?.length) {
    const boundary = `mixed-${randomUUID()}`;
    const parts = options.attachments.map(
      (a) =>
        `Content-Type: ${a.contentType ?? 'application/octet-stream'}; name="${a.filename}"\r\nContent-Disposition: attachment; filename="${a.filename}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(a.content)}\r\n`,
    );
    content = `Content-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n${[content, ...parts].map((p) => `--${boundary}\r\n${p}`).join('')}--${boundary}--\r\n`;
  }
  return content;
}

function alternative(options: RawMailOptions): string {
  const boundary = `alt-${randomUUID()}`;
  return `Content-Type: multipart/alternative; boundary="${boundary}"\r\n\r\n--${boundary}\r\n${textPart(options)}--${boundary}\r\n${htmlPart(options.html!)}--${boundary}--\r\n`;
}

/** A raw RFC 5322 mail with MIME parts, as a mail program would send it. */
export function rawMail(options: RawMailOptions = {}): Buffer {
  const headers: string[] = [
    `From: ${options.from ?? 'Ola Nordmann <ola@example.no>'}`,
    `To: ${options.to ?? 'Brukerstøtte <brukerstotte@digdir.no>'}`,
    `Subject: ${options.subject ?? 'Innlogging'}`,
    'Date: Tue, 24 Nov 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
  ];
  const messageId = options.messageId === undefined ? `<${randomUUID()}@example.no>` : options.messageId;
  if (messageId) headers.push(`Message-ID: ${messageId}`);
  if (options.inReplyTo) headers.push(`In-Reply-To: ${options.inReplyTo}`);
  if (options.references) headers.push(`References: ${options.references}`);
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.push(`${name}: ${value}`);
  return Buffer.from(`${headers.join('\r\n')}\r\n${bodyOf(options)}`);
}

/** The Message-ID header of a raw mail. */
export const messageIdOf = (raw: Buffer): string => /^Message-ID: (.+)$/im.exec(raw.toString('latin1'))?.[1].trim() ?? '';
