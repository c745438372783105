import type { NestExpressApplication } from '@nestjs/platform-express';
import hbs from 'hbs';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pageLanguageMiddleware } from './page-language';
import { jsonForScript, viewHelpers } from './view-helpers';

// src/pages under ts-jest, dist/pages after tsc.
export const PROJECT_ROOT = join(__dirname, '..', '..');
export const VIEWS_DIR = join(PROJECT_ROOT, 'views');
const PARTIALS_DIR = join(VIEWS_DIR, 'partials');

export function configureViews(app: NestExpressApplication): void {
  app.setBaseViewsDir(VIEWS_DIR);
  app.setViewEngine('hbs');
  app.set('view options', { layout: 'layouts/main' });
  registerPartials(PARTIALS_DIR);
  for (const [name, helper] of Object.entries(viewHelpers)) hbs.registerHelper(name, helper);
  hbs.registerHelper('json', (value: unknown) => new hbs.handlebars.SafeString(jsonForScript(value)));
  // Escaped text with its line breaks kept (transcripts are plain HTML without CSS).
  hbs.registerHelper('multiline', (value: unknown) =>
    new hbs.handlebars.SafeString(hbs.handlebars.escapeExpression(String(value ?? '')).replace(/\r?\n/g, '<br>\n')),
  );
  app.use(pageLanguageMiddleware);
}

// hbs.registerPartials is asynchronous: a page rendered before it finishes would miss its partials.
function registerPartials(dir: string, root = dir): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      registerPartials(path, root);
    } else if (entry.name.endsWith('.hbs')) {
      const name = relative(root, path).slice(0, -'.hbs'.length).split(sep).join('/');
      hbs.registerPartial(name, readFileSync(path, 'utf8'));
    }
  }
}
