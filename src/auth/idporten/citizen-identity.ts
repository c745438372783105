import { isValidNationalId, maskNationalId } from '../../common/national-id';

/** ID-porten's levels of assurance, as asked for with `?level=` and returned in `acr`. */
export const LEVELS = ['substantial', 'high'] as const;
export type Level = (typeof LEVELS)[number];
export const acrFor = (level: Level): string => `idporten-loa-${level}`;

/** Who the citizen proved to be, kept in the server-side session as `session.citizenIdentity`. */
export interface CitizenIdentity {
  /** The national identity number (11 digits). Never leaves the server unmasked except to the agent of a verified chat. */
  pid: string;
  /** `idporten-loa-substantial` or `idporten-loa-high`; null when the provider did not say. */
  acr: string | null;
  /** How the citizen logged in, e.g. `["BankID"]`; always an array (the old platform sent a string). */
  amr: string[];
  /** When the citizen authenticated at ID-porten (ISO 8601), from `auth_time`. */
  authTime: string | null;
}

/** What is kept between the redirect to ID-porten and the callback. */
export interface PendingIdportenLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  level?: Level;
  /** Epoch milliseconds, to refuse a callback that comes back too late. */
  startedAt: number;
}

export class IdportenClaimsError extends Error {}

/**
 * Turns verified ID token claims into the identity the desk keeps. Refuses a missing or invalid
 * `pid`, and a level below the one asked for.
 */
export function identityFromClaims(claims: Record<string, unknown>, requiredLevel?: Level): CitizenIdentity {
  const pid = claims.pid;
  if (typeof pid !== 'string' || !isValidNationalId(pid)) {
    throw new IdportenClaimsError('The ID token has no valid national identity number (pid)');
  }
  const acr = typeof claims.acr === 'string' && claims.acr !== '' ? claims.acr : null;
  if (requiredLevel === 'high' && acr !== acrFor('high')) {
    throw new IdportenClaimsError(`Level high was asked for, the ID token says ${acr ?? 'nothing'}`);
  }
  if (requiredLevel === 'substantial' && acr !== acrFor('substantial') && acr !== acrFor('high')) {
    throw new IdportenClaimsError(`Level substantial was asked for, the ID token says ${acr ?? 'nothing'}`);
  }
  return { pid, acr, amr: normaliseAmr(claims.amr), authTime: authTimeOf(claims.auth_time) };
}

/** `amr` is an array on today's platform and a single string on the old one. */
export function normaliseAmr(amr: unknown): string[] {
  if (typeof amr === 'string') return amr.trim() ? [amr.trim()] : [];
  if (Array.isArray(amr)) return amr.filter((m): m is string => typeof m === 'string' && m.trim() !== '').map((m) => m.trim());
  return [];
}

function authTimeOf(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return new Date(value * 1000).toISOString();
}

export type CitizenLoginView =
  | { loggedIn: false }
  | { loggedIn: true; pid: string; acr: string | null; amr: string[]; authTime: string | null };

/** What the citizen's browser may see: never the full number. */
export function citizenLoginView(identity: CitizenIdentity | undefined): CitizenLoginView {
  if (!identity) return { loggedIn: false };
  return { loggedIn: true, pid: maskNationalId(identity.pid), acr: identity.acr, amr: identity.amr, authTime: identity.authTime };
}
