import type { NextFunction, Request, Response } from 'express';
import { DEV_IDPORTEN_PATH } from '../auth/idporten/dev-idporten.service';
import { FRAME_PATH, LOADER_PATH, LOGGED_IN_PATH } from './embed-origin';

const POPUP_PATHS = [LOGGED_IN_PATH, `${DEV_IDPORTEN_PATH}/`, '/auth/idporten/'];

/**
 * Loosens helmet's defaults only where the widget needs it, after helmet has set them:
 * - the loader is a script other sites load (Cross-Origin-Resource-Policy: cross-origin);
 * - the frame is governed by CSP frame-ancestors alone (X-Frame-Options would refuse every host site);
 * - the log-in popup keeps its opener (the frame) only if no response in it, redirects included,
 *   has COOP same-origin: the desk's log-in routes, the development ID-porten and the page that
 *   hands the result back. A real ID-porten must do the same.
 */
export function embedHeaders(request: Request, response: Response, next: NextFunction): void {
  const path = request.path;
  if (path === LOADER_PATH) response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  if (path === FRAME_PATH) response.removeHeader('X-Frame-Options');
  if (POPUP_PATHS.some((popupPath) => path.startsWith(popupPath))) response.setHeader('Cross-Origin-Opener-Policy', 'unsafe-none');
  next();
}
