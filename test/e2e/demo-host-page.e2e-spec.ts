import { startTestApp, type TestApp } from '../support/test-app';

/** The demo host page (/demo): an agency information page with the chat widget, in development only. */
const page = (desk: TestApp, path: string) => desk.http().get(path).set('accept', 'text/html');
/** The page with the entities Handlebars writes into attributes ("=" as "&#x3D;") read back, as a browser does. */
const decoded = async (desk: TestApp, path: string) => (await page(desk, path).expect(200)).text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
const widgetTags = (html: string) => [...html.matchAll(/<script[^>]*src="\/widget\.js"[^>]*><\/script>/g)].map((m) => m[0]);
const headings = (html: string) => [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));

describe('the demo host page outside production', () => {
  let desk: TestApp;

  beforeAll(async () => {
    desk = await startTestApp();
  });

  afterAll(async () => {
    await desk.close();
  });

  it.each([
    ['/demo?lang=nb', 'nb', 'Velg digital postkasse'],
    ['/demo?lang=en', 'en', 'Choose a digital mailbox'],
    ['/demo?lang=nn', 'nn', 'Vel digital postkasse'],
    ['/demo/change-provider?lang=nb', 'nb', 'Bytte postkasse'],
    ['/demo/change-provider?lang=en', 'en', 'Change mailbox provider'],
  ])('serves %s in its language with the widget for that language, under the CSP', async (path, lang, title) => {
    const response = await page(desk, path).expect(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.text).toContain(`<html lang="${lang}"`);
    expect(response.text).toMatch(new RegExp(`<h1[^>]*>${title}</h1>`));
    expect(widgetTags(response.text)).toEqual([`<script src="/widget.js" data-lang="${lang}" defer></script>`]);
    // The widget is the last thing in the body, after the page's own content.
    expect(response.text.indexOf('/widget.js')).toBeGreaterThan(response.text.indexOf('</footer>'));
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(response.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(response.text).not.toMatch(/\sstyle=/);
  });

  it('is an information page, not the chat page: no chat form, the desk scripts or their page data', async () => {
    const response = await page(desk, '/demo?lang=nb').expect(200);
    expect(response.text).not.toContain('id="start-form"');
    expect(response.text).not.toContain('id="page-data"');
    expect(response.text).not.toContain('/js/');
    expect(response.text).not.toContain('/css/base.css');
    expect(response.text).toContain('/vendor/designsystemet/');
  });

  it('names the providers and the user support from the configuration, and the opening hours from the schedule', async () => {
    const nb = (await page(desk, '/demo?lang=nb').expect(200)).text;
    expect(nb).toContain('href="tel:+4722030000"');
    expect(nb).toContain('href="mailto:kundeservice@digipost.no"');
    expect(nb).toContain('href="https://www.digipost.no/hjelp/"');
    expect(nb).toContain('href="tel:+4722898504"');
    expect(nb).toContain('href="https://brukersupport.e-boks.no/hc/en-us"');
    expect(nb).toContain('href="tel:+4780030300"');
    expect(nb).toContain('href="mailto:brukerstotte@digdir.no"');
    expect(nb).toContain('mandag–fredag 09:00–15:00');
    const en = (await page(desk, '/demo?lang=en').expect(200)).text;
    expect(en).toContain('Live chat (available during opening hours)');
    expect(en).toContain('Monday–Friday 09:00–15:00');
    const change = (await page(desk, '/demo/change-provider?lang=en').expect(200)).text;
    expect(change).toContain('href="https://www.norge.no/nb/digital-borger/oppdater-kontaktinformasjon"');
  });

  it('has a skip link, landmarks, headings without gaps, links between its two pages and a language switch', async () => {
    for (const path of ['/demo?lang=nb', '/demo/change-provider?lang=en']) {
      const html = await decoded(desk, path);
      expect(html).toMatch(/<a class="ds-skip-link" href="#main">/);
      for (const landmark of ['<header', '<main id="main"', '<footer', '<nav']) expect(html).toContain(landmark);
      const levels = headings(html);
      expect(levels[0]).toBe(1);
      expect(levels.filter((level) => level === 1)).toHaveLength(1);
      expect(levels.every((level, i) => i === 0 || level <= levels[i - 1] + 1)).toBe(true);
      expect(html).toContain('href="/demo/change-provider?lang=');
      expect(html).toContain('href="/demo?lang=');
    }
    const nb = await decoded(desk, '/demo?lang=nb');
    expect(nb).toMatch(/<a [^>]*href="\/demo\?lang=en"[^>]*hreflang="en"/);
    const en = await decoded(desk, '/demo/change-provider?lang=en');
    expect(en).toMatch(/<a [^>]*href="\/demo\/change-provider\?lang=nb"[^>]*hreflang="nb"/);
  });

  it('takes the language remembered from an earlier ?lang=, as the citizen page does', async () => {
    const response = await page(desk, '/demo').set('cookie', 'lang=en').expect(200);
    expect(response.text).toContain('<html lang="en"');
    expect(response.text).toContain('data-lang="en"');
  });
});

describe('the demo host page in production', () => {
  let desk: TestApp;

  beforeAll(async () => {
    desk = await startTestApp({ env: { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) } });
  });

  afterAll(async () => {
    await desk.close();
  });

  it.each(['/demo', '/demo?lang=en', '/demo/change-provider'])('does not exist: %s is 404', async (path) => {
    const https = { 'x-forwarded-proto': 'https' };
    const response = await page(desk, path).set(https).expect(404);
    expect(response.text).not.toContain('/widget.js');
  });
});
