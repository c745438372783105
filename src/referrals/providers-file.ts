import { readFileSync } from 'node:fs';
import { LANGUAGES, type Language } from '../tickets/ticket.types';

export const PROVIDERS = ['digipost', 'e-boks'] as const;
export type Provider = (typeof PROVIDERS)[number];

export type Localized = Record<Language, string>;

export interface ProviderContact {
  name: string;
  phone: string;
  email?: string;
  contactForm?: string;
  web: Localized;
}

export interface DeskContact {
  email: string;
  phone: string;
  hours: Localized;
}

export interface ProvidersFile {
  providers: Record<Provider, ProviderContact>;
  changeMailboxUrl: string;
  desk: DeskContact;
}

export class ProvidersFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Invalid providers file ${file} (PROVIDERS_FILE):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function readProvidersFile(file: string): ProvidersFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ProvidersFileError(file, [`cannot be read: ${(error as Error).message}`]);
  }
  return parseProvidersFile(text, file);
}

export function parseProvidersFile(text: string, file: string): ProvidersFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ProvidersFileError(file, [`is not valid JSON: ${(error as Error).message}`]);
  }
  const problems: string[] = [];
  const check = new Checker(problems);
  const root = check.object(raw, '(file)');

  const providersRaw = check.object(root?.providers, 'providers');
  const providers = {} as Record<Provider, ProviderContact>;
  for (const id of PROVIDERS) {
    const entry = check.object(providersRaw?.[id], `providers.${id}`);
    const path = `providers.${id}`;
    const contact: ProviderContact = {
      name: check.text(entry?.name, `${path}.name`),
      phone: check.phone(entry?.phone, `${path}.phone`),
      web: check.localizedUrl(entry?.web, `${path}.web`),
    };
    if (entry?.email !== undefined) contact.email = check.email(entry.email, `${path}.email`);
    if (entry?.contactForm !== undefined) contact.contactForm = check.url(entry.contactForm, `${path}.contactForm`);
    if (entry && contact.email === undefined && contact.contactForm === undefined) {
      problems.push(`${path} needs an "email" or a "contactForm"`);
    }
    providers[id] = contact;
  }
  for (const key of Object.keys(providersRaw ?? {})) {
    if (!(PROVIDERS as readonly string[]).includes(key)) problems.push(`providers.${key} is not a known provider (${PROVIDERS.join(', ')})`);
  }

  const changeMailbox = check.object(root?.changeMailbox, 'changeMailbox');
  const changeMailboxUrl = check.url(changeMailbox?.url, 'changeMailbox.url');

  const deskRaw = check.object(root?.desk, 'desk');
  const desk: DeskContact = {
    email: check.email(deskRaw?.email, 'desk.email'),
    phone: check.phone(deskRaw?.phone, 'desk.phone'),
    hours: check.localizedText(deskRaw?.hours, 'desk.hours'),
  };

  if (problems.length > 0) throw new ProvidersFileError(file, problems);
  return { providers, changeMailboxUrl, desk };
}

type Json = Record<string, unknown>;

class Checker {
  constructor(private readonly problems: string[]) {}

  object(value: unknown, path: string): Json | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
    this.problems.push(value === undefined ? `${path} is missing` : `${path} must be an object`);
    return undefined;
  }

  text(value: unknown, path: string): string {
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    this.problems.push(value === undefined ? `${path} is missing` : `${path} must be a non-empty text`);
    return '';
  }

  phone(value: unknown, path: string): string {
    const phone = this.text(value, path);
    if (phone && !/^[+()\d][\d ()+-]{5,}$/.test(phone)) this.problems.push(`${path} "${phone}" is not a phone number`);
    return phone;
  }

  email(value: unknown, path: string): string {
    const email = this.text(value, path);
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) this.problems.push(`${path} "${email}" is not an e-mail address`);
    return email;
  }

  url(value: unknown, path: string): string {
    const url = this.text(value, path);
    if (!url) return url;
    try {
      if (new URL(url).protocol !== 'https:') throw new Error('not https');
    } catch {
      this.problems.push(`${path} "${url}" is not an https:// address`);
    }
    return url;
  }

  localizedUrl(value: unknown, path: string): Localized {
    if (typeof value === 'string' || value === undefined) {
      const url = this.url(value, path);
      return { nb: url, nn: url, en: url };
    }
    return this.perLanguage(value, path, (v, p) => this.url(v, p));
  }

  localizedText(value: unknown, path: string): Localized {
    return this.perLanguage(value, path, (v, p) => this.text(v, p));
  }

  private perLanguage(value: unknown, path: string, read: (value: unknown, path: string) => string): Localized {
    const entry = this.object(value, path);
    const result = {} as Localized;
    for (const language of LANGUAGES) result[language] = entry ? read(entry[language], `${path}.${language}`) : '';
    return result;
  }
}
