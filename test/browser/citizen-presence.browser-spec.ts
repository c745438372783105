import { ChatIdleService } from '../../src/chat/chat-idle.service';
import { ask } from '../support/test-app';
import { expectNoAxeViolations } from './support/axe';
import { browserSuite } from './support/harness';
import { hidden, waitForText } from './support/browser';
import { acceptChat, loginThroughPage, setAvailable } from './support/staff';

const MINUTE = 60_000;

describe('the citizen’s presence on the agent console', () => {
  const suite = browserSuite({ app: { env: { CHAT_IDLE_MINUTES: '10', CHAT_IDLE_GRACE_MINUTES: '2' } } });

  it('shows the citizen connected, gone since a time, back again, and the chat ended as abandoned', async () => {
    const agent = await suite.actor();
    await loginThroughPage(agent.page, await suite.desk.createStaff('agent', 'kari'));
    await setAvailable(agent.page);

    const citizen = await suite.desk.citizen();
    const started = await ask(citizen, 'chat:start', { topic: 'digital-mailbox', message: 'Hei, jeg får ikke logget inn.' });
    const card = await acceptChat(agent.page, started.chat.reference);
    const tag = card.locator('[data-role="presence"]');
    await waitForText(agent.page, '[data-role="presence"]', 'Innbyggeren er tilkoblet');
    await expect(tag.getAttribute('role')).resolves.toBe('status');

    suite.desk.clock.set('2026-11-24T12:02:00Z'); // 13:02 in Oslo
    citizen.disconnect();
    await waitForText(agent.page, '[data-role="presence"]', 'Innbyggeren gikk 13:02');
    await expectNoAxeViolations(agent.page, 'agent console, citizen gone');

    // A reload shows the same, from the chat data the console loads.
    await agent.page.reload();
    await waitForText(agent.page, '[data-role="presence"]', 'Innbyggeren gikk 13:02');

    const back = await suite.desk.citizen({ token: started.token });
    await waitForText(agent.page, '[data-role="presence"]', 'Innbyggeren er tilkoblet');
    back.disconnect();
    await waitForText(agent.page, '[data-role="presence"]', 'Innbyggeren gikk');

    suite.desk.clock.advance(10 * MINUTE);
    await suite.desk.app.get(ChatIdleService).sweep();
    suite.desk.clock.advance(2 * MINUTE);
    await suite.desk.app.get(ChatIdleService).sweep();
    await waitForText(agent.page, '[data-role="ended-text"]', 'Innbyggeren forlot samtalen, og den ble avsluttet som forlatt.');
    await hidden(agent.page.locator('#chat-columns [data-role="presence"]'));
  });
});
