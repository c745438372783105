import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(__dirname, '../../../test-output/screenshots');

/** Generous enough for a loaded CI machine, short enough that a broken page fails fast. */
export const WAIT_MS = 10_000;

export const PHONE = { width: 375, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

/** Headless Debian Chromium with a fresh temporary profile (playwright creates one per launch). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * One actor = one context (own cookies, sessionStorage and socket). Page errors and failed
 * console messages are collected so a test can assert that the page ran cleanly (CSP violations
 * show up there too).
 */
export interface Actor {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

export async function newActor(browser: Browser, baseURL: string, options: BrowserContextOptions = {}): Promise<Actor> {
  // Reduced motion: the design system's details open with a 0.4 s height transition, and a click
  // during it can press on the button and release on what slid under the pointer (no click event).
  const context = await browser.newContext({ baseURL, viewport: DESKTOP, locale: 'nb-NO', timezoneId: 'Europe/Oslo', reducedMotion: 'reduce', ...options });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}

/** Waits until the locator is visible (no sleeps anywhere). */
export async function visible(locator: Locator, timeout = WAIT_MS): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

export async function hidden(locator: Locator, timeout = WAIT_MS): Promise<void> {
  await locator.waitFor({ state: 'hidden', timeout });
}

/** Waits until the element with this id has focus; fails with what has focus instead. */
export async function expectFocus(page: Page, selector: string, timeout = WAIT_MS): Promise<void> {
  try {
    await page.waitForFunction((sel) => {
      const doc = (globalThis as any).document;
      const target = doc.querySelector(sel);
      return Boolean(target) && doc.activeElement === target;
    }, selector, { timeout });
  } catch {
    const active = await describeFocus(page);
    throw new Error(`expected focus on ${selector}, but it is on ${active}`);
  }
}

export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = (globalThis as any).document.activeElement;
    if (!active) return 'nothing';
    return `<${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}${active.name ? ` name=${active.name}` : ''}> "${String(active.textContent || active.value || '').trim().slice(0, 60)}"`;
  });
}

/** Presses Tab until the element matching `selector` has focus (keyboard-only navigation). */
export async function tabTo(page: Page, selector: string, maxTabs = 40): Promise<void> {
  for (let i = 0; i < maxTabs; i += 1) {
    const there = await page.evaluate((sel) => {
      const doc = (globalThis as any).document;
      return doc.activeElement !== null && doc.activeElement === doc.querySelector(sel);
    }, selector);
    if (there) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector} (${maxTabs} presses); focus is on ${await describeFocus(page)}`);
}

/** True when the page scrolls sideways (WCAG 1.4.10 reflow). */
export function scrollsSideways(page: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const doc = (globalThis as any).document;
    const clientWidth: number = doc.documentElement.clientWidth;
    const culprits: string[] = [];
    for (const node of Array.from(doc.body.querySelectorAll('*')) as any[]) {
      const box = node.getBoundingClientRect();
      if (box.width > 0 && box.right > clientWidth + 1 && culprits.length < 8) {
        culprits.push(`<${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''} class="${node.className}"> right=${Math.round(box.right)}`);
      }
    }
    return { scrollWidth: doc.documentElement.scrollWidth as number, clientWidth, culprits };
  });
}

export async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, clientWidth, culprits } = await scrollsSideways(page);
  if (scrollWidth > clientWidth) {
    throw new Error(`${label}: page is ${scrollWidth}px wide in a ${clientWidth}px viewport; too wide:\n  ${culprits.join('\n  ')}`);
  }
}

/** Full-page PNG under test-output/screenshots (git-ignored), at phone and desktop width. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const before = page.viewportSize() ?? DESKTOP;
  for (const [label, size] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${label}.png`), fullPage: true, animations: 'disabled' });
  }
  await page.setViewportSize(before);
}

/** The visible text of the chat log bubbles, in order. */
export function logBodies(log: Locator): Promise<string[]> {
  return log.locator('.msg__body').allInnerTexts();
}

/** Waits until some element matching `selector` contains `text`. */
export async function waitForText(page: Page, selector: string, text: string, timeout = WAIT_MS): Promise<void> {
  try {
    await page.waitForFunction(
      ([sel, wanted]) => Array.from((globalThis as any).document.querySelectorAll(sel) as ArrayLike<any>).some((n: any) => String(n.textContent).includes(wanted)),
      [selector, text] as const,
      { timeout },
    );
  } catch {
    const seen = await page.locator(selector).allInnerTexts().catch(() => []);
    throw new Error(`no ${selector} containing "${text}" within ${timeout} ms; saw: ${JSON.stringify(seen).slice(0, 500)}`);
  }
}
