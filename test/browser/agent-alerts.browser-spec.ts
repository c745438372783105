import type { BrowserContext, Page } from 'playwright-core';
import { ask, VALID_CHAT } from '../support/test-app';
import { expectNoAxeViolations } from './support/axe';
import { browserSuite } from './support/harness';
import { expectFocus, visible, waitForText, WAIT_MS } from './support/browser';
import { acceptChat, agentConnected, loginThroughPage, setAvailable } from './support/staff';

const TITLE = 'Chatkonsoll – Brukerstøtte – Digdir';
const PREFERENCES = '/api/me/alert-preferences';

/**
 * Stands in for the browser's Notification (permission as given; each one constructed is kept) and
 * counts the tones the page's Web Audio chime starts.
 */
async function spyOnAlerts(context: BrowserContext, permission: 'granted' | 'default'): Promise<void> {
  await context.addInitScript((initial) => {
    const w = globalThis as any;
    const spy = { notifications: [] as any[], tones: 0 };
    w.__alerts = spy;
    class FakeNotification {
      static permission = initial;
      static requestPermission() {
        FakeNotification.permission = 'granted';
        return Promise.resolve('granted');
      }
      onclick: null | (() => void) = null;
      constructor(
        readonly title: string,
        readonly options: Record<string, unknown> = {},
      ) {
        spy.notifications.push(this);
      }
      close() {}
    }
    w.Notification = FakeNotification;
    const start = w.OscillatorNode.prototype.start;
    w.OscillatorNode.prototype.start = function (...args: unknown[]) {
      spy.tones += 1;
      return start.apply(this, args);
    };
  }, permission);
}

const alertsSeen = (page: Page) =>
  page.evaluate(() => {
    const spy = (globalThis as any).__alerts;
    return { tones: spy.tones as number, notifications: spy.notifications.map((n: any) => ({ title: n.title, body: n.options.body, tag: n.options.tag })) };
  });

async function notificationCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => (globalThis as any).__alerts.notifications.length === n, count, { timeout: WAIT_MS });
}

async function titleIs(page: Page, title: string): Promise<void> {
  await page.waitForFunction((wanted) => (globalThis as any).document.title === wanted, title, { timeout: WAIT_MS });
}

async function agentPage(suite: ReturnType<typeof browserSuite>, permission: 'granted' | 'default' = 'granted') {
  const agent = await suite.actor();
  await spyOnAlerts(agent.context, permission);
  const staff = await suite.desk.createStaff('agent', 'alma');
  await loginThroughPage(agent.page, staff);
  return { ...agent, staff };
}

