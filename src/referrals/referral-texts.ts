import type { Language } from '../tickets/ticket.types';
import type { ProviderContact } from './providers-file';

// Web addresses are kept out of the last position, so a trailing full stop is never taken for part of a link.
export function composeReferralMessage(contact: ProviderContact, language: Language): string {
  const { name, phone, email, contactForm } = contact;
  const web = contact.web[language];
  const formOnWeb = contactForm !== undefined && contactForm === web;
  const otherForm = contactForm !== undefined && !formOnWeb ? contactForm : undefined;

  switch (language) {
    case 'nb':
      return [
        `Dette spørsmålet må du ta opp med ${name}, som er postkassen du har valgt.`,
        `Du når kundeservice hos ${name} på telefon ${phone}${email ? ` eller e-post ${email}` : ''}.`,
        `På ${web} finner du svar på vanlige spørsmål${formOnWeb ? ' og et kontaktskjema' : ''}.`,
        otherForm ? `Du kan også bruke kontaktskjemaet på ${otherForm}.` : '',
      ]
        .filter(Boolean)
        .join(' ');
    case 'nn':
      return [
        `Dette spørsmålet må du ta opp med ${name}, som er postkassa du har valt.`,
        `Du når kundeservice hos ${name} på telefon ${phone}${email ? ` eller e-post ${email}` : ''}.`,
        `På ${web} finn du svar på vanlege spørsmål${formOnWeb ? ' og eit kontaktskjema' : ''}.`,
        otherForm ? `Du kan òg bruke kontaktskjemaet på ${otherForm}.` : '',
      ]
        .filter(Boolean)
        .join(' ');
    case 'en':
      return [
        `This is a question for ${name}, the digital mailbox you have chosen.`,
        `You can reach ${name} customer service by phone on ${phone}${email ? ` or by e-mail at ${email}` : ''}.`,
        `At ${web} you will find answers to common questions${formOnWeb ? ' and a contact form' : ''}.`,
        otherForm ? `You can also use the contact form at ${otherForm}.` : '',
      ]
        .filter(Boolean)
        .join(' ');
    default: {
      const unknown: never = language;
      throw new Error(`No referral text for language ${String(unknown)}`);
    }
  }
}
