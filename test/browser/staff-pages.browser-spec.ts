import { ask, VALID_CHAT } from '../support/test-app';
import { expectNoAxeViolations } from './support/axe';
import { browserSuite } from './support/harness';
import { screenshots, visible, waitForText, WAIT_MS } from './support/browser';
import { loginThroughPage } from './support/staff';

const EBOKS_PERSON = '17858507472';

describe('staff pages beyond the chat console', () => {
  const suite = browserSuite();
  const { actor } = suite;

  it("changes the supervisor's board live when a chat starts and is taken, and opens the chat read-only", async () => {
    const supervisor = await suite.desk.createStaff('supervisor', 'siv');
    const { page } = await actor();
    await loginThroughPage(page, supervisor);
    await page.goto('/supervisor');
    await waitForText(page, '#conn-text', '');
    await page.waitForFunction(() => (globalThis as any).document.getElementById('stat-queue')?.textContent.trim() === '0', undefined, { timeout: WAIT_MS });
    await expectNoAxeViolations(page, 'supervisor board, empty');

    const citizen = await suite.desk.citizen();
    const started = await ask(citizen, 'chat:start', VALID_CHAT);
    await page.waitForFunction(() => (globalThis as any).document.getElementById('stat-queue')?.textContent.trim() === '1', undefined, { timeout: WAIT_MS });

    const agent = await suite.desk.agent(await suite.desk.login('agent', 'kari'));
    await ask(agent, 'chat:accept', { chatId: started.chat.id });
    const row = page.locator('#board-chats tr', { hasText: started.chat.reference });
    await visible(row);
    await expectNoAxeViolations(page, 'supervisor board, chat in progress');
    await screenshots(page, 'supervisor-board');

    await Promise.all([page.waitForURL(`**/supervisor/chats/${started.chat.id}`, { timeout: WAIT_MS }), row.locator('a').first().click()]);
    await waitForText(page, '#chat-log', VALID_CHAT.message);
    await ask(citizen, 'message:send', { clientId: 'late', body: 'Er det noen der?' });
    await waitForText(page, '#chat-log', 'Er det noen der?');
    await expectNoAxeViolations(page, 'supervisor chat view');
    await screenshots(page, 'supervisor-chat');
  });

  it('lets an agent open a phone ticket for an e-Boks caller, see the context and refer', async () => {
    const agent = await suite.desk.createStaff('agent', 'ola');
    const { page } = await actor();
    await loginThroughPage(page, agent);
    await page.goto('/agent/tickets/new');
    await expectNoAxeViolations(page, 'new ticket');
    await page.locator('#ticket-channel-phone').check();
    await page.locator('#ticket-topic-digital-mailbox').check();
    await page.locator('#ticket-summary').fill('Innringer finner ikke brevet fra NAV.');
    await page.locator('#ticket-national-id').fill(EBOKS_PERSON);
    await Promise.all([page.waitForURL(/\/agent\/tickets\/[0-9a-f-]{36}$/, { timeout: WAIT_MS }), page.locator('#ticket-submit').click()]);
    await waitForText(page, '#citizen-context', 'e-Boks');
    await expectNoAxeViolations(page, 'ticket with citizen context');
    await screenshots(page, 'agent-ticket');

    await page.locator('#citizen-context [data-refer="e-boks"]').click();
    await waitForText(page, '#citizen-context', '22 89 85 04');

    await page.goto('/agent/tickets');
    await waitForText(page, '#ticket-rows', '178585*****');
    await expectNoAxeViolations(page, 'ticket list');
  });

  it('gives supervisors the ready-made replies and admins the staff accounts, without accessibility faults', async () => {
    const admin = await suite.desk.createStaff('admin', 'ada');
    const { page } = await actor();
    await loginThroughPage(page, admin);
    await page.goto('/supervisor/replies');
    await visible(page.locator('#reply-list li').first());
    await expectNoAxeViolations(page, 'ready-made replies');
    await page.goto('/admin/staff');
    await waitForText(page, '#staff-rows', admin.username);
    await expectNoAxeViolations(page, 'staff accounts');
    await screenshots(page, 'admin-staff');
  });
});
