export const SITE_BASE = new URL('http://local.invalid');
const MAX_LENGTH = 2000;

// The WHATWG URL parser drops tabs and newlines and reads `\` as `/`, so `/\evil.example` can become `//evil.example`.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\\]/;

// `/.//evil.example` normalises to `//evil.example`, another host: only a path that resolves to itself is returned.
export function safeLocalPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_LENGTH || !value.startsWith('/') || UNSAFE_CHARACTERS.test(value)) return undefined;
  const path = resolveOnSite(value);
  return path !== undefined && resolveOnSite(path) === path ? path : undefined;
}

function resolveOnSite(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value, SITE_BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== SITE_BASE.origin) return undefined;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : undefined;
}
