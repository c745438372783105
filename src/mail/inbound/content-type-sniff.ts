// Read from the first bytes: an attachment's name and declared type are not believed.
export const ACCEPTED_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain'] as const;
export type AcceptedType = (typeof ACCEPTED_TYPES)[number];

const startsWith = (content: Buffer, bytes: number[], at = 0) => content.length >= at + bytes.length && bytes.every((byte, i) => content[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

// Executables, archives and office files all have NUL or other control bytes early on.
function looksLikeText(content: Buffer): boolean {
  const head = content.subarray(0, 8192);
  for (const byte of head) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
    if (byte === 0x7f) return false;
  }
  return true;
}

export function sniffContentType(content: Buffer): AcceptedType | null {
  if (startsWith(content, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(content, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(content, ascii('GIF87a')) || startsWith(content, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(content, ascii('RIFF')) && startsWith(content, ascii('WEBP'), 8)) return 'image/webp';
  if (content.length > 0 && looksLikeText(content)) return 'text/plain';
  return null;
}

export function sanitizeFilename(name: string | null | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029"<>:|?*;]+/g, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  if (!clean) return 'vedlegg';
  if (clean.length <= 100) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, 100 - extension.length) + extension;
}
