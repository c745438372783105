import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { errorBody, httpStatusFor, unauthenticated } from '../common/errors';
import type { AuthService } from './auth.service';

/** The viewer, its assets and the document in every format (`/api/docs/openapi.json`, `/api/docs-yaml`, …). */
const API_DOCS = /^\/api\/docs(?:[/.-]|$)/;

/**
 * In production the API documentation is for staff: it maps every route an attacker could try.
 * Swagger's routes are plain Express routes, outside the global guard, so they get this check instead.
 */
export function staffOnlyApiDocs(auth: AuthService): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    if (!API_DOCS.test(request.path)) return next();
    auth.actorForSession(request.session).then((actor) => {
      if (actor) return next();
      // The viewer is a page: a browser goes to log in first and comes back.
      if (request.method === 'GET' && request.accepts(['json', 'html']) === 'html') return response.redirect(303, `/login?next=${encodeURIComponent(request.originalUrl)}`);
      const error = unauthenticated();
      response.status(httpStatusFor(error.code)).json(errorBody(error));
    }, next);
  };
}