describe('agent alerts', () => {
  const suite = browserSuite();

  it('alerts the available agent of a new chat and of messages in chats not looked at, never in the one looked at', async () => {
    const { page } = await agentPage(suite);
    await setAvailable(page);
    await titleIs(page, TITLE);

    const first = await suite.desk.citizen();
    const a = (await ask(first, 'chat:start', VALID_CHAT)).chat;
    await notificationCount(page, 1);
    await titleIs(page, `(1) ${TITLE}`);
    let seen = await alertsSeen(page);
    expect(seen.tones).toBeGreaterThan(0);
    expect(seen.notifications).toEqual([{ title: 'Ny samtale i køen (Digital postkasse (Digipost eller e-Boks))', body: undefined, tag: `queue:${a.id}` }]);

    // Accepting from the queue is looking at it; the new card has focus, so it is the selected chat.
    const cardA = await acceptChat(page, a.reference);
    await titleIs(page, TITLE);
    const tonesBefore = (await alertsSeen(page)).tones;
    await ask(first, 'message:send', { clientId: 'a-1', body: 'Er du der?' });
    await waitForText(page, `[data-chat-id="${a.id}"] .msg__body`, 'Er du der?');
    seen = await alertsSeen(page);
    expect(seen.tones).toBe(tonesBefore);
    expect(seen.notifications).toHaveLength(1);
    await expect(page.title()).resolves.toBe(TITLE);

    const second = await suite.desk.citizen();
    const b = (await ask(second, 'chat:start', { ...VALID_CHAT, topic: 'id-porten' })).chat;
    await notificationCount(page, 2);
    await page.locator('#queue-list li', { hasText: b.reference }).locator('[data-role="accept"]').click();
    await expectFocus(page, `#chat-${b.id}-reply`);
    await titleIs(page, TITLE);

    // Chat B has focus now: a message in A alerts, with the reference only.
    const tonesBeforeA = (await alertsSeen(page)).tones;
    await ask(first, 'message:send', { clientId: 'a-2', body: 'Mitt fødselsnummer er 17858507472' });
    await notificationCount(page, 3);
    seen = await alertsSeen(page);
    expect(seen.tones).toBeGreaterThan(tonesBeforeA);
    expect(seen.notifications[2]).toEqual({ title: `Ny melding i samtale ${a.reference}`, body: undefined, tag: `chat:${a.id}` });
    expect(JSON.stringify(seen.notifications)).not.toMatch(/17858507472|fødselsnummer|Er du der/);
    await titleIs(page, `(1) ${TITLE}`);

    // Clicking the notification brings the tab forward and selects chat A, which clears the count.
    await page.evaluate(() => (globalThis as any).__alerts.notifications[2].onclick());
    await expectFocus(page, `#chat-${a.id}-heading`);
    await titleIs(page, TITLE);
    await visible(cardA);

    // The selected chat alerts too while the window is not focused; coming back clears its count.
    await page.evaluate(() => ((globalThis as any).document.hasFocus = () => false));
    await ask(first, 'message:send', { clientId: 'a-3', body: 'Hallo?' });
    await notificationCount(page, 4);
    await titleIs(page, `(1) ${TITLE}`);
    await page.evaluate(() => {
      delete (globalThis as any).document.hasFocus;
      (globalThis as any).dispatchEvent(new (globalThis as any).Event('focus'));
    });
    await titleIs(page, TITLE);

    await expectNoAxeViolations(page, 'agent console with alert settings and two chats');
  });

  it('lets the agent switch the sound off, which stays off after a reload and on another device', async () => {
    const { page, staff } = await agentPage(suite);
    await setAvailable(page);
    await page.locator('#alert-sound').focus();
    const saved = page.waitForResponse((r) => r.url().endsWith(PREFERENCES) && r.request().method() === 'PUT');
    await page.keyboard.press('Space');
    expect((await saved).status()).toBe(200);
    await expect(page.locator('#alert-sound').isChecked()).resolves.toBe(false);

    const citizen = await suite.desk.citizen();
    await ask(citizen, 'chat:start', VALID_CHAT);
    await notificationCount(page, 1);
    await titleIs(page, `(1) ${TITLE}`);
    expect((await alertsSeen(page)).tones).toBe(0);

    await page.reload();
    await agentConnected(page);
    await page.locator('#alert-sound:not(:checked)').waitFor({ state: 'attached', timeout: WAIT_MS });
    await expect(page.locator('#alert-notifications').isChecked()).resolves.toBe(true);
    await expect(page.locator('#alert-title').isChecked()).resolves.toBe(true);
    await page.locator('#status-available:checked').waitFor({ state: 'attached', timeout: WAIT_MS });
    await ask(await suite.desk.citizen(), 'chat:start', VALID_CHAT);
    await notificationCount(page, 1);
    expect((await alertsSeen(page)).tones).toBe(0);

    const elsewhere = await suite.actor();
    await loginThroughPage(elsewhere.page, staff);
    await elsewhere.page.locator('#alert-sound:not(:checked)').waitFor({ state: 'attached', timeout: WAIT_MS });
  });

  it('asks for permission to notify only when the agent turns notifications on, with an accessible group of settings', async () => {
    const { page } = await agentPage(suite, 'default');
    const ask = page.locator('#alert-permission-ask');
    await visible(ask);
    await expect(page.evaluate(() => (globalThis as any).Notification.permission)).resolves.toBe('default');
    await expect(page.locator('#alert-settings').evaluate((group: any) => group.tagName)).resolves.toBe('FIELDSET');
    await expectNoAxeViolations(page, 'alert settings asking for permission');

    await ask.focus();
    await page.keyboard.press('Enter');
    await ask.waitFor({ state: 'hidden', timeout: WAIT_MS });
    await expectFocus(page, '#alert-notifications');
    await expect(page.evaluate(() => (globalThis as any).Notification.permission)).resolves.toBe('granted');

    // Switching notifications off hides the control; the group stays accessible.
    await page.keyboard.press('Space');
    await expect(page.locator('#alert-notifications').isChecked()).resolves.toBe(false);
    await expectNoAxeViolations(page, 'alert settings with notifications off');
  });
});
