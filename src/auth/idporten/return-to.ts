import { safeLocalPath, SITE_BASE } from '../../common/safe-local-path';

/** A path on this site to come back to after log-in, or `/`. */
export function safeReturnTo(value: unknown): string {
  return safeLocalPath(value) ?? '/';
}

/** `returnTo` with `login=<result>` added to its query, so the page can tell the citizen. */
export function withLoginResult(returnTo: string, result: 'failed'): string {
  const url = new URL(safeReturnTo(returnTo), SITE_BASE);
  url.searchParams.set('login', result);
  return `${url.pathname}${url.search}${url.hash}`;
}
