import { CLOSED_INSTANT } from '../support/test-app';
import { expectNoAxeViolations } from './support/axe';
import { browserSuite } from './support/harness';
import { expectFocus, expectNoSidewaysScroll, screenshots, tabTo, visible, waitForText } from './support/browser';

/** Closed page, leave-a-message form and languages; the app's clock is a Saturday (2026-11-28 11:00 in Oslo). */
describe('citizen page when the chat is closed', () => {
  const suite = browserSuite({ app: { now: CLOSED_INSTANT } });
  const { actor } = suite;

  it('says why and when it opens, offers the alternatives, and turns a left message into a ticket (keyboard only)', async () => {
    const { page } = await actor();
    await page.goto('/');
    await waitForText(page, '#opening-status-heading', 'Chatten er stengt nå');
    await waitForText(page, '#opening-status', 'Det er helg, og chatten er stengt.');
    await waitForText(page, '#opening-status .opening-status__next', 'Chatten åpner mandag 30. november kl. 09:00.');
    await expect(page.locator('#start-section').count()).resolves.toBe(0);
    await expect(page.locator('.alternatives a[href="tel:+4780030300"]').innerText()).resolves.toBe('(+47) 800 30 300');
    await expect(page.locator('.alternatives a[href="mailto:brukerstotte@digdir.no"]').count()).resolves.toBe(1);
    await visible(page.locator('#contact-form'));
    await expectNoAxeViolations(page, 'citizen, closed');
    await screenshots(page, 'citizen-closed');

    // A bad e-mail: summary first, focus on it, the field tied to its message.
    await tabTo(page, '#contact-topic-digital-mailbox');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Jeg har fått brev i feil postkasse.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Kari Nordmann');
    await page.keyboard.press('Tab');
    await page.keyboard.type('kari@');
    await tabTo(page, '#contact-submit');
    await page.keyboard.press('Enter');
    await expectFocus(page, '#contact-errors');
    await waitForText(page, '#contact-email-error', 'Skriv en gyldig e-postadresse');
    await expect(page.locator('#contact-email').getAttribute('aria-describedby')).resolves.toBe('contact-email-help contact-email-error');
    await expectNoAxeViolations(page, 'citizen, closed, message form with an error');

    await page.locator('#contact-email').fill('kari.nordmann@example.no');
    await page.locator('#contact-email').focus();
    await tabTo(page, '#contact-submit');
    await page.keyboard.press('Enter');
    await expectFocus(page, '#contact-sent');
    await waitForText(page, '#contact-sent-text', 'Referansen din er DS-');
    await expect(page.locator('#contact-errors').isHidden()).resolves.toBe(true);
    const reference = ((await page.locator('#contact-sent-text').innerText()).match(/DS-\d{4}-\d{6}/) ?? [''])[0];
    await expectNoAxeViolations(page, 'citizen, closed, message sent');

    const agent = await suite.desk.login('agent');
    const list = await suite.desk.http().get('/api/tickets').query({ q: reference }).set('cookie', agent.cookie).expect(200);
    const found = (list.body.items ?? list.body).find((t: any) => t.reference === reference);
    expect(found).toBeDefined();
    const ticket = await suite.desk.http().get(`/api/tickets/${found.id}`).set('cookie', agent.cookie).expect(200);
    expect(ticket.body).toMatchObject({ reference, channel: 'web-form', topic: 'digital-mailbox' });
    expect(JSON.stringify(ticket.body)).toContain('Jeg har fått brev i feil postkasse.');
  });

  it('speaks bokmål by default, nynorsk and English by ?lang= or the visible switch, and remembers the choice', async () => {
    const { page } = await actor({ locale: 'nb-NO' });
    await page.goto('/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nb');
    const switcher = page.locator('nav.lang-switch');
    await visible(switcher);
    await expect(switcher.locator('a').allInnerTexts()).resolves.toEqual(['Bokmål', 'Nynorsk', 'English']);
    await expect(switcher.locator('a[aria-current="true"]').getAttribute('lang')).resolves.toBe('nb');

    await page.goto('/?lang=nn');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nn');
    await waitForText(page, 'h1', 'Chat med brukarstøtta');
    await expect(page.locator('#opening-status').innerText()).resolves.toContain('måndag 30. november');
    await expectNoAxeViolations(page, 'citizen, closed, nynorsk');
    await page.goto('/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nn'); // remembered

    // The switch with the keyboard: to English.
    await tabTo(page, 'nav.lang-switch a[hreflang="en"]');
    await Promise.all([page.waitForURL('**/?lang=en'), page.keyboard.press('Enter')]);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await waitForText(page, '#opening-status-heading', 'The chat is closed now');
    await expect(page.locator('#opening-status').innerText()).resolves.toContain('Monday 30 November');
    await expect(switcher.locator('a[aria-current="true"]').getAttribute('lang')).resolves.toBe('en');
    await expectNoAxeViolations(page, 'citizen, closed, English');
    await screenshots(page, 'citizen-closed-en');
    await page.goto('/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');

    // The script texts follow the page language too.
    await page.locator('#contact-submit').click();
    await waitForText(page, '#contact-errors li', 'Choose what your enquiry is about');
  });

  it('keeps what the citizen wrote when the chat closes while they write, and offers the message form instead', async () => {
    suite.desk.clock.set('2026-11-24T13:59:00Z'); // Tuesday 14:59 in Oslo: open
    try {
      const { page } = await actor();
      await page.goto('/');
      await waitForText(page, '#opening-status-heading', 'Chatten er åpen');

      // The "leave a message instead" button opens the form and moves focus to it.
      await page.locator('#show-contact').click();
      await expectFocus(page, '#contact-heading');
      await expect(page.locator('#show-contact').getAttribute('aria-expanded')).resolves.toBe('true');
      await expectNoAxeViolations(page, 'citizen, open, message form shown');
      await page.locator('#show-contact').click();
      await page.locator('#contact-section').waitFor({ state: 'hidden' });

      await page.locator('label[for="start-topic-id-porten"]').click();
      await page.locator('#start-message').fill('MinID-koden kommer ikke på SMS.');
      await page.locator('#start-name').fill('Per');
      suite.desk.clock.set('2026-11-24T14:00:00Z'); // 15:00: closed
      await page.locator('#start-submit').click();

      await visible(page.locator('#just-closed'));
      await expectFocus(page, '#contact-heading');
      await expect(page.locator('#start-section').isHidden()).resolves.toBe(true);
      await expect(page.locator('#contact-message').inputValue()).resolves.toBe('MinID-koden kommer ikke på SMS.');
      await expect(page.locator('#contact-name').inputValue()).resolves.toBe('Per');
      await expect(page.locator('#contact-topic-id-porten').isChecked()).resolves.toBe(true);
      await expectNoAxeViolations(page, 'citizen, just closed');
      await page.locator('#contact-submit').click();
      await waitForText(page, '#contact-sent-text', 'DS-');
    } finally {
      suite.desk.clock.set(CLOSED_INSTANT);
    }
  });

  it('reflows at 320 px wide and at 200 % zoom without scrolling sideways', async () => {
    const narrow = await actor({ viewport: { width: 320, height: 640 } });
    for (const lang of ['nb', 'nn', 'en']) {
      await narrow.page.goto(`/?lang=${lang}`);
      await expectNoSidewaysScroll(narrow.page, `closed page (${lang}) at 320 px`);
    }
    await narrow.page.locator('#contact-submit').click();
    await expectNoSidewaysScroll(narrow.page, 'closed page with form errors at 320 px');

    // 200 % zoom in a 1280 × 900 window lays out like a 640 × 450 CSS-pixel viewport at device scale 2.
    const zoomed = await actor({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
    await zoomed.page.goto('/');
    await expectNoSidewaysScroll(zoomed.page, 'closed page at 200 %');
    await zoomed.page.locator('#contact-message').focus();
    const box = await zoomed.page.locator('#contact-message').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(640);
  });
});
