import { expectNoSidewaysScroll, screenshots, visible, WAIT_MS, waitForText } from './support/browser';
import { browserSuite } from './support/harness';
import { startHostSite, type HostSite } from './support/host-site';
import { acceptChat, loginThroughPage, setAvailable } from './support/staff';
import {
  expectFrameFocus,
  expectWidgetAccessible,
  expectWidgetFocus,
  launcher,
  panel,
  tabInFrame,
  tabToLauncher,
  widgetFrame,
  widgetText,
} from './support/widget';

/**
 * The widget on a host site of another origin and site (localhost, the desk is on 127.0.0.1),
 * listed in EMBED_ORIGINS: a conversation with an agent in another context, across the host's
 * pages, with the keyboard alone, axe in each state, and at 320 px.
 */
describe('chat widget on another site', () => {
  let host: HostSite;
  const env: Record<string, string> = {};
  beforeAll(async () => {
    host = await startHostSite();
    env.EMBED_ORIGINS = host.origin;
  });
  afterAll(() => host?.close());
  const suite = browserSuite({ app: { env } });
  beforeAll(() => {
    host.deskUrl = suite.desk.url;
  });

  it('chats both ways with an agent, keeps the conversation across the host site’s pages, keyboard only', async () => {
    const citizen = await suite.actor();
    const page = citizen.page;
    await page.goto(`${host.origin}/one.html`);
    await visible(launcher(page));
    await widgetText(page, 'desk-chat-widget .launch', 'Chat med oss');
    await widgetText(page, 'desk-chat-widget .launch', 'Åpen nå');
    // The host's own styles do not reach the launcher (its page hides anything called .launch, paints buttons pink).
    await expect(launcher(page).evaluate((button: any) => (globalThis as any).getComputedStyle(button).backgroundColor)).resolves.toBe('rgb(0, 98, 186)');
    await expect(panel(page).isHidden()).resolves.toBe(true);
    await expectWidgetAccessible(page, 'launcher, chat open');
    await screenshots(page, 'widget-launcher');

    // Keyboard: Tab to the launcher, Enter opens the panel and takes the focus to the start form.
    await tabToLauncher(page);
    await page.keyboard.press('Enter');
    await visible(panel(page));
    await expect(launcher(page).getAttribute('aria-expanded')).resolves.toBe('true');
    const frame = await widgetFrame(page);
    await expectWidgetFocus(page, 'frame');
    await expectFrameFocus(frame, '#start-topic-digital-mailbox');
    await expectWidgetAccessible(page, 'panel, start form');

    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Hvordan bytter jeg postkasse?');
    await tabInFrame(page, frame, '#start-submit');
    await page.keyboard.press('Enter');
    await waitForText(frame as any, '#chat-reference', 'DS-');
    const reference = ((await frame.locator('#chat-reference').innerText()).match(/DS-\d{4}-\d{6}/) ?? [''])[0];
    await expectFrameFocus(frame, '#composer-input');
    await waitForText(frame as any, '#queue-position', 'Du er nummer 1 i køen.');
    await expectWidgetAccessible(page, 'panel, queued');

    const agent = await suite.actor();
    const staff = await suite.desk.createStaff('agent', 'ida');
    await loginThroughPage(agent.page, staff);
    await setAvailable(agent.page);
    await acceptChat(agent.page, reference);
    await waitForText(agent.page, '#chat-columns .msg__body', 'Hvordan bytter jeg postkasse?');
    await waitForText(frame as any, '#agent-info', `Du chatter med ${staff.displayName}.`);

    await agent.page.keyboard.type('Du bytter i innstillingene.');
    await agent.page.keyboard.press('Enter');
    await waitForText(frame as any, '#chat-log .msg--theirs .msg__body', 'Du bytter i innstillingene.');
    await expectFrameFocus(frame, '#composer-input');
    await page.keyboard.type('Takk, jeg prøver.');
    await page.keyboard.press('Enter');
    await waitForText(agent.page, '#chat-columns .msg__body', 'Takk, jeg prøver.');
    await expect(frame.locator('#chat-log').getAttribute('aria-live')).resolves.toBe('polite');
    await expectWidgetAccessible(page, 'panel, chatting');
    await screenshots(page, 'widget-chatting');

    // Escape minimises and gives the focus back to the launcher; a message now counts as unread and is announced.
    await page.keyboard.press('Escape');
    await expect(panel(page).isHidden()).resolves.toBe(true);
    await expectWidgetFocus(page, 'launch');
    await expect(launcher(page).getAttribute('aria-expanded')).resolves.toBe('false');
    await agent.page.keyboard.type('Si fra om det ikke går.');
    await agent.page.keyboard.press('Enter');
    await widgetText(page, 'desk-chat-widget .badge', '1 ny melding');
    await widgetText(page, 'desk-chat-widget [aria-live="polite"]', '1 ny melding');
    await expectWidgetAccessible(page, 'minimised with an unread message');

    // Another page of the host site: the same conversation, still unread until the panel opens.
    await page.locator('#next-page').click();
    await page.waitForURL(`${host.origin}/two.html`);
    await widgetText(page, 'desk-chat-widget .badge', '1 ny melding');
    await tabToLauncher(page);
    await page.keyboard.press('Enter');
    const again = await widgetFrame(page);
    await expectFrameFocus(again, '#composer-input');
    await waitForText(again as any, '#chat-log .msg__body', 'Si fra om det ikke går.');
    const bodies = await again.locator('#chat-log .msg__body').allInnerTexts();
    expect(bodies).toEqual(['Hvordan bytter jeg postkasse?', `${staff.displayName} har tatt imot samtalen.`, 'Du bytter i innstillingene.', 'Takk, jeg prøver.', 'Si fra om det ikke går.']);
    await expect(page.locator('desk-chat-widget .badge').isHidden()).resolves.toBe(true);
    await again.locator('#composer-input').fill('Nå virket det.');
    await again.locator('#composer-input').press('Enter');
    await waitForText(agent.page, '#chat-columns .msg__body', 'Nå virket det.');

    // The agent's one-click referral: the provider's contact card in the panel.
    const card = agent.page.locator('#chat-columns [data-chat]', { hasText: reference });
    await card.locator('[data-refer="digipost"]').click();
    await waitForText(again as any, '#chat-log .msg--referral', 'kundeservice@digipost.no');
    await expectWidgetAccessible(page, 'panel, referral received');

    // A reload keeps it too, and the panel stays open (without taking the focus).
    await page.reload();
    const reloaded = await widgetFrame(page);
    await visible(panel(page));
    await waitForText(reloaded as any, '#chat-log .msg__body', 'Nå virket det.');

    // The agent ends the chat: the rating, in the panel.
    await card.locator('[data-role="close"] summary').click();
    await card.locator('[data-role="outcome"]').selectOption('resolved');
    await card.locator('[data-role="close-submit"]').click();
    await visible(reloaded.locator('#ended-section'));
    await visible(reloaded.locator('#rating-form'));
    await expectWidgetAccessible(page, 'panel, ended with rating');

    // The minimise button in the panel's bar, by keyboard: focus returns to the launcher.
    await page.locator('desk-chat-widget .min').focus();
    await page.keyboard.press('Enter');
    await expectWidgetFocus(page, 'launch');
    // Closing (not minimising) forgets the finished chat: the frame reloads, and the next opening offers a new one.
    await page.keyboard.press('Enter');
    await visible(panel(page));
    const frameReload = page.waitForEvent('framenavigated', { predicate: (navigated) => navigated.url().includes('/widget/frame') });
    await page.locator('desk-chat-widget .close').click();
    await expectWidgetFocus(page, 'launch');
    // A key pressed while Chromium swaps the frame's document is routed to the old one, never
    // acknowledged, and Playwright waits for it forever: so the next key waits for the new document.
    const fresh = await frameReload;
    await fresh.waitForFunction(() => (globalThis as any).document.getElementById('start-section')?.hidden === false);
    await page.keyboard.press('Enter');
    await visible((await widgetFrame(page)).locator('#start-section'));
    await expect((await widgetFrame(page)).locator('#chat-log .msg').count()).resolves.toBe(0);
    // No cookie on the host site, from the widget or anyone.
    await expect(page.evaluate(() => (globalThis as any).document.cookie)).resolves.toBe('');
    await expect(citizen.context.cookies(host.origin)).resolves.toEqual([]);
  }, 90_000);

  it('is usable at 320 px: the panel fills the screen, nothing scrolls sideways, Escape and close work', async () => {
    const { page } = await suite.actor({ viewport: { width: 320, height: 640 } });
    await page.goto(`${host.origin}/one.html`);
    await visible(launcher(page));
    await expectNoSidewaysScroll(page, 'host page with the launcher at 320 px');
    await launcher(page).click();
    await visible(panel(page));
    const box = await panel(page).boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 320, height: 640 });
    const frame = await widgetFrame(page);
    await expectNoSidewaysScroll(frame as any, 'widget frame at 320 px');
    await expectWidgetAccessible(page, 'panel at 320 px');
    await page.locator('desk-chat-widget .close').click();
    await expect(panel(page).isHidden()).resolves.toBe(true);
    await expectWidgetFocus(page, 'launch');
  });

  it('takes no log-in from the state the host page keeps for the frame (the host could plant one)', async () => {
    const { page } = await suite.actor();
    await page.goto(`${host.origin}/one.html`);
    await widgetFrame(page);
    // This Chromium gives the cross-site frame no storage: the host page keeps the frame's state.
    await page.waitForFunction(() => (globalThis as any).sessionStorage.getItem('desk-chat-widget') !== null, undefined, { timeout: WAIT_MS });
    await page.evaluate(() => {
      const planted = { panelOpen: true, login: { code: 'planted', pid: '010101*****', method: 'BankID' }, verifiedChat: null };
      (globalThis as any).sessionStorage.setItem('desk-chat-widget', JSON.stringify({ 'desk.widget': JSON.stringify(planted) }));
    });
    await page.reload();
    await visible(panel(page));
    const frame = await widgetFrame(page);
    await visible(frame.locator('#identity-login'));
    await expect(frame.locator('#identity-in').count()).resolves.toBe(0);
  });

  it('speaks the language of data-lang, else of the host page (lang="en")', async () => {
    const { page } = await suite.actor();
    await page.goto(`${host.origin}/en.html`);
    await widgetText(page, 'desk-chat-widget .launch', 'Chat with us');
    await widgetText(page, 'desk-chat-widget .launch', 'Open now');
    const frame = await widgetFrame(page);
    await expect(frame.locator('html').getAttribute('lang')).resolves.toBe('en');
  });
});
