import type { NextFunction, Request, Response } from 'express';
import { DomainError, errorBody } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The API takes JSON bodies only. A page on another site can make a browser send a form
 * (urlencoded, multipart or text/plain) with its cookies and without a CORS preflight, but never
 * `application/json`: refusing everything else closes that door (log-in CSRF above all).
 * Pages outside /api may still post forms.
 */
export function jsonOnlyApi(request: Request, response: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(request.method) || !request.path.startsWith('/api/') || !hasContent(request)) return next();
  if (request.is('application/json')) return next();
  response.status(415).json(errorBody(new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json')));
}

/** A browser's fetch() of a POST without a body still sends `Content-Length: 0`: that is no body. */
const hasContent = (request: Request): boolean =>
  request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
