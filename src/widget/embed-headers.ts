import type { NextFunction, Request, Response } from 'express';
import { DEV_IDPORTEN_PATH } from '../auth/idporten/dev-idporten.service';
import { FRAME_PATH, LOADER_PATH, LOGGED_IN_PATH } from './embed-origin';

/**
 * Loosens helmet's defaults only where the widget needs it, after helmet has set them:
 * - the loader is a script other sites load (Cross-Origin-Resource-Policy: cross-origin);
 * - the frame is governed by CSP frame-ancestors alone (X-Frame-Options would refuse every host site);
 * - the log-in popup keeps its opener (the frame) only if no page in it has COOP same-origin:
 *   the development ID-porten and the page that hands the result back. A real ID-porten must do the same.
 */
export function embedHeaders(request: Request, response: Response, next: NextFunction): void {
  const path = request.path;
  if (path === LOADER_PATH) response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  if (path === FRAME_PATH) response.removeHeader('X-Frame-Options');
  if (path === LOGGED_IN_PATH || path.startsWith(`${DEV_IDPORTEN_PATH}/`)) response.setHeader('Cross-Origin-Opener-Policy', 'unsafe-none');
  next();
}
