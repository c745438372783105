import { IdportenLogin, IdportenLookup, IdportenUser, KrrLookup, KrrPerson, UNAVAILABLE } from './registry.types';

// Lenient: both registers leave out empty keys and write some offsets as `+02`.

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

const code = (value: unknown): string | undefined => text(value)?.toUpperCase();

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

// No zone at all is read as UTC, which is what the registers mean by it.
export function normaliseTimestamp(value: unknown): string | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  const m = TIMESTAMP.exec(raw);
  if (!m) return undefined;
  const [, date, time = '00:00:00', zone] = m;
  let offset = 'Z';
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    offset = `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
  }
  const parsed = new Date(`${date}T${time.replace(',', '.')}${offset}`);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

function parseKrrPerson(raw: Json): KrrPerson {
  const contact = isObject(raw.kontaktinformasjon) ? raw.kontaktinformasjon : {};
  const post = isObject(raw.digital_post) ? raw.digital_post : undefined;
  const address = text(post?.postkasseadresse);
  const providerOrgNumber = text(post?.postkasseleverandoeradresse)?.replace(/\s+/g, '');
  return {
    nationalId: text(raw.personidentifikator),
    status: code(raw.status),
    reserved: code(raw.reservasjon) === 'JA',
    reservedAt: normaliseTimestamp(raw.reservasjonstidspunkt),
    reservationUpdatedAt: normaliseTimestamp(raw.reservasjon_oppdatert),
    notificationStatus: code(raw.varslingsstatus),
    contact: {
      email: text(contact.epostadresse),
      emailUpdatedAt: normaliseTimestamp(contact.epostadresse_oppdatert),
      emailVerifiedAt: normaliseTimestamp(contact.epostadresse_sist_verifisert),
      mobile: text(contact.mobiltelefonnummer),
      mobileUpdatedAt: normaliseTimestamp(contact.mobiltelefonnummer_oppdatert),
      mobileVerifiedAt: normaliseTimestamp(contact.mobiltelefonnummer_sist_verifisert),
    },
    mailbox: address || providerOrgNumber ? { address, providerOrgNumber } : undefined,
    language: text(raw.spraak)?.toLowerCase(),
  };
}

// A person without `personidentifikator` is taken only when it is the single one in the answer.
export function parseKrrResponse(body: unknown, nationalId: string): KrrLookup {
  if (!isObject(body)) return UNAVAILABLE;
  if (body.personer === undefined || body.personer === null) return undefined;
  if (!Array.isArray(body.personer)) return UNAVAILABLE;
  const people = body.personer.filter(isObject);
  const match = people.find((p) => text(p.personidentifikator) === nationalId) ?? (people.length === 1 && text(people[0].personidentifikator) === undefined ? people[0] : undefined);
  return match ? { ...parseKrrPerson(match), nationalId } : undefined;
}

function parseLogin(raw: unknown): IdportenLogin | undefined {
  if (!isObject(raw)) return undefined;
  const eid = text(raw.eid);
  if (!eid) return undefined;
  return { eid, firstLogin: normaliseTimestamp(raw.first_login), lastLogin: normaliseTimestamp(raw.last_login) };
}

function parseUser(raw: Json): IdportenUser {
  const status = isObject(raw.status) ? raw.status : {};
  return {
    id: text(raw.id),
    nationalId: text(raw.person_identifier),
    // Only an explicit `false` closes an account; a left-out key is not a closure.
    active: !(raw.active === false || text(raw.active)?.toLowerCase() === 'false'),
    closedCode: text(status.closed_code),
    closedAt: normaliseTimestamp(status.closed_date),
    logins: (Array.isArray(raw.logins) ? raw.logins : []).map(parseLogin).filter((l): l is IdportenLogin => l !== undefined),
    helpDeskReferences: (Array.isArray(raw.help_desk_references) ? raw.help_desk_references : []).map(text).filter((r): r is string => r !== undefined),
    createdAt: normaliseTimestamp(raw.created),
    lastModifiedAt: normaliseTimestamp(raw.last_modified),
  };
}

export function parseIdportenUsers(body: unknown, nationalId: string): IdportenLookup {
  if (!Array.isArray(body)) return UNAVAILABLE;
  return body
    .filter(isObject)
    .filter((u) => {
      const owner = text(u.person_identifier);
      return owner === undefined || owner === nationalId;
    })
    .map(parseUser);
}
