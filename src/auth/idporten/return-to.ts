const BASE = 'http://local.invalid';

/**
 * A path on this site to come back to after log-in, or `/`. Anything that could leave the site
 * (`//host`, `/\host`, `https://…`, control characters) falls back to `/`.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\u007f]/.test(value) || value.length > 2000) return '/';
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}

/** `returnTo` with `login=<result>` added to its query, so the page can tell the citizen. */
export function withLoginResult(returnTo: string, result: 'failed'): string {
  const url = new URL(safeReturnTo(returnTo), BASE);
  url.searchParams.set('login', result);
  return `${url.pathname}${url.search}${url.hash}`;
}
