import type { Frame, Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe';
import { describeFocus, WAIT_MS } from './browser';

/** The launcher and panel live in the loader's shadow root (Playwright's CSS locators pierce it). */
export const launcher = (page: Page) => page.locator('desk-chat-widget .launch');
export const panel = (page: Page) => page.locator('desk-chat-widget .panel');

/** Waits until an element of the widget (in its shadow root) matching `selector` contains `text`. */
export async function widgetText(page: Page, selector: string, text: string): Promise<void> {
  try {
    await page.locator(selector, { hasText: text }).first().waitFor({ state: 'attached', timeout: WAIT_MS });
  } catch {
    throw new Error(`no ${selector} containing "${text}"; saw: ${JSON.stringify(await page.locator(selector).allInnerTexts().catch(() => []))}`);
  }
}

/** The widget's frame (the desk's /widget/frame) once it has loaded. */
export async function widgetFrame(page: Page): Promise<Frame> {
  await page.waitForFunction(() => Boolean((globalThis as any).document.querySelector('desk-chat-widget')), undefined, { timeout: WAIT_MS });
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/widget/frame'));
    if (frame) {
      await frame.waitForSelector('#chat-log', { state: 'attached', timeout: WAIT_MS });
      return frame;
    }
    if (Date.now() > deadline) throw new Error('the widget frame never loaded');
    await page.waitForEvent('framenavigated', { timeout: WAIT_MS });
  }
}

/** Which element of the widget has the focus, seen from the host page: "launch", "min", "close", "frame" or something else. */
export function widgetFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const doc = (globalThis as any).document;
    const active = doc.activeElement;
    if (active?.tagName !== 'DESK-CHAT-WIDGET') return `host:${active?.tagName?.toLowerCase() ?? 'nothing'}`;
    const inner = active.shadowRoot.activeElement;
    return inner?.tagName === 'IFRAME' ? 'frame' : String(inner?.className ?? 'nothing');
  });
}

export async function expectWidgetFocus(page: Page, where: string): Promise<void> {
  try {
    await page.waitForFunction(
      (wanted) => {
        const active = (globalThis as any).document.activeElement;
        const inner = active?.tagName === 'DESK-CHAT-WIDGET' ? active.shadowRoot.activeElement : null;
        return wanted === 'frame' ? inner?.tagName === 'IFRAME' : inner?.className === wanted;
      },
      where,
      { timeout: WAIT_MS },
    );
  } catch {
    throw new Error(`expected the widget's focus on ${where}, but it is on ${await widgetFocus(page)}`);
  }
}

/** Waits until the element matching `selector` in the frame has the focus. */
export async function expectFrameFocus(frame: Frame, selector: string): Promise<void> {
  try {
    await frame.waitForFunction((sel) => (globalThis as any).document.activeElement === (globalThis as any).document.querySelector(sel), selector, { timeout: WAIT_MS });
  } catch {
    throw new Error(`expected focus on ${selector} in the frame, but it is on ${await describeFocus(frame as unknown as Page)}`);
  }
}

/** Presses Tab (on the host page's keyboard) until the frame's element matching `selector` has the focus. */
export async function tabInFrame(page: Page, frame: Frame, selector: string, maxTabs = 30): Promise<void> {
  for (let i = 0; i < maxTabs; i += 1) {
    if (await frame.evaluate((sel) => (globalThis as any).document.activeElement === (globalThis as any).document.querySelector(sel), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector} in the frame; focus is on ${await describeFocus(frame as unknown as Page)}`);
}

/** Presses Tab on the host page until the launcher has the focus. */
export async function tabToLauncher(page: Page, maxTabs = 20): Promise<void> {
  for (let i = 0; i < maxTabs; i += 1) {
    if ((await widgetFocus(page)) === 'launch') return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the launcher; focus is on ${await widgetFocus(page)}`);
}

/** axe on the host page (launcher, panel) and in the frame (the chat), for one state of the widget. */
export async function expectWidgetAccessible(page: Page, state: string): Promise<void> {
  await expectNoAxeViolations(page, `host page, ${state}`, { iframes: false });
  await expectNoAxeViolations(await widgetFrame(page), `widget frame, ${state}`);
}
