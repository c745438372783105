export const ERROR_CODES = [
  'VALIDATION',
  'CLOSED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'TAKEN',
  'CONFLICT',
  'RATE_LIMITED',
  'QUERY_TOO_BROAD',
  'UNSUPPORTED_MEDIA_TYPE',
  'PASSWORD_CHANGE_REQUIRED',
  'NO_EMAIL_ADDRESS',
  'LIVE_CHAT',
  'MAIL_UNAVAILABLE',
  'CONFIRMATION_REQUIRED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetail {
  field?: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export const validationError = (message: string, details: ErrorDetail[] = []) =>
  new DomainError('VALIDATION', message, details);
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You may not do this') => new DomainError('FORBIDDEN', message);
export const unauthenticated = (message = 'Log in first') => new DomainError('UNAUTHENTICATED', message);
export const conflict = (message: string) => new DomainError('CONFLICT', message);

// Exhaustive: adding a code without a status fails to compile.
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'TAKEN':
      return 409;
    case 'CLOSED':
      return 409;
    case 'RATE_LIMITED':
      return 429;
    case 'QUERY_TOO_BROAD':
      return 422;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'PASSWORD_CHANGE_REQUIRED':
      return 403;
    case 'NO_EMAIL_ADDRESS':
    case 'LIVE_CHAT':
    case 'CONFIRMATION_REQUIRED':
      return 409;
    case 'MAIL_UNAVAILABLE':
      return 503;
    case 'INTERNAL':
      return 500;
    default: {
      const unmapped: never = code;
      throw new Error(`Unmapped error code ${String(unmapped)}`);
    }
  }
}

export function errorBody(error: DomainError) {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details.length > 0 ? { details: error.details } : {}),
    },
  };
}
