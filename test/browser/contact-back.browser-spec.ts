import type { Page } from 'playwright-core';
import { ChatSweeper } from '../../src/chat/chat-sweeper';
import { expectNoAxeViolations } from './support/axe';
import { browserSuite } from './support/harness';
import { expectFocus, tabTo, visible, waitForText } from './support/browser';
import { acceptChat, loginThroughPage, setAvailable } from './support/staff';

// Tuesday 14:50 in Oslo; with a 30-minute drain the queue becomes tickets at 15:31.
const BEFORE_CLOSING = '2026-11-24T13:50:00Z';
const AFTER_DRAIN = '2026-11-24T14:31:00Z';

async function startChat(page: Page): Promise<string> {
  await tabTo(page, '#start-topic-digital-mailbox');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Jeg finner ikke brevet fra Skatteetaten.');
  await tabTo(page, '#start-submit');
  await page.keyboard.press('Enter');
  await waitForText(page, '#chat-reference', 'DS-');
  return ((await page.locator('#chat-reference').innerText()).match(/DS-\d{4}-\d{6}/) ?? [''])[0];
}

describe('the citizen is asked how to get the answer when the chat becomes a ticket', () => {
  const suite = browserSuite({ app: { now: BEFORE_CLOSING, env: { QUEUE_DRAIN_MINUTES: '30' } } });
  const { actor } = suite;

  it('asks at closing time, again after a reload, and takes an e-mail address by keyboard', async () => {
    const { page } = await actor();
    await page.goto('/');
    const reference = await startChat(page);

    suite.desk.clock.set(AFTER_DRAIN);
    await suite.desk.app.get(ChatSweeper).sweep();
    await visible(page.locator('#contact-back'));
    await expectFocus(page, '#contact-back-heading');
    await waitForText(page, '#chat-log', 'Hvordan vil du ha svaret vårt?');
    await expect(page.locator('#rating').isHidden()).resolves.toBe(true);
    await expectNoAxeViolations(page, 'citizen, chat became a ticket, asked for a way back');

    // Back on the page with the token: still asked.
    await page.reload();
    await visible(page.locator('#contact-back'));

    // Nothing given, then a bad address: the summary takes focus and names the field.
    await tabTo(page, '#contact-back-submit');
    await page.keyboard.press('Enter');
    await expectFocus(page, '#contact-back-errors');
    await waitForText(page, '#contact-back-email-error', 'Skriv en e-postadresse eller et telefonnummer.');
    await tabTo(page, '#contact-back-email');
    await page.keyboard.type('kari@');
    await tabTo(page, '#contact-back-submit');
    await page.keyboard.press('Enter');
    await waitForText(page, '#contact-back-email-error', 'Skriv en gyldig e-postadresse');
    await expect(page.locator('#contact-back-email').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectNoAxeViolations(page, 'citizen, way back with an error');

    await page.locator('#contact-back-email').fill('kari.nordmann@example.no');
    await page.locator('#contact-back-email').focus();
    await tabTo(page, '#contact-back-submit');
    await page.keyboard.press('Enter');
    await expectFocus(page, '#contact-back-sent');
    await waitForText(page, '#contact-back-sent-text', 'Takk! Vi svarer deg på e-post til kari.nordmann@example.no.');
    await expect(page.locator('#contact-back').isHidden()).resolves.toBe(true);
    await waitForText(page, '#chat-log', 'Takk! Vi svarer deg på e-post.');
    await expectNoAxeViolations(page, 'citizen, way back given');

    const agent = await suite.desk.login('agent');
    const list = await suite.desk.http().get('/api/tickets').query({ q: reference }).set('cookie', agent.cookie).expect(200);
    const found = (list.body.items ?? list.body).find((t: any) => t.reference === reference);
    const ticket = await suite.desk.http().get(`/api/tickets/${found.id}`).set('cookie', agent.cookie).expect(200);
    expect(ticket.body.contact).toEqual({ email: 'kari.nordmann@example.no' });

    // Answered: a later visit does not ask again.
    await page.reload();
    await waitForText(page, '#chat-log', 'Takk! Vi svarer deg på e-post.');
    await expect(page.locator('#contact-back').isHidden()).resolves.toBe(true);
  });

  it('asks when the agent makes the chat a ticket from the console, and the agent gets a link to it', async () => {
    suite.desk.clock.set(BEFORE_CLOSING);
    const citizen = await actor();
    await citizen.page.goto('/');
    const reference = await startChat(citizen.page);
    const agent = await actor();
    await loginThroughPage(agent.page, await suite.desk.createStaff('agent', 'ida'));
    await setAvailable(agent.page);
    const card = await acceptChat(agent.page, reference);

    await card.locator('[data-role="close"] summary').click();
    await card.locator('[data-role="to-ticket"]').click();
    await waitForText(agent.page, '#chat-columns [data-role="ended-text"]', 'Chatten er gjort til sak.');
    const link = card.locator('[data-role="ticket-link"] a');
    await visible(link);
    await expectNoAxeViolations(agent.page, 'agent, chat made a ticket');

    await visible(citizen.page.locator('#contact-back'));
    await expectFocus(citizen.page, '#contact-back-heading');
    await waitForText(citizen.page, '#chat-log', `har gjort spørsmålet ditt til sak ${reference}`);
    await expect(citizen.page.locator('#rating').isHidden()).resolves.toBe(true);

    await link.click();
    await agent.page.waitForURL('**/agent/tickets/*');
    await waitForText(agent.page, 'main', reference);
  });
});
