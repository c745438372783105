import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';

const AXE_PATH = require.resolve('axe-core/axe.min.js');
let axeSource: string | undefined;
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 6)
        .map((n) => `    - ${JSON.stringify(n.target)}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s))\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/** Runs axe-core in the page for the WCAG 2.0/2.1 A and AA rules; throws with a readable list on any violation. */
export async function expectNoAxeViolations(page: Page | Frame, state: string, options: { iframes?: boolean } = {}): Promise<void> {
  const loaded = await page.evaluate(() => typeof (globalThis as any).axe !== 'undefined');
  // page.addScriptTag would add an inline <script>, which the pages' strict CSP (rightly) blocks;
  // evaluating the source through the DevTools protocol is not subject to CSP.
  if (!loaded) await page.evaluate((axeSource ??= readFileSync(AXE_PATH, 'utf8')));
  const violations = await page.evaluate(
    ([tags, iframes]) =>
      (globalThis as any).axe
        .run((globalThis as any).document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], iframes })
        .then((result: any) =>
          result.violations.map((v: any) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            helpUrl: v.helpUrl,
            nodes: v.nodes.map((n: any) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
          })),
        ),
    [WCAG_AA_TAGS, options.iframes ?? true] as const,
  );
  if (violations.length > 0) {
    throw new Error(`axe: ${violations.length} WCAG A/AA violation(s) on "${state}" (${page.url()}):\n${formatViolations(violations)}`);
  }
}
