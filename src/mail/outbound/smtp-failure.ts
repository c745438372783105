import { headerSafe } from '../mail-headers';

export interface SendFailure {
  permanent: boolean;
  // Shown to staff, so never a secret.
  reason: string;
}

interface SmtpError {
  message?: string;
  code?: string;
  responseCode?: number;
  response?: string;
}

const MAX_REASON = 500;

export class UnsendableMail extends Error {}

// 503 is a glitch of the session; a refused log-in is the desk's settings, not the mail: both temporary.
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

export function secretsOfSmtpUrl(smtpUrl: string | undefined): string[] {
  if (!smtpUrl) return [];
  const password = new URL(smtpUrl).password;
  return password ? [password, decodeURIComponent(password)] : [];
}
