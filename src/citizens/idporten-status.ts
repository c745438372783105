import type { IdportenLoginSummary, IdportenStatus } from './citizen-context.types';
import { IdportenLookup, IdportenUser, UNAVAILABLE } from './registry.types';

const isClosed = (user: IdportenUser) => !user.active || user.closedCode !== undefined;

const later = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : a > b ? a : b);
const earlier = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);

function summariseLogins(users: IdportenUser[]): IdportenLoginSummary[] {
  const byEid = new Map<string, { first?: string; last?: string }>();
  for (const login of users.flatMap((u) => u.logins)) {
    const seen = byEid.get(login.eid);
    byEid.set(login.eid, { first: earlier(seen?.first, login.firstLogin), last: later(seen?.last, login.lastLogin) });
  }
  return [...byEid.entries()]
    .map(([eid, { first, last }]) => ({ eid, firstLogin: first ?? null, lastLogin: last ?? null }))
    .sort((a, b) => (b.lastLogin ?? '').localeCompare(a.lastLogin ?? '') || a.eid.localeCompare(b.eid));
}

// With several accounts, one open account makes the person active.
export function idportenStatus(users: IdportenLookup): IdportenStatus {
  if (users === UNAVAILABLE) return { state: 'unknown', logins: [] };
  if (users.length === 0) return { state: 'never-seen', logins: [] };

  const logins = summariseLogins(users);
  const lastLogin = logins.reduce<string | undefined>((latest, l) => later(latest, l.lastLogin ?? undefined), undefined);
  const withLastLogin = lastLogin ? { lastLogin } : {};
  if (users.some((u) => !isClosed(u))) return { state: 'active', ...withLastLogin, logins };

  const closed = [...users].sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''))[0];
  return {
    state: 'closed',
    ...(closed.closedCode ? { closedCode: closed.closedCode } : {}),
    ...(closed.closedAt ? { closedAt: closed.closedAt } : {}),
    ...withLastLogin,
    logins,
  };
}
