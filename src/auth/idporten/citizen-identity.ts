import { isValidNationalId, maskNationalId } from '../../common/national-id';

export const LEVELS = ['substantial', 'high'] as const;
export type Level = (typeof LEVELS)[number];
export const acrFor = (level: Level): string => `idporten-loa-${level}`;

export interface CitizenIdentity {
  // Never leaves the server unmasked except to the agent of a verified chat.
  pid: string;
  acr: string | null;
  amr: string[];
  authTime: string | null;
}

export interface PendingIdportenLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  level?: Level;
  startedAt: number;
}

export class IdportenClaimsError extends Error {}

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

// A single string on ID-porten's old platform.
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

export function citizenLoginView(identity: CitizenIdentity | undefined): CitizenLoginView {
  if (!identity) return { loggedIn: false };
  return { loggedIn: true, pid: maskNationalId(identity.pid), acr: identity.acr, amr: identity.amr, authTime: identity.authTime };
}
