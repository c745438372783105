import { validationError } from '../common/errors';
import type { PersonDto } from './dto/person.dto';

/** The keys of one person as they are compared: identity number, e-mail in lower case, phone as digits. */
export interface Person {
  nationalId: string | null;
  email: string | null;
  phone: string | null;
}

const digits = (phone: string) => phone.replace(/\D/g, '');

export function personFrom(dto: PersonDto): Person {
  const person = {
    nationalId: dto.nationalId ?? null,
    email: dto.email ? dto.email.toLowerCase() : null,
    phone: dto.phone ? digits(dto.phone) : null,
  };
  if (!person.nationalId && !person.email && !person.phone) {
    throw validationError('Give a national identity number, an e-mail address or a phone number', [
      { field: 'nationalId', message: 'one of nationalId, email, phone is required' },
    ]);
  }
  return person;
}

/** The same number with and without Norway's country code (+47 or 0047). */
export function phoneVariants(phoneDigits: string): string[] {
  let local = phoneDigits;
  if (phoneDigits.startsWith('0047')) local = phoneDigits.slice(4);
  else if (phoneDigits.startsWith('47') && phoneDigits.length === 10) local = phoneDigits.slice(2);
  return [...new Set([phoneDigits, local, `47${local}`, `0047${local}`])];
}

// Stored phones hold only digits, spaces, +, ( ) and - (contact-fields.ts).
const PHONE_DIGITS = `replace(replace(replace(replace(replace(t.citizen_phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', '')`;

/**
 * The WHERE clause (over `tickets t`) that picks the person's tickets: one of their keys on the ticket, or an
 * e-mail they sent into it or were sent from it. `withheld` picks instead the tickets that match a key but
 * carry another identity number (a shared family address or phone): those are someone else's until the
 * supervisor searches with that number, so they are neither exported nor erased.
 */
export function ticketsOfPerson(person: Person, list: (n: number) => string, which: 'own' | 'withheld' = 'own'): { where: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  if (person.nationalId) {
    parts.push('t.national_id = ?');
    params.push(person.nationalId);
  }
  if (person.email) {
    parts.push('lower(t.citizen_email) = ?');
    parts.push("t.id IN (SELECT m.ticket_id FROM mails m WHERE (m.direction = 'in' AND lower(m.from_address) = ?) OR (m.direction = 'out' AND lower(m.to_address) = ?))");
    params.push(person.email, person.email, person.email);
  }
  if (person.phone) {
    const variants = phoneVariants(person.phone);
    parts.push(`${PHONE_DIGITS} IN (${list(variants.length)})`);
    params.push(...variants);
  }
  const matches = `(${parts.map((part) => `(${part})`).join(' OR ')})`;
  const ownNumber = person.nationalId ? '(t.national_id IS NULL OR t.national_id = ?)' : 't.national_id IS NULL';
  if (person.nationalId) params.push(person.nationalId);
  return { where: `${matches} AND ${which === 'own' ? ownNumber : `NOT ${ownNumber}`}`, params };
}
