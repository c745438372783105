import { randomBytes, timingSafeEqual } from 'node:crypto';

// Synchronizer token in the server-side session: unlike a double-submit cookie it needs nothing but the session cookie.
export const newCsrfToken = (): string => randomBytes(32).toString('base64url');

export function csrfTokenMatches(expected: string | undefined, given: unknown): boolean {
  if (!expected || typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
