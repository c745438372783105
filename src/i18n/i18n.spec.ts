import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '../common/errors';
import { interpolate, LANGUAGES, MESSAGES, resolveLanguage, textsFor, translate } from './i18n';

const VIEWS = join(__dirname, '..', '..', 'views');
const PUBLIC_JS = join(__dirname, '..', '..', 'public', 'js');

const keysOf = (lang: (typeof LANGUAGES)[number]) => Object.keys(MESSAGES[lang]).sort();
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]).sort();

function filesUnder(dir: string, ending: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, ending);
    return entry.name.endsWith(ending) ? [path] : [];
  });
}

describe('translations', () => {
  it.each(LANGUAGES.filter((lang) => lang !== 'nb'))('%s has exactly the keys of bokmål', (lang) => {
    const reference = keysOf('nb');
    const keys = keysOf(lang);
    expect({ missing: reference.filter((k) => !keys.includes(k)), extra: keys.filter((k) => !reference.includes(k)) }).toEqual({ missing: [], extra: [] });
  });

  it.each(LANGUAGES)('%s has no empty text', (lang) => {
    expect(Object.entries(MESSAGES[lang]).filter(([, text]) => typeof text !== 'string' || text.trim() === '')).toEqual([]);
  });

  it('names every error code on the error page', () => {
    expect(ERROR_CODES.filter((code) => !(`error.code.${code}` in MESSAGES.nb))).toEqual([]);
  });

  it('uses the same placeholders in every language', () => {
    const differing = keysOf('nb').filter((key) => LANGUAGES.some((lang) => placeholders(MESSAGES[lang][key] ?? '').join() !== placeholders(MESSAGES.nb[key]).join()));
    expect(differing).toEqual([]);
  });

  it('has every key that a template asks for with {{t "…"}}', () => {
    const used = filesUnder(VIEWS, '.hbs').flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\{\{\s*t\s+"([^"]+)"/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(0);
    expect([...new Set(used.filter((key) => !(key in MESSAGES.nb)))]).toEqual([]);
  });

  it('has every key that a browser script asks for with text("…")', () => {
    const used = filesUnder(PUBLIC_JS, '.js').flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\btext\('([^']+)'\s*[,)]/g)].map((m) => m[1]));
    expect([...new Set(used.filter((key) => !(key in MESSAGES.nb)))]).toEqual([]);
  });
});

describe('translate', () => {
  it('looks a key up in the page language', () => {
    expect(translate('nb', 'status.open')).toBe('Chatten er åpen');
    expect(translate('nn', 'status.open')).toBe('Chatten er open');
    expect(translate('en', 'status.open')).toBe('The chat is open');
  });

  it('fills in {{name}} arguments', () => {
    expect(translate('en', 'queue.position', { position: 3 })).toBe('You are number 3 in the queue.');
    expect(translate('nn', 'chat.assigned', { agent: 'Kari' })).toBe('Du chattar med Kari.');
    expect(interpolate('{{a}} and {{ b }} and {{a}}', { a: 1, b: 'two' })).toBe('1 and two and 1');
  });

  it('leaves a placeholder without an argument as it is', () => {
    expect(interpolate('Hello {{name}}', {})).toBe('Hello {{name}}');
    expect(interpolate('Hello {{name}}', { name: null })).toBe('Hello {{name}}');
  });

  it('does not treat argument text as placeholders again', () => {
    expect(interpolate('{{a}}{{b}}', { a: '{{b}}', b: 'x' })).toBe('{{b}}x');
  });

  it('falls back to bokmål for an unknown language and to the key for an unknown key', () => {
    expect(translate('de', 'status.open')).toBe('Chatten er åpen');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });

  it('picks the texts a browser script needs by prefix', () => {
    const texts = textsFor('en', ['queue.']);
    expect(Object.keys(texts).length).toBeGreaterThan(0);
    expect(Object.keys(texts).every((key) => key.startsWith('queue.'))).toBe(true);
  });
});

describe('resolveLanguage', () => {
  it('defaults to bokmål', () => {
    expect(resolveLanguage(undefined, undefined, undefined)).toBe('nb');
    expect(resolveLanguage('xx', 'yy', 'de-DE,fr;q=0.8')).toBe('nb');
  });

  it('prefers the query, then the cookie, then Accept-Language', () => {
    expect(resolveLanguage('en', 'nn', 'nb')).toBe('en');
    expect(resolveLanguage(undefined, 'nn', 'en')).toBe('nn');
    expect(resolveLanguage('fr', 'nn', 'en')).toBe('nn');
    expect(resolveLanguage(undefined, undefined, 'en-GB,en;q=0.9')).toBe('en');
  });

  it('reads Accept-Language in order of preference, with "no" as bokmål', () => {
    expect(resolveLanguage(undefined, undefined, 'de;q=0.9,nn-NO;q=0.8,en;q=0.5')).toBe('nn');
    expect(resolveLanguage(undefined, undefined, 'en;q=0.4,no;q=0.6')).toBe('nb');
    expect(resolveLanguage(undefined, undefined, 'nb-NO')).toBe('nb');
    expect(resolveLanguage(undefined, undefined, 'nn;q=0,en')).toBe('en');
  });
});
