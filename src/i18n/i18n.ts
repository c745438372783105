import en from './en.json';
import nb from './nb.json';
import nn from './nn.json';

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type PageLanguage = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: PageLanguage = 'nb';

export type Messages = Readonly<Record<string, string>>;
export type TranslationArgs = Readonly<Record<string, unknown>>;

// `i18n.spec.ts` keeps the key sets identical.
export const MESSAGES: Readonly<Record<PageLanguage, Messages>> = { nb, nn, en };

export function isLanguage(value: unknown): value is PageLanguage {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

// Falls back to bokmål, then to the key itself, so a slip shows up as a key, not a crash.
export function translate(lang: string, key: string, args: TranslationArgs = {}): string {
  const messages = MESSAGES[isLanguage(lang) ? lang : DEFAULT_LANGUAGE];
  const template = messages[key] ?? MESSAGES[DEFAULT_LANGUAGE][key] ?? key;
  return interpolate(template, args);
}

export function interpolate(template: string, args: TranslationArgs): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(args, name) && args[name] !== undefined && args[name] !== null ? String(args[name]) : whole,
  );
}

export function hasTranslation(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(MESSAGES[DEFAULT_LANGUAGE], key);
}

export function textsFor(lang: PageLanguage, prefixes: readonly string[]): Record<string, string> {
  const messages = MESSAGES[lang];
  return Object.fromEntries(Object.entries(messages).filter(([key]) => prefixes.some((prefix) => key.startsWith(prefix))));
}

export function resolveLanguage(queryLang?: unknown, cookieLang?: unknown, acceptLanguage?: unknown): PageLanguage {
  if (isLanguage(queryLang)) return queryLang;
  if (isLanguage(cookieLang)) return cookieLang;
  if (typeof acceptLanguage === 'string') return fromAcceptLanguage(acceptLanguage) ?? DEFAULT_LANGUAGE;
  return DEFAULT_LANGUAGE;
}

function fromAcceptLanguage(header: string): PageLanguage | undefined {
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/i.exec(p)).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (primary === 'nb' || primary === 'no') return 'nb';
    if (primary === 'nn') return 'nn';
    if (primary === 'en') return 'en';
  }
  return undefined;
}
