export interface MailSignals {
  fromAddress: string | null;
  headers: ReadonlyMap<string, string>;
}

export type Admission =
  | { take: false; reason: string }
  | { take: true; acknowledge: true }
  | { take: true; acknowledge: false; reason: string };

// A responder that does not thread cannot loop.
export const MAX_ACKS_PER_ADDRESS_PER_DAY = 3;

const SYSTEM_SENDER = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply)@/i;
const BULK_PRECEDENCE = /^\s*(bulk|junk|list|auto_reply)\s*$/i;

// RFC 3834 and common practice.
export function automaticBecause(mail: MailSignals): string | null {
  const header = (name: string) => mail.headers.get(name)?.trim() ?? null;
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && !/^no\b/i.test(autoSubmitted)) return `Auto-Submitted: ${autoSubmitted.slice(0, 40)}`;
  const precedence = header('precedence');
  if (precedence && BULK_PRECEDENCE.test(precedence)) return `Precedence: ${precedence.slice(0, 20)}`;
  if (header('list-id') !== null) return 'List-Id';
  if (header('list-unsubscribe') !== null) return 'List-Unsubscribe';
  if (header('x-autoreply') !== null || header('x-autorespond') !== null || header('x-auto-response-suppress')?.match(/\b(all|autoreply)\b/i)) {
    return 'X-Autoreply';
  }
  const returnPath = header('return-path');
  if (returnPath !== null && /^<?\s*>?$/.test(returnPath)) return 'empty Return-Path';
  if (!mail.fromAddress) return 'no sender address';
  if (SYSTEM_SENDER.test(mail.fromAddress)) return 'system sender';
  return null;
}

// Our own address is refused: our acknowledgement coming back would open a ticket that acknowledges itself.
export function admit(mail: MailSignals, ourAddress: string, history: { ackedOnTicket: boolean; acksToAddressToday: number }): Admission {
  if (mail.fromAddress && mail.fromAddress.toLowerCase() === ourAddress.toLowerCase()) return { take: false, reason: 'sent from our own address' };
  const automatic = automaticBecause(mail);
  if (automatic) return { take: true, acknowledge: false, reason: `automatic mail (${automatic})` };
  if (history.ackedOnTicket) return { take: true, acknowledge: false, reason: 'acknowledged on this ticket already' };
  if (history.acksToAddressToday >= MAX_ACKS_PER_ADDRESS_PER_DAY) return { take: true, acknowledge: false, reason: 'daily acknowledgement cap for this address' };
  return { take: true, acknowledge: true };
}
