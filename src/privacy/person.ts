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

/** The same number with and without Norway's country code. */
export function phoneVariants(phoneDigits: string): string[] {
  const variants = new Set([phoneDigits, `47${phoneDigits}`]);
  if (phoneDigits.startsWith('47') && phoneDigits.length === 10) variants.add(phoneDigits.slice(2));
  if (phoneDigits.startsWith('0047')) variants.add(phoneDigits.slice(4));
  return [...variants];
}

// Stored phones hold only digits, spaces, +, ( ) and - (contact-fields.ts).
const PHONE_DIGITS = `replace(replace(replace(replace(replace(t.citizen_phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', '')`;

/** The WHERE clause (over `tickets t`) that picks the person's tickets. */
export function ticketsOfPerson(person: Person, list: (n: number) => string): { where: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  if (person.nationalId) {
    parts.push('t.national_id = ?');
    params.push(person.nationalId);
  }
  if (person.email) {
    parts.push('lower(t.citizen_email) = ?');
    parts.push('t.id IN (SELECT m.ticket_id FROM mails m WHERE lower(m.from_address) = ? OR lower(m.to_address) = ?)');
    params.push(person.email, person.email, person.email);
  }
  if (person.phone) {
    const variants = phoneVariants(person.phone);
    parts.push(`${PHONE_DIGITS} IN (${list(variants.length)})`);
    params.push(...variants);
  }
  return { where: parts.map((part) => `(${part})`).join(' OR '), params };
}
