import { safeLocalPath, SITE_BASE } from '../../common/safe-local-path';

export function safeReturnTo(value: unknown): string {
  return safeLocalPath(value) ?? '/';
}

export function withLoginResult(returnTo: string, result: 'failed'): string {
  const url = new URL(safeReturnTo(returnTo), SITE_BASE);
  url.searchParams.set('login', result);
  return `${url.pathname}${url.search}${url.hash}`;
}
