import type { IncomingMessage, ServerResponse } from 'node:http';

/** The widget's frame: the one route another site may frame. */
export const FRAME_PATH = '/widget/frame';
/** The loader a host page includes with a script tag. */
export const LOADER_PATH = '/widget.js';
/** Where the log-in popup ends: it hands the result to the frame that opened it. */
export const LOGGED_IN_PATH = '/widget/logged-in';

const pathOf = (url: string | undefined): string => {
  try {
    return new URL(url ?? '/', 'http://desk.invalid').pathname;
  } catch {
    return '';
  }
};

/**
 * The origin of the host page the frame may talk to: one of EMBED_ORIGINS, or the desk itself
 * (its own demo page). Anything else, or anything that is not exactly an origin, is refused (null).
 */
export function allowedHostOrigin(raw: unknown, ownOrigins: readonly string[], embedOrigins: readonly string[]): string | null {
  if (typeof raw !== 'string' || raw.length > 300) return null;
  return ownOrigins.includes(raw) || embedOrigins.includes(raw) ? raw : null;
}

/** CSP frame-ancestors: `'self'` and EMBED_ORIGINS for the frame route, `'none'` for every other response. */
export function frameAncestors(embedOrigins: readonly string[]): (request: IncomingMessage, response: ServerResponse) => string {
  const embeddable = ["'self'", ...embedOrigins].join(' ');
  return (request) => (pathOf(request.url) === FRAME_PATH ? embeddable : "'none'");
}

/** The path of a request, for the header rules of the widget's routes. */
export const widgetPathOf = pathOf;
