import type { NextFunction, Request, Response } from 'express';
import { errorBody, httpStatusFor, validationError } from './errors';

/**
 * The deepest payload the desk accepts. Its own payloads are flat objects; class-transformer and
 * class-validator walk a payload recursively, and a few thousand levels (10 KB of brackets) overflow
 * the stack there, which surfaced as an INTERNAL error with a stack trace logged per event. 32 leaves
 * room for any honest client and stays far below where recursion becomes a problem.
 */
export const MAX_PAYLOAD_DEPTH = 32;

/**
 * The most values (object properties and array items, at any depth) a payload may hold. The widest
 * payload the desk takes has fewer than ten fields; validating 30,000 array items or 5,000 unknown
 * properties (both fit in 64 KB) held the event loop for most of a second, one error object each.
 */
export const MAX_PAYLOAD_VALUES = 500;

/** PostgreSQL's text cannot hold a NUL character: the query fails, which surfaced as INTERNAL. */
const NUL = '\u0000';

/**
 * Whether a parsed JSON value stays within both limits and holds no NUL character (in a string or a
 * key). Iterative, so that the check itself cannot overflow the stack, and it stops at the first
 * limit crossed. A scalar has depth 0 and no values.
 */
export function payloadWithinLimits(value: unknown, limits = { depth: MAX_PAYLOAD_DEPTH, values: MAX_PAYLOAD_VALUES }): boolean {
  if (typeof value === 'string') return !value.includes(NUL);
  const pending: Array<{ value: object; depth: number }> = [];
  if (value !== null && typeof value === 'object') pending.push({ value, depth: 1 });
  let values = 0;
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (depth > limits.depth) return false;
    const entries = Object.entries(current);
    values += entries.length;
    if (values > limits.values) return false;
    for (const [key, child] of entries) {
      if (key.includes(NUL) || (typeof child === 'string' && child.includes(NUL))) return false;
      if (child !== null && typeof child === 'object') pending.push({ value: child as object, depth: depth + 1 });
    }
  }
  return true;
}

export const payloadOutsideLimits = () =>
  validationError(`Invalid input: nested deeper than ${MAX_PAYLOAD_DEPTH} levels, more than ${MAX_PAYLOAD_VALUES} values, or a NUL character`);

/** After express.json: a body too deep or too wide, or a NUL anywhere in the request, never reaches Nest's pipes. */
export function rejectInputOutsideLimits(request: Request, response: Response, next: NextFunction): void {
  if (!/%00/i.test(request.originalUrl) && payloadWithinLimits(request.body)) return next();
  const error = payloadOutsideLimits();
  response.status(httpStatusFor(error.code)).json(errorBody(error));
}
