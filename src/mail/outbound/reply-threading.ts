import type { Language } from '../../tickets/ticket.types';
import { headerSafe, messageIdsIn, subjectWithReference } from '../mail-headers';

/** The mail a reply answers: the newest one the citizen sent on the ticket. */
export interface AnsweredMail {
  headerMessageId: string;
  subject: string;
  references: string | null;
}

export interface Threading {
  subject: string;
  inReplyTo: string | null;
  references: string | null;
}

/** References kept: the thread's first mail and the newest ones (RFC 5322 3.6.4 allows trimming). */
export const MAX_REFERENCES = 20;

const FIRST_MAIL_SUBJECT: Record<Language, string> = {
  nb: 'Svar fra brukerstøtten',
  nn: 'Svar frå brukarstøtta',
  en: 'Reply from user support',
};

/** "Re:", "SV:", "AW:", "Vs:", "Antw:" and the like, however many, at the start of a subject. */
const REPLY_PREFIXES = /^(?:\s*(?:re|sv|aw|vs|antw|fw|fwd|vb)\s*(?:\[\d+\])?\s*:\s*)+/i;

/**
 * Subject and threading headers of a mail from the desk on a ticket: an answer to the citizen's
 * newest mail carries its Message-ID in In-Reply-To and References, so their mail program shows one
 * conversation; the reference in the subject brings their answer back to the ticket either way.
 */
export function replyThreading(reference: string, language: Language, answered: AnsweredMail | null): Threading {
  if (!answered) return { subject: subjectWithReference(FIRST_MAIL_SUBJECT[language], reference), inReplyTo: null, references: null };
  const topic = headerSafe(answered.subject).replace(REPLY_PREFIXES, '').trim();
  const subject = subjectWithReference(topic ? `Re: ${topic}` : `Re: ${FIRST_MAIL_SUBJECT[language]}`, reference);
  const chain = [...new Set([...messageIdsIn(answered.references), answered.headerMessageId])];
  const kept = chain.length > MAX_REFERENCES ? [chain[0], ...chain.slice(-(MAX_REFERENCES - 1))] : chain;
  return { subject, inReplyTo: answered.headerMessageId, references: kept.join(' ') };
}
