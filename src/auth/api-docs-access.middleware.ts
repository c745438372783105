import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { errorBody, httpStatusFor, unauthenticated } from '../common/errors';
import type { AuthService } from './auth.service';

const API_DOCS = /^\/api\/docs(?:[/.-]|$)/;

// Swagger's routes are plain Express routes outside the global guard, and they map every route an attacker could try.
export function staffOnlyApiDocs(auth: AuthService): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    if (!API_DOCS.test(request.path)) return next();
    auth.actorForSession(request.session).then((actor) => {
      if (actor) return next();
      if (request.method === 'GET' && request.accepts(['json', 'html']) === 'html') return response.redirect(303, `/login?next=${encodeURIComponent(request.originalUrl)}`);
      const error = unauthenticated();
      response.status(httpStatusFor(error.code)).json(errorBody(error));
    }, next);
  };
}
