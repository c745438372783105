import type { NextFunction, Request, Response } from 'express';

/**
 * Where answers carry personal data or staff views (the API with its exports and transcripts, the
 * staff pages, the citizen's log-in state): never kept by a browser's or a proxy's cache. Static
 * assets are not under these paths and stay cacheable.
 */
export const NO_STORE_PATHS = ['/api', '/agent', '/supervisor', '/admin', '/auth/idporten'];

export function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}
