import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Synchronizer token kept in the server-side session: a state-changing request must echo it in
 * `x-csrf-token`. Unlike a double-submit cookie it needs nothing from the client but the session cookie.
 */
export const newCsrfToken = (): string => randomBytes(32).toString('base64url');

export function csrfTokenMatches(expected: string | undefined, given: unknown): boolean {
  if (!expected || typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
