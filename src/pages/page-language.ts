import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, resolveLanguage, type PageLanguage } from '../i18n/i18n';

export const LANGUAGE_COOKIE = 'lang';
const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function pageLanguageMiddleware(request: Request, response: Response, next: NextFunction): void {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  const lang = resolveLanguage(query, readCookie(request.headers.cookie, LANGUAGE_COOKIE), request.headers['accept-language']);
  if (isLanguage(query) && request.method === 'GET' && !request.path.startsWith('/api/')) {
    response.cookie(LANGUAGE_COOKIE, query, { sameSite: 'lax', maxAge: ONE_YEAR_MS, httpOnly: true, path: '/', secure: request.secure });
  }
  response.locals.lang = lang;
  response.locals.languageLinks = languageLinks(request, lang);
  next();
}

export function languageLinks(request: Request, current: PageLanguage) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries((request.query as Record<string, unknown> | undefined) ?? {})) {
    if (name !== 'lang' && typeof value === 'string') query.append(name, value);
  }
  return LANGUAGES.map((code) => {
    query.set('lang', code);
    return { code, labelKey: `lang.${code}`, href: `${request.path}?${query.toString()}`, current: code === current };
  });
}

export const PageLang = createParamDecorator((_: unknown, context: ExecutionContext): PageLanguage => {
  const lang = context.switchToHttp().getResponse<Response>().locals?.lang;
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
});
