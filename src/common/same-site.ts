import type { IncomingHttpHeaders } from 'node:http';

/**
 * The desk's one rule for "did a browser send this from this site": a browser's Origin (or, when it
 * sends none, the origin of its Referer) is one of ALLOWED_ORIGINS or has the request's own host.
 * A request with neither header comes from a non-browser client, which carries no ambient cookies
 * of a staff member's browser, and is allowed.
 */
export function fromThisSite(headers: IncomingHttpHeaders, allowedOrigins: readonly string[]): boolean {
  const origin = headers.origin ?? refererOrigin(headers.referer);
  if (origin === undefined) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === headers.host;
  } catch {
    return false;
  }
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}
