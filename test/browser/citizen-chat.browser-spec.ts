import type { Page } from 'playwright-core';
import { ask, next } from '../support/test-app';
import { expectNoAxeViolations } from './support/axe';
import { browserSuite } from './support/harness';
import { expectFocus, expectNoSidewaysScroll, logBodies, screenshots, tabTo, visible, waitForText } from './support/browser';
import { acceptChat, loginThroughPage, setAvailable } from './support/staff';

/** Starts a chat on the citizen page with the keyboard alone; returns the chat's reference. */
async function startChatWithKeyboard(page: Page, message: string): Promise<string> {
  await tabTo(page, '#start-topic-digital-mailbox');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.type(message);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Ola Nordmann');
  await tabTo(page, '#start-submit');
  await page.keyboard.press('Enter');
  await visible(page.locator('#chat-section'));
  await waitForText(page, '#chat-reference', 'DS-');
  return ((await page.locator('#chat-reference').innerText()).match(/DS-\d{4}-\d{6}/) ?? [''])[0];
}

describe('citizen chat in the browser', () => {
  const suite = browserSuite({ expectedProblems: /ERR_INTERNET_DISCONNECTED|net::ERR|WebSocket connection/ });
  const { actor } = suite;

  // A whole conversation with 8 screenshots and 8 accessibility checks: about 20 s alone, near 30 s on a busy machine.
  it('lets a citizen (keyboard only) and an agent (second context) chat both ways, refer, end and rate', async () => {
    const citizen = await actor();
    const page = citizen.page;
    await page.goto('/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nb');
    await expectNoAxeViolations(page, 'citizen, chat open');
    await screenshots(page, 'citizen-open');

    // The first Tab reaches the skip link, which takes the keyboard past the header.
    await page.keyboard.press('Tab');
    await expectFocus(page, '.ds-skip-link');
    await page.keyboard.press('Enter');
    await expectFocus(page, '#main');

    // Sending without a topic or a message: the error summary takes focus and links to the fields.
    await tabTo(page, '#start-submit');
    await page.keyboard.press('Enter');
    await expectFocus(page, '#start-errors');
    await expect(page.locator('#start-errors li').allInnerTexts()).resolves.toEqual([
      'Velg hva henvendelsen gjelder.',
      'Skriv en melding på høyst 4000 tegn.',
    ]);
    await expect(page.locator('#start-message').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#start-message').getAttribute('aria-describedby')).resolves.toContain('start-message-error');
    await expectNoAxeViolations(page, 'citizen, start form with errors');
    await page.keyboard.press('Tab'); // first link in the summary
    await page.keyboard.press('Enter');
    await expectFocus(page, '#start-topic-digital-mailbox');

    const reference = await startChatWithKeyboard(page, 'Jeg finner ikke brevet fra Skatteetaten.');
    expect(reference).toMatch(/^DS-\d{4}-\d{6}$/);
    await expectFocus(page, '#composer-input');
    await waitForText(page, '#queue-position', 'Du er nummer 1 i køen.');
    await waitForText(page, '#chat-log .msg__body', 'Jeg finner ikke brevet fra Skatteetaten.');
    await waitForText(page, '#conn-text', 'Tilkoblet');
    // Announcements: the queue, the agent line and the log are live regions.
    await expect(page.locator('#queue-info').getAttribute('role')).resolves.toBe('status');
    await expect(page.locator('#chat-log').getAttribute('role')).resolves.toBe('log');
    await expect(page.locator('#chat-log').getAttribute('aria-live')).resolves.toBe('polite');
    await expectNoAxeViolations(page, 'citizen, queued');
    await screenshots(page, 'citizen-queued');

    // The agent logs in through the page, goes available and accepts from the queue.
    const agent = await actor();
    const staff = await suite.desk.createStaff('agent', 'kari');
    await loginThroughPage(agent.page, staff);
    await setAvailable(agent.page);
    const card = await acceptChat(agent.page, reference);
    await waitForText(agent.page, '#chat-columns .msg__body', 'Jeg finner ikke brevet fra Skatteetaten.');

    await waitForText(page, '#agent-info', `Du chatter med ${staff.displayName}.`);
    await expect(page.locator('#queue-info').isHidden()).resolves.toBe(true);

    // Agent → citizen (Enter sends in the agent's reply box too).
    await agent.page.keyboard.type('Hei! Hvilken postkasse har du?');
    await agent.page.keyboard.press('Enter');
    await waitForText(page, '#chat-log .msg--theirs .msg__body', 'Hei! Hvilken postkasse har du?');
    await expect(page.locator('#chat-log .msg--theirs .msg__author').last().innerText()).resolves.toBe(staff.displayName);
    await expectFocus(page, '#composer-input'); // an incoming message does not steal focus

    // Citizen → agent, keyboard only; focus stays in the message box, ready for the next one.
    await page.keyboard.type('Jeg har Digipost.');
    await page.keyboard.press('Enter');
    await expectFocus(page, '#composer-input');
    await expect(page.locator('#composer-input').inputValue()).resolves.toBe('');
    await waitForText(agent.page, '#chat-columns .msg__body', 'Jeg har Digipost.');
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('#chat-log .msg--pending').length === 0);
    // Shift+Enter is a new line, not a send.
    await page.keyboard.type('Linje en');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('linje to');
    await expect(page.locator('#composer-input').inputValue()).resolves.toBe('Linje en\nlinje to');
    await page.keyboard.press('Enter');
    await waitForText(agent.page, '#chat-columns .msg__body', 'linje to');

    await expectNoAxeViolations(page, 'citizen, in chat');
    await expectNoAxeViolations(agent.page, 'agent console with a chat open');
    await screenshots(agent.page, 'agent-console-chat');

    // One-click referral: the citizen gets Digipost's contact details, with a working link.
    await card.locator('[data-refer="digipost"]').click();
    await waitForText(page, '#chat-log .msg--referral', 'kundeservice@digipost.no');
    const referral = page.locator('#chat-log .msg--referral').last();
    await expect(referral.innerText()).resolves.toContain('+47 22 03 00 00');
    // Web address, e-mail and phone are links (one tap to call or write on a phone).
    await expect(referral.locator('a[href="https://www.digipost.no/hjelp/"]').count()).resolves.toBe(1);
    await expect(referral.locator('a[href="mailto:kundeservice@digipost.no"]').innerText()).resolves.toBe('kundeservice@digipost.no');
    await expect(referral.locator('a[href="tel:+4722030000"]').innerText()).resolves.toBe('+47 22 03 00 00');
    await expectNoAxeViolations(page, 'citizen, referral received');
    await screenshots(page, 'citizen-chat');

    const bodies = await logBodies(page.locator('#chat-log'));
    expect(bodies.filter((b) => !b.includes('Digipost,'))).toEqual(
      expect.arrayContaining(['Jeg finner ikke brevet fra Skatteetaten.', 'Hei! Hvilken postkasse har du?', 'Jeg har Digipost.', 'Linje en\nlinje to']),
    );
    const seqs = await page.locator('#chat-log .msg').evaluateAll((nodes) => nodes.map((n: any) => Number(n.dataset.seq)));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    // The agent closes; the citizen's focus goes to the rating, which works with the keyboard.
    await card.locator('[data-role="close"] summary').click();
    await card.locator('[data-role="outcome"]').selectOption('referred');
    await card.locator('[data-role="close-submit"]').click();
    await visible(page.locator('#ended-section'));
    await waitForText(page, '#ended-by', 'Rådgiveren avsluttet samtalen.');
    await expectFocus(page, '#rating-score-1');
    await expect(page.locator('#composer').isHidden()).resolves.toBe(true);
    await expectNoAxeViolations(page, 'citizen, ended with rating');
    await screenshots(page, 'citizen-ended');

    await page.keyboard.press('Space');
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowDown');
    await expect(page.locator('#rating-score-5').isChecked()).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Rask og god hjelp');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expectFocus(page, '#rating-thanks');
    await expectNoAxeViolations(page, 'citizen, rated');

    const chats = await suite.desk.http().get('/api/tickets').set('cookie', (await suite.desk.login('agent')).cookie).expect(200);
    const chat = (chats.body.items ?? chats.body).find((t: any) => t.reference === reference);
    const ticket = await suite.desk.http().get(`/api/tickets/${chat.id}`).set('cookie', (await suite.desk.login('agent')).cookie).expect(200);
    expect(ticket.body).toMatchObject({ status: 'closed', outcome: 'referred', rating: { score: 5, comment: 'Rask og god hjelp' } });
  }, 90_000);

  it('shows the messages sent while the connection was down, once each and in order, after it comes back', async () => {
    const citizen = await actor();
    const page = citizen.page;
    await page.goto('/');
    await page.locator('label[for="start-topic-id-porten"]').click();
    await page.locator('#start-message').fill('BankID virker ikke.');
    await page.locator('#start-submit').click();
    await waitForText(page, '#chat-reference', 'DS-');
    await waitForText(page, '#conn-text', 'Tilkoblet');

    const agentLogin = await suite.desk.login('agent');
    const agent = await suite.desk.agent(agentLogin);
    const listed = await ask(agent, 'queue:list');
    const chatId = listed.waiting.find((w: any) => w.preview.includes('BankID'))!.chatId;
    expect((await ask(agent, 'chat:accept', { chatId })).ok).toBe(true);
    await visible(page.locator('#agent-info'));
    await ask(agent, 'message:send', { chatId, clientId: 'before', body: 'Før bruddet' });
    await waitForText(page, '#chat-log .msg__body', 'Før bruddet');

    // The network goes away: the page says so, and the agent keeps writing.
    await citizen.context.setOffline(true);
    // Chromium's offline emulation also cuts the open WebSocket, so nothing else is needed.
    await waitForText(page, '#conn-text', 'Mistet forbindelsen');
    await expect(page.locator('#conn-status').getAttribute('data-state')).resolves.toBe('reconnecting');
    for (const body of ['Mens du var borte 1', 'Mens du var borte 2', 'Mens du var borte 3']) {
      expect((await ask(agent, 'message:send', { chatId, clientId: body, body })).ok).toBe(true);
    }
    // The citizen writes while offline too: it waits as "sending" and goes out on reconnect.
    await page.locator('#composer-input').fill('Er dere der?');
    await page.locator('#composer-input').press('Enter');
    await visible(page.locator('#chat-log .msg--pending'));
    // Only the stored message is announced, so the "sending" bubble is not in the accessibility tree.
    await expect(page.locator('#chat-log').ariaSnapshot()).resolves.not.toContain('Er dere der?');
    const fromCitizen = next(agent, 'message:new', (m: any) => m.body === 'Er dere der?', 20_000);

    await citizen.context.setOffline(false);
    await waitForText(page, '#conn-text', 'Tilkoblet', 20_000);
    await waitForText(page, '#chat-log .msg__body', 'Mens du var borte 3');
    await fromCitizen;
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('#chat-log .msg--pending').length === 0);
    const bodies = await logBodies(page.locator('#chat-log'));
    const spoken = await page.locator('#chat-log').ariaSnapshot();
    expect(spoken.split('Er dere der?')).toHaveLength(2);
    expect(bodies).toEqual(['BankID virker ikke.', `${agentLogin.displayName} har tatt imot samtalen.`, 'Før bruddet', 'Mens du var borte 1', 'Mens du var borte 2', 'Mens du var borte 3', 'Er dere der?']);
    agent.disconnect();
  });

  it('keeps the chat through a reload, shows typing, downloads the transcript, and lets the citizen end it', async () => {
    const citizen = await actor();
    const page = citizen.page;
    await page.goto('/');
    // The server checks the national identity number's check digits; its error lands on the field.
    await page.locator('label[for="start-topic-other"]').click();
    await page.locator('#start-message').fill('Hei, jeg har et spørsmål.');
    await page.locator('#start-nationalId').fill('12345678901');
    await page.locator('#start-submit').click();
    await expectFocus(page, '#start-errors');
    await waitForText(page, '#start-nationalId-error', 'Fødselsnummeret er ikke gyldig');
    await page.locator('#start-nationalId').fill('');
    await page.locator('#start-submit').click();
    await waitForText(page, '#chat-reference', 'DS-');

    const agentLogin = await suite.desk.login('agent');
    const agent = await suite.desk.agent(agentLogin);
    const listed = await ask(agent, 'queue:list');
    const chatId = listed.waiting.find((w: any) => w.preview.includes('et spørsmål'))!.chatId;
    await ask(agent, 'chat:accept', { chatId });
    await ask(agent, 'message:send', { chatId, clientId: 'a1', body: 'Hva lurer du på?' });
    await waitForText(page, '#chat-log .msg__body', 'Hva lurer du på?');

    // Typing, both ways.
    agent.emit('typing', { chatId, typing: true });
    await visible(page.locator('#typing'));
    agent.emit('typing', { chatId, typing: false });
    await page.locator('#typing').waitFor({ state: 'hidden' });
    const theyType = next(agent, 'typing', (p: any) => p.typing === true);
    await page.locator('#composer-input').pressSequentially('Et');
    await theyType;
    await page.locator('#composer-input').fill('');

    // A reload (or coming back to the tab) picks the conversation up again, nothing twice.
    await page.reload();
    await waitForText(page, '#conn-text', 'Tilkoblet');
    await waitForText(page, '#chat-log .msg__body', 'Hva lurer du på?');
    await waitForText(page, '#agent-info', agentLogin.displayName);
    const bodies = await logBodies(page.locator('#chat-log'));
    expect(bodies.filter((b) => b === 'Hva lurer du på?')).toHaveLength(1);
    expect(bodies[0]).toBe('Hei, jeg har et spørsmål.');
    await page.locator('#composer-input').fill('Fortsatt her');
    const arrived = next(agent, 'message:new', (m: any) => m.body === 'Fortsatt her');
    await page.locator('#composer-input').press('Enter');
    await arrived;

    // The citizen ends the chat (after a confirmation) and can download the transcript.
    page.once('dialog', (dialog) => void dialog.accept());
    const ended = next(agent, 'chat:ended');
    await page.locator('#end-chat').click();
    await ended;
    await waitForText(page, '#ended-by', 'Du avsluttet samtalen.');
    await expectFocus(page, '#rating-score-1');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-transcript="txt"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^DS-\d{4}-\d{6}\.txt$/);
    const { readFileSync } = await import('node:fs');
    const transcript = readFileSync((await download.path())!, 'utf8');
    expect(transcript).toContain('Hva lurer du på?');
    expect(transcript).toContain('Fortsatt her');

    // "Start a new chat" gives a fresh start form.
    await page.locator('#new-chat').click();
    await visible(page.locator('#start-form'));
    await expect(page.locator('#chat-section').isHidden()).resolves.toBe(true);
    agent.disconnect();
  });

  it('works at 320 px wide and at 200 % zoom while chatting, long addresses included', async () => {
    const citizen = await actor({ viewport: { width: 320, height: 640 } });
    const page = citizen.page;
    await page.goto('/');
    await expectNoSidewaysScroll(page, 'open page at 320 px');
    // Someone else is already waiting, so this citizen is second and moves up.
    const other = await suite.desk.citizen();
    const first = await ask(other, 'chat:start', { topic: 'other', message: 'Først i køen' });
    await page.locator('label[for="start-topic-digital-mailbox"]').click();
    await page.locator('#start-message').fill('Hvordan bytter jeg postkasse?');
    await page.locator('#start-submit').click();
    await waitForText(page, '#queue-position', 'Du er nummer 2 i køen.');
    await expectNoSidewaysScroll(page, 'queued at 320 px');

    const agent = await suite.desk.agent(await suite.desk.login('agent'));
    await ask(agent, 'chat:accept', { chatId: first.chat.id });
    await waitForText(page, '#queue-position', 'Du er nummer 1 i køen.');
    await ask(agent, 'chat:close', { chatId: first.chat.id, outcome: 'other' });
    other.disconnect();
    const listed = await ask(agent, 'queue:list');
    const chatId = listed.waiting.find((w: any) => w.preview.includes('bytter jeg'))!.chatId;
    await ask(agent, 'chat:accept', { chatId });
    const long = 'Se https://www.norge.no/nb/digital-borgar/digital-postkasse/endre-kontaktinformasjon-og-velge-ny-digital-postkasse-for-deg-selv?kilde=brukerstotte&sprak=nb og ' + 'Superlangtordutenmellomrom'.repeat(4);
    await ask(agent, 'message:send', { chatId, clientId: 'long', body: long });
    await ask(agent, 'chat:refer', { chatId, provider: 'e-boks' });
    await waitForText(page, '#chat-log .msg--referral', 'e-Boks');
    await expect(page.locator('#chat-log .msg--referral a[href="tel:+4722898504"]').count()).resolves.toBe(1);
    await expect(page.locator('#chat-log .msg--referral a[href="https://brukersupport.e-boks.no/hc/en-us"]').count()).resolves.toBe(1);
    await expectNoSidewaysScroll(page, 'in chat at 320 px');
    await screenshots(page, 'citizen-chat-narrow');

    await page.setViewportSize({ width: 640, height: 450 });
    await expectNoSidewaysScroll(page, 'in chat at 200 % (640 CSS px)');
    await page.locator('#composer-input').focus();
    await page.keyboard.type('Takk');
    const arrived = next(agent, 'message:new', (m: any) => m.body === 'Takk');
    await page.keyboard.press('Enter');
    await arrived;
    const send = await page.locator('#composer-send').boundingBox();
    expect(send!.x + send!.width).toBeLessThanOrEqual(640);
    await ask(agent, 'chat:close', { chatId, outcome: 'resolved' });
    await visible(page.locator('#ended-section'));
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoSidewaysScroll(page, 'ended at 320 px');
    agent.disconnect();
  });
});
