import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { type Actor, expectFocus, expectNoSidewaysScroll, screenshots, tabTo, visible, waitForText } from './support/browser';
import { browserSuite } from './support/harness';
import { expectWidgetAccessible, launcher, widgetFrame } from './support/widget';

/**
 * The demo host page (/demo) as a citizen meets it: an information page in bokmål or English,
 * two pages to move between, and the chat widget on each (served by the desk itself, so 'self'
 * in the frame's frame-ancestors lets it in without EMBED_ORIGINS).
 */
describe('the demo host page', () => {
  const suite = browserSuite();

  /** A context that records every failed request. */
  async function visitor(options: Parameters<typeof suite.actor>[0] = {}): Promise<Actor & { failed: string[] }> {
    const actor = await suite.actor(options);
    const failed: string[] = [];
    actor.page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (response.status() >= 400) failed.push(`${response.status()} ${path}`);
    });
    return { ...actor, failed };
  }

  /** The launcher opens the chat panel in the page's language, and the page stays axe-clean with it open. */
  async function openWidget(page: Page, lang: string) {
    await visible(launcher(page));
    await launcher(page).click();
    const frame = await widgetFrame(page);
    await expect(frame.locator('html').getAttribute('lang')).resolves.toBe(lang);
    await expectWidgetAccessible(page, `demo page (${lang}), panel open`);
  }

  async function expectPage(page: Page, { lang, path, title }: { lang: string; path: string; title: string }) {
    await page.waitForURL((url) => url.pathname === path);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
    await waitForText(page, 'h1', title);
    await expect(page.locator('script[src="/widget.js"]').getAttribute('data-lang')).resolves.toBe(lang);
    await expect(page.locator('nav.host-nav a[aria-current="page"]').innerText()).resolves.toBe(title);
  }

  it('is axe-clean in bokmål and English, on both pages, and moves between them by its navigation', async () => {
    const { page, failed } = await visitor({ locale: 'nb-NO' });
    await page.goto('/demo');
    await expectPage(page, { lang: 'nb', path: '/demo', title: 'Velg digital postkasse' });
    await expect(page.locator('h2').allInnerTexts()).resolves.toEqual(['Velg e-Boks eller Digipost', 'Bytte postkasse', 'Kontakt leverandørene', 'Brukerstøtte']);
    await expect(page.locator('a[href="tel:+4780030300"]').innerText()).resolves.toBe('(+47) 800 30 300');
    await expect(page.locator('main').innerText()).resolves.toContain('mandag–fredag 09:00–15:00');
    await expectNoAxeViolations(page, 'demo host page, nb');
    await openWidget(page, 'nb');
    await screenshots(page, 'demo-host-nb');

    await page.locator('nav.host-nav a', { hasText: 'Bytte postkasse' }).click();
    await expectPage(page, { lang: 'nb', path: '/demo/change-provider', title: 'Bytte postkasse' });
    await expect(page.locator('a[href^="https://www.norge.no/"]').innerText()).resolves.toBe('Gå til «Oppdater kontaktinformasjon» på norge.no.');
    await expectNoAxeViolations(page, 'demo host page, change provider, nb');

    await page.goto('/demo?lang=en');
    await expectPage(page, { lang: 'en', path: '/demo', title: 'Choose a digital mailbox' });
    await expect(page.locator('main').innerText()).resolves.toContain('Live chat (available during opening hours)');
    await expect(page.locator('main').innerText()).resolves.toContain('Monday–Friday 09:00–15:00');
    await expectNoAxeViolations(page, 'demo host page, en');
    await openWidget(page, 'en');
    await screenshots(page, 'demo-host-en');

    // The link in the text leads to the second page as well.
    await page.locator('main a', { hasText: 'How to change mailbox provider' }).click();
    await expectPage(page, { lang: 'en', path: '/demo/change-provider', title: 'Change mailbox provider' });
    await expectNoAxeViolations(page, 'demo host page, change provider, en');
    await page.locator('nav.host-nav a', { hasText: 'Choose a digital mailbox' }).click();
    await expectPage(page, { lang: 'en', path: '/demo', title: 'Choose a digital mailbox' });
    expect(failed).toEqual([]);
  });

  it('switches language with the keyboard on either page and keeps it while navigating', async () => {
    const { page, failed } = await visitor({ locale: 'nb-NO' });
    await page.goto('/demo');
    await page.keyboard.press('Tab');
    await expectFocus(page, '.ds-skip-link');
    await page.keyboard.press('Enter');
    await expectFocus(page, '#main');

    await page.locator('.ds-skip-link').focus();
    await tabTo(page, 'nav.lang-switch a[hreflang="en"]');
    await Promise.all([page.waitForURL('**/demo?lang=en'), page.keyboard.press('Enter')]);
    await expectPage(page, { lang: 'en', path: '/demo', title: 'Choose a digital mailbox' });
    await expect(page.locator('nav.lang-switch a[aria-current="true"]').getAttribute('lang')).resolves.toBe('en');

    await page.locator('nav.host-nav a', { hasText: 'Change mailbox provider' }).click();
    await expectPage(page, { lang: 'en', path: '/demo/change-provider', title: 'Change mailbox provider' });
    await tabTo(page, 'nav.lang-switch a[hreflang="nb"]');
    await Promise.all([page.waitForURL('**/demo/change-provider?lang=nb'), page.keyboard.press('Enter')]);
    await expectPage(page, { lang: 'nb', path: '/demo/change-provider', title: 'Bytte postkasse' });
    // Remembered like on the citizen page: a plain /demo is now in bokmål.
    await page.goto('/demo');
    await expectPage(page, { lang: 'nb', path: '/demo', title: 'Velg digital postkasse' });
    expect(failed).toEqual([]);
  });

  it('reflows at 320 px wide without scrolling sideways', async () => {
    const { page, failed } = await visitor({ viewport: { width: 320, height: 640 } });
    for (const path of ['/demo?lang=nb', '/demo?lang=en', '/demo/change-provider?lang=nb', '/demo/change-provider?lang=en']) {
      await page.goto(path);
      await expectNoSidewaysScroll(page, `${path} at 320 px`);
    }
    expect(failed).toEqual([]);
  });
});
