import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** public/js, where the browser modules live (served as /js). */
export const BROWSER_JS = join(__dirname, '..', '..', 'public', 'js');

const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+'(\.{1,2}\/[^']+)'|^\s*import\s+'(\.{1,2}\/[^']+)'/gm;

/**
 * The source of the modules a page loads ('/js/…' paths, vendored clients skipped) and of every
 * module they import, each once: what the page can run.
 */
export function pageModuleSources(entries: readonly string[]): string {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(IMPORT)) visit(resolve(dirname(file), match[1] ?? match[2]));
  };
  for (const entry of entries) if (entry.startsWith('/js/')) visit(join(BROWSER_JS, entry.slice('/js/'.length)));
  return [...seen].map((file) => `// ${relative(BROWSER_JS, file)}\n${readFileSync(file, 'utf8')}`).join('\n');
}

/** The text keys the sources ask for with text('…'). */
export const askedTextKeys = (source: string) => [...source.matchAll(/\btext\('([^']+)'/g)].map((m) => m[1]);
