import { headerSafe } from '../mail-headers';

/** Why a mail was not sent, and whether trying again can help. */
export interface SendFailure {
  permanent: boolean;
  /** The SMTP server's answer, or the connection error: shown to staff, so never a secret. */
  reason: string;
}

interface SmtpError {
  message?: string;
  code?: string;
  responseCode?: number;
  response?: string;
}

const MAX_REASON = 500;

/** A mail no server will ever take as it is (a bad recipient): failed at once. */
export class UnsendableMail extends Error {}

/**
 * 5xx answers are permanent (the server will not take this mail), except 503 (commands out of
 * order: a glitch of the session). 4xx answers, connection and timeout errors are temporary; so
 * is a refused log-in: the desk's SMTP settings are wrong, not the mail, and it goes once fixed.
 */
export function classifySendFailure(error: unknown, secrets: string[] = []): SendFailure {
  if (error instanceof UnsendableMail) return { permanent: true, reason: error.message };
  const smtp = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SmtpError;
  const code = typeof smtp.responseCode === 'number' ? smtp.responseCode : null;
  const permanent = code !== null && code >= 500 && code < 600 && code !== 503 && smtp.code !== 'EAUTH';
  const answer = smtp.response?.trim() || [smtp.code, smtp.message].filter(Boolean).join(': ') || 'Unknown error';
  return { permanent, reason: withoutSecrets(headerSafe(answer), secrets).slice(0, MAX_REASON) };
}

function withoutSecrets(text: string, secrets: string[]): string {
  return secrets.filter((secret) => secret.length > 0).reduce((clean, secret) => clean.split(secret).join('***'), text);
}

/** The password of an smtp[s]://user:password@host URL, as written and decoded, to keep out of reasons. */
export function secretsOfSmtpUrl(smtpUrl: string | undefined): string[] {
  if (!smtpUrl) return [];
  const password = new URL(smtpUrl).password;
  return password ? [password, decodeURIComponent(password)] : [];
}
