/** A fixed origin to resolve against: only what resolves onto it is a path of this site. */
export const SITE_BASE = new URL('http://local.invalid');
const MAX_LENGTH = 2000;

/**
 * The WHATWG URL parser (a browser's, and Node's) silently drops tabs and newlines and reads `\` as
 * `/`, so `/\t/evil.example` or `/\evil.example` can turn into `//evil.example` on the way. Such
 * input is refused rather than repaired.
 */
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * The same-site path `value` points to (normalised: `.` and `..` segments and their encoded forms
 * resolved), or undefined when it is not one. The result starts with exactly one `/` and resolves to
 * itself, so a browser given it as a Location stays on this site (`/.//evil.example` normalises to
 * `//evil.example`, a different host, and is refused).
 */
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
