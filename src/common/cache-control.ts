import type { NextFunction, Request, Response } from 'express';

// Answers with personal data or staff views are never cached; static assets are not under these paths.
export const NO_STORE_PATHS = ['/api', '/agent', '/supervisor', '/admin', '/auth/idporten'];

export function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}
