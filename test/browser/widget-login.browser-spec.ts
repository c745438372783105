import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD, buildDesk, type DeskProcess, startDesk, stopDesk } from '../support/desk-process';
import { until } from '../support/test-app';
import { launchBrowser, newActor, visible, WAIT_MS, waitForText } from './support/browser';
import { startHostSite, type HostSite } from './support/host-site';
import { expectFrameFocus, expectWidgetAccessible, launcher, widgetFrame } from './support/widget';

/**
 * ID-porten log-in from the widget's frame, against the development provider (TestID). The
 * provider (oidc-provider) and openid-client are ESM-only, which Jest cannot load in-process, so
 * this runs the BUILT desk in a child process (as test/e2e/idporten-login.e2e-spec.ts does)
 * instead of the in-process app of support/harness.ts.
 */
describe('chat widget: ID-porten log-in from the frame (built server, development provider)', () => {
  let desk: DeskProcess;
  let host: HostSite;
  let browser: Browser;

  beforeAll(async () => {
    host = await startHostSite();
    buildDesk();
    [desk, browser] = await Promise.all([startDesk({ EMBED_ORIGINS: host.origin }), launchBrowser()]);
    host.deskUrl = desk.url;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (desk) await stopDesk(desk);
    await host?.close();
  }, 30_000);

  it('logs in in a popup, hands the log-in to the frame, and the chat started there is verified', async () => {
    const citizen = await newActor(browser, host.origin);
    const page: Page = citizen.page;
    await page.goto(`${host.origin}/one.html`);
    await launcher(page).click();
    const frame = await widgetFrame(page);

    const popupOpened = citizen.context.waitForEvent('page');
    await frame.locator('#identity-login').click();
    const popup = await popupOpened;
    await popup.waitForURL(/\/dev-idporten\/interaction\//);
    await popup.locator('label[for="person-0"]').click();
    const popupClosed = popup.waitForEvent('close', { timeout: WAIT_MS });
    await popup.locator('form:not([action$="/cancel"]) button[type="submit"]').click();
    await popupClosed.catch(async (error: Error) => {
      throw new Error(`${error.message}; the popup shows ${popup.url()}: ${await popup.locator('main').innerText().catch(() => '?')}`);
    });

    await waitForText(frame as any, '#identity-state', 'Du er logget inn med ID-porten som 178585*****.');
    await expectFrameFocus(frame, '#identity-state');
    await expect(frame.locator('#identity-login').isHidden()).resolves.toBe(true);
    await expectWidgetAccessible(page, 'panel, logged in with ID-porten');

    await frame.locator('label[for="start-topic-id-porten"]').click();
    await frame.locator('#start-message').fill('Jeg vil vite hvilken postkasse jeg har.');
    await frame.locator('#start-submit').click();
    await waitForText(frame as any, '#chat-reference', 'DS-');
    const reference = ((await frame.locator('#chat-reference').innerText()).match(/DS-\d{4}-\d{6}/) ?? [''])[0];

    const login = await fetch(`${desk.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const ticket = async () => {
      const list: any = await (await fetch(`${desk.url}/api/tickets?q=${reference}`, { headers: { cookie } })).json();
      const found = (list.items ?? list).find((t: any) => t.reference === reference);
      return (await fetch(`${desk.url}/api/tickets/${found.id}`, { headers: { cookie } })).json() as Promise<any>;
    };
    await until(async () => (await ticket()).verified === true, WAIT_MS);
    expect(await ticket()).toMatchObject({ verified: true });

    // "Log out of the chat" forgets the log-in in the frame; the log-in link comes back.
    await frame.locator('#identity-forget').click();
    await visible(frame.locator('#identity-login'));
    expect(citizen.problems).toEqual([]);
    await citizen.context.close();
  }, 90_000);
});
