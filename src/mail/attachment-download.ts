import type { Response } from 'express';
import type { AttachmentEntity } from './attachment.entity';

const SAFE_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/i;

export function safeFilename(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f"\u2028\u2029]/g, '').trim().replace(/^\.+/, '');
  return clean.slice(0, 200) || 'attachment';
}

// RFC 6266.
export function contentDisposition(name: string): string {
  const safe = safeFilename(name);
  const ascii = safe.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_').replace(/[%;\\]/g, '_');
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

// Never inline, never sniffed, sandboxed should a browser render it anyway.
export function sendAttachment(response: Response, attachment: AttachmentEntity): void {
  response.setHeader('Content-Type', SAFE_TYPE.test(attachment.contentType) ? attachment.contentType : 'application/octet-stream');
  response.setHeader('Content-Disposition', contentDisposition(attachment.filename));
  response.setHeader('Content-Length', String(attachment.content.length));
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
  response.setHeader('Cache-Control', 'no-store');
  response.end(attachment.content);
}
