import { createServer, type Server } from 'node:http';
import { CLOSED_INSTANT } from '../support/test-app';
import { visible, waitForText } from './support/browser';
import { browserSuite } from './support/harness';
import { startHostSite, type HostSite } from './support/host-site';
import { expectFrameFocus, expectWidgetAccessible, expectWidgetFocus, launcher, panel, tabInFrame, tabToLauncher, widgetFrame, widgetText } from './support/widget';

/** A page on a site NOT in EMBED_ORIGINS: the loader's own tag, and a hand-made frame that claims a listed host. */
async function startUnlistedSite(listedHost: () => string, deskUrl: () => string): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    const frame = request.url === '/forged.html';
    const body = frame
      ? `<iframe title="Chat" src="${deskUrl()}/widget/frame?host=${encodeURIComponent(listedHost())}"></iframe>`
      : `<script src="${deskUrl()}/widget.js" defer></script>`;
    response.writeHead(request.url === '/favicon.ico' ? 204 : 200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><head><title>Unlisted</title>${body}</head><body><main><h1>Unlisted</h1></main></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://localhost:${(server.address() as { port: number }).port}`, server };
}

describe('chat widget when the desk is closed, and on a site that may not embed it', () => {
  let host: HostSite;
  let unlisted: { origin: string; server: Server };
  const env: Record<string, string> = {};
  beforeAll(async () => {
    host = await startHostSite();
    unlisted = await startUnlistedSite(() => host.origin, () => host.deskUrl);
    env.EMBED_ORIGINS = host.origin;
  });
  afterAll(async () => {
    await host?.close();
    await new Promise((resolve) => unlisted?.server.close(resolve));
  });
  // Chromium reports the frame it refused (frame-ancestors) and the 403 of the refused frame on the console.
  const suite = browserSuite({ app: { env, now: CLOSED_INSTANT }, expectedProblems: /frame-ancestors|status of 403/ });
  beforeAll(() => {
    host.deskUrl = suite.desk.url;
  });

  it('says when the chat opens, and takes a message in the panel (keyboard only)', async () => {
    const { page } = await suite.actor();
    await page.goto(`${host.origin}/one.html`);
    await widgetText(page, 'desk-chat-widget .launch', 'Stengt nå. Chatten åpner mandag 30. november kl. 09:00.');
    await expectWidgetAccessible(page, 'launcher, chat closed');

    await tabToLauncher(page);
    await page.keyboard.press('Enter');
    const frame = await widgetFrame(page);
    await visible(frame.locator('#contact-form'));
    await expectFrameFocus(frame, '#contact-heading');
    await expectWidgetAccessible(page, 'panel, closed hours, leave a message');

    await tabInFrame(page, frame, '#contact-topic-digital-mailbox');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Jeg får ikke åpnet brevet.');
    await tabInFrame(page, frame, '#contact-submit');
    await page.keyboard.press('Enter');
    await expectFrameFocus(frame, '#contact-sent');
    await waitForText(frame as any, '#contact-sent-text', 'Referansen din er DS-');
    await expectWidgetAccessible(page, 'panel, closed hours, message sent');

    await page.keyboard.press('Escape');
    await expect(panel(page).isHidden()).resolves.toBe(true);
    await expectWidgetFocus(page, 'launch');
  });

  it('does not come up on a site not in EMBED_ORIGINS: the frame route refuses it (403)', async () => {
    const { page } = await suite.actor();
    const refused = page.waitForResponse((response) => response.url().includes('/widget/frame'));
    await page.goto(`${unlisted.origin}/loader.html`);
    expect((await refused).status()).toBe(403);
    // The launcher only ever shows once the desk's frame has said it is there.
    await page.waitForFunction(() => Boolean((globalThis as any).document.querySelector('desk-chat-widget')));
    await expect(launcher(page).isHidden()).resolves.toBe(true);
  });

  it('is not rendered in a frame on a site not in EMBED_ORIGINS, even when the frame claims a listed host (frame-ancestors)', async () => {
    const { page } = await suite.actor();
    const served = page.waitForResponse((response) => response.url().includes('/widget/frame'));
    const blocked = page.waitForEvent('console', (message) => message.text().includes("frame-ancestors 'self' " + host.origin));
    await page.goto(`${unlisted.origin}/forged.html`);
    expect((await served).status()).toBe(200);
    await page.waitForFunction(() => Boolean((globalThis as any).document.querySelector('iframe')));
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await frame.waitForLoadState();
    await expect(frame.locator('#chat-log').count()).resolves.toBe(0);
    await blocked;
  });
});
