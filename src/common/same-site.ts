import type { IncomingHttpHeaders } from 'node:http';

// A request with neither Origin nor Referer comes from a non-browser client, which carries no ambient cookies.
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
