import type { NextFunction, Request, Response } from 'express';
import { errorBody, httpStatusFor, validationError } from './errors';

/**
 * The deepest payload the desk accepts. Its own payloads are at most three levels deep; class-transformer
 * and class-validator walk a payload recursively, and a few thousand levels (10 KB of brackets) overflow
 * the stack there, which surfaced as an INTERNAL error with a stack trace logged per event. 32 leaves
 * room for any honest client and stays far below where recursion becomes a problem.
 */
export const MAX_PAYLOAD_DEPTH = 32;

/**
 * Whether a parsed JSON value nests at most `maxDepth` objects or arrays deep. Iterative, so that the
 * check itself cannot overflow the stack, and it stops at the first value too deep. Scalars have depth 0.
 */
export function payloadWithinLimits(value: unknown, maxDepth = MAX_PAYLOAD_DEPTH): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > maxDepth) return false;
    for (const child of Object.values(current as object)) {
      if (child !== null && typeof child === 'object') pending.push({ value: child, depth: depth + 1 });
    }
  }
  return true;
}

export const payloadTooDeep = () => validationError(`Invalid input: nested deeper than ${MAX_PAYLOAD_DEPTH} levels`);

/** After express.json: a body nested too deep never reaches Nest's pipes. */
export function rejectDeepJsonBodies(request: Request, response: Response, next: NextFunction): void {
  if (payloadWithinLimits(request.body)) return next();
  const error = payloadTooDeep();
  response.status(httpStatusFor(error.code)).json(errorBody(error));
}
