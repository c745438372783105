import type { Language } from '../../tickets/ticket.types';
import { headerSafe, messageIdsIn, subjectWithReference } from '../mail-headers';

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

// RFC 5322 3.6.4 allows trimming.
export const MAX_REFERENCES = 20;

const FIRST_MAIL_SUBJECT: Record<Language, string> = {
  nb: 'Svar fra brukerstøtten',
  nn: 'Svar frå brukarstøtta',
  en: 'Reply from user support',
};

const REPLY_PREFIXES = /^(?:\s*(?:re|sv|aw|vs|antw|fw|fwd|vb)\s*(?:\[\d+\])?\s*:\s*)+/i;

export function replyThreading(reference: string, language: Language, answered: AnsweredMail | null): Threading {
  if (!answered) return { subject: subjectWithReference(FIRST_MAIL_SUBJECT[language], reference), inReplyTo: null, references: null };
  const topic = headerSafe(answered.subject).replace(REPLY_PREFIXES, '').trim();
  const subject = subjectWithReference(topic ? `Re: ${topic}` : `Re: ${FIRST_MAIL_SUBJECT[language]}`, reference);
  const chain = [...new Set([...messageIdsIn(answered.references), answered.headerMessageId])];
  const kept = chain.length > MAX_REFERENCES ? [chain[0], ...chain.slice(-(MAX_REFERENCES - 1))] : chain;
  return { subject, inReplyTo: answered.headerMessageId, references: kept.join(' ') };
}
