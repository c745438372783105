import { DateTime } from 'luxon';
import { DEFAULT_LANGUAGE, isLanguage, translate, type PageLanguage } from '../i18n/i18n';

export const DISPLAY_ZONE = 'Europe/Oslo';

// "en-GB": 24-hour clock and day-month order.
export const LOCALES: Readonly<Record<PageLanguage, string>> = { nb: 'nb', nn: 'nn', en: 'en-GB' };

export interface HelperOptions {
  hash?: Record<string, unknown>;
  data?: { root?: { lang?: unknown } };
}

export const pageLanguageOf = (options: HelperOptions | undefined): PageLanguage => {
  const lang = options?.data?.root?.lang;
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
};

// Raw text for the HTML parser: `<`, `>`, `&` and U+2028/2029 become `\u` escapes, which JSON.parse reads back.
export function jsonForScript(value: unknown): string {
  return (JSON.stringify(value ?? null) ?? 'null')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export type DateStyle = 'datetime' | 'date' | 'time' | 'weekday';

const FORMATS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  datetime: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  weekday: { weekday: 'long', day: 'numeric', month: 'long' },
};

export function formatInstant(value: unknown, lang: PageLanguage, style: DateStyle = 'datetime', zone = DISPLAY_ZONE): string {
  const moment =
    value instanceof Date ? DateTime.fromJSDate(value) : typeof value === 'string' ? DateTime.fromISO(value) : DateTime.invalid('not a date');
  if (!moment.isValid) return '';
  return moment.setZone(zone).setLocale(LOCALES[lang]).toLocaleString(FORMATS[style] ?? FORMATS.datetime);
}

export const viewHelpers = {
  t(key: unknown, options: HelperOptions): string {
    return translate(pageLanguageOf(options), String(key), options?.hash ?? {});
  },
  eq(a: unknown, b: unknown): boolean {
    return a === b;
  },
  concat(...args: unknown[]): string {
    return args.slice(0, -1).map((a) => (a === undefined || a === null ? '' : String(a))).join('');
  },
  formatDate(value: unknown, ...rest: unknown[]): string {
    const options = rest[rest.length - 1] as HelperOptions;
    const style = typeof rest[0] === 'string' ? (rest[0] as DateStyle) : 'datetime';
    const zone = typeof options?.hash?.zone === 'string' ? options.hash.zone : DISPLAY_ZONE;
    return formatInstant(value, pageLanguageOf(options), style, zone);
  },
};
