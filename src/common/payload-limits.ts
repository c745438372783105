import type { NextFunction, Request, Response } from 'express';
import { errorBody, httpStatusFor, validationError } from './errors';

// class-transformer and class-validator recurse: a few thousand levels (10 KB of brackets) overflow the stack.
export const MAX_PAYLOAD_DEPTH = 32;

// Validating 30,000 array items (64 KB) held the event loop for most of a second.
export const MAX_PAYLOAD_VALUES = 500;

// PostgreSQL's text cannot hold a NUL character.
const NUL = '\u0000';

// Iterative, so that the check itself cannot overflow the stack.
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

export function rejectInputOutsideLimits(request: Request, response: Response, next: NextFunction): void {
  if (!/%00/i.test(request.originalUrl) && payloadWithinLimits(request.body)) return next();
  const error = payloadOutsideLimits();
  response.status(httpStatusFor(error.code)).json(errorBody(error));
}
