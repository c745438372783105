import { DomainError, ErrorCode } from '../common/errors';

// Between threads only plain data travels: an error goes as its description and is rebuilt.

export interface ErrorDescription {
  error: string;
  code?: string;
  domain?: true;
}

export type ThreadOutcome<T> = { ok: true; value: T } | ({ ok: false } & ErrorDescription);

export function describeError(error: unknown): ErrorDescription {
  if (!(error instanceof Error)) return { error: String(error) };
  if (error instanceof DomainError) return { error: error.message, code: error.code, domain: true };
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? { error: error.message, code } : { error: error.message };
}

export function errorFrom(description: ErrorDescription): Error {
  if (description.domain) return new DomainError(description.code as ErrorCode, description.error);
  return Object.assign(new Error(description.error), description.code ? { code: description.code } : {});
}
