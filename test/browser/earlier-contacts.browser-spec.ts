import { ask, VALID_CHAT } from '../support/test-app';
import { expectNoAxeViolations } from './support/axe';
import { browserSuite } from './support/harness';
import { screenshots, visible, waitForText, WAIT_MS } from './support/browser';
import { acceptChat, loginThroughPage, setAvailable } from './support/staff';

/** Synthetic people from data/registry.sample.json. */
const PERSON = '17858500060';

describe('earlier contacts on the console, the ticket page and the search by number', () => {
  // The search with a bad number is answered 400, which the browser logs.
  const suite = browserSuite({ expectedProblems: /status of 400/ });
  const { actor } = suite;

  it('shows "earlier contacts (N)" beside the chat citizen, opens one in a click, and the ticket page shows the look-up in its timeline', async () => {
    const earlier = await suite.desk.http().post('/api/contact').send({ topic: 'id-porten', message: 'Kontoen min er sperret.', nationalId: PERSON }).expect(201);
    const agent = await suite.desk.createStaff('agent', 'kari');
    const { page } = await actor();
    await loginThroughPage(page, agent);
    await setAvailable(page);

    const citizen = await suite.desk.citizen();
    const started = await ask(citizen, 'chat:start', { ...VALID_CHAT, nationalId: PERSON });
    const card = await acceptChat(page, started.chat.reference);
    const panel = card.locator('[data-role="earlier-contacts"]');
    await waitForText(page, `#chat-${started.chat.id}-earlier-heading`, 'Tidligere henvendelser (1)');
    await visible(panel.locator('a', { hasText: earlier.body.reference }));
    await expect(panel.innerText()).resolves.toContain('Funnet på fødselsnummer.');
    // The citizen typed the number: the agent is warned it may be anyone's.
    await waitForText(page, `#chat-${started.chat.id}-earlier-heading ~ * [data-role="earlier-unverified"]`, 'ikke bekreftet med ID-porten');
    await expect(panel.innerText()).resolves.not.toContain(PERSON);
    await expectNoAxeViolations(page, 'console, chat with earlier contacts');
    await screenshots(page, 'agent-earlier-contacts');

    await Promise.all([page.waitForURL(/\/agent\/tickets\/[0-9a-f-]{36}$/, { timeout: WAIT_MS }), panel.locator('a', { hasText: earlier.body.reference }).click()]);
    await waitForText(page, '#ticket-heading', earlier.body.reference);
    // From the earlier ticket, the live chat is the other contact.
    await waitForText(page, '#ticket-earlier-heading', 'Tidligere henvendelser (1)');
    await waitForText(page, '#citizen-context [data-role="earlier-contacts"]', started.chat.reference);
    await expectNoAxeViolations(page, 'ticket page with earlier contacts');
    await screenshots(page, 'ticket-earlier-contacts');

    // The look-up this page made is in the ticket's timeline on its next load.
    await page.reload();
    await waitForText(page, '#events-list', 'Tidligere henvendelser slått opp');
  });

  it('lets a supervisor search by number on the ticket list, with field errors and masked results', async () => {
    await suite.desk.http().post('/api/contact').send({ topic: 'other', message: 'Et spørsmål.', nationalId: PERSON }).expect(201);
    const supervisor = await suite.desk.createStaff('supervisor', 'siv');
    const { page } = await actor();
    await loginThroughPage(page, supervisor);
    await page.goto('/agent/tickets');
    await visible(page.locator('#citizen-search-form'));
    await expectNoAxeViolations(page, 'ticket list with the search by number');

    await page.locator('#citizen-search-number').fill('12345678901');
    await page.locator('#citizen-search-submit').click();
    await waitForText(page, '#citizen-search-number-error', 'Fødselsnummeret er ikke gyldig');
    await expect(page.locator('#citizen-search-number').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectNoAxeViolations(page, 'search by number with an error');

    await page.locator('#citizen-search-number').fill(PERSON);
    await page.locator('#citizen-search-submit').click();
    await waitForText(page, '#citizen-search-result', 'Henvendelser fra 178585*****');
    await expect(page.locator('#citizen-search-result').innerText()).resolves.not.toContain(PERSON);
    expect(page.url()).not.toContain(PERSON);
    await expectNoAxeViolations(page, 'search by number with results');
    await screenshots(page, 'citizen-search');
  });

  it('offers no search by number to an agent', async () => {
    const agent = await suite.desk.createStaff('agent', 'ola');
    const { page } = await actor();
    await loginThroughPage(page, agent);
    await page.goto('/agent/tickets');
    await visible(page.locator('#ticket-results-heading'));
    await expect(page.locator('#citizen-search-form').count()).resolves.toBe(0);
  });
});
