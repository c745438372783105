import type { NextFunction, Request, Response } from 'express';
import { DomainError, errorBody } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// A foreign page can make a browser post a form (not JSON) with cookies and no preflight: log-in CSRF.
export function jsonOnlyApi(request: Request, response: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(request.method) || !request.path.startsWith('/api/') || !hasContent(request)) return next();
  if (request.is('application/json')) return next();
  response.status(415).json(errorBody(new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json')));
}

// A browser's fetch() of a POST without a body still sends `Content-Length: 0`.
const hasContent = (request: Request): boolean =>
  request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
