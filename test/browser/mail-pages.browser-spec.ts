import type { Page } from 'playwright-core';
import { Sql } from '../../src/database/sql';
import { Transactions } from '../../src/database/transactions';
import { newMessageId } from '../../src/mail/mail-headers';
import { MailStore } from '../../src/mail/mail-store';
import { MessageStore } from '../../src/tickets/message-store/message-store';
import { storeInboundMail, StoredInbound, SUPPORT_ADDRESS } from '../support/mail-tickets';

import { expectNoAxeViolations } from './support/axe';
import { browserSuite } from './support/harness';
import { expectFocus, screenshots, visible, waitForText, WAIT_MS } from './support/browser';
import { loginThroughPage } from './support/staff';

const CITIZEN = 'ola.nordmann@example.no';
const REFUSAL = '550 5.1.1 <ola.nordmann@example.no>: mailbox unavailable';

/**
 * The pages of the e-mail channel in a real browser. The mail is put in the database the way the
 * IMAP import and the outbox store it (MailStore), and the pages call the real mail API.
 */
describe('e-mail tickets in the staff pages', () => {
  const suite = browserSuite();
  const { actor } = suite;

  /** An earlier answer on the ticket whose mail the SMTP server refused for good; and the automatic acknowledgement. */
  async function failedReplyAndAck(inbound: StoredInbound): Promise<string> {
    const at = suite.desk.clock.now();
    return suite.desk.app.get(Transactions).run(async (db) => {
      const store = suite.desk.app.get(MailStore);
      const message = await suite.desk.app.get(MessageStore).append(db, inbound.ticketId, { author: 'agent', authorName: 'Kari', kind: 'text', body: 'Har du sjekket søppelposten?', createdAt: at });
      const outgoing = { ticketId: inbound.ticketId, fromAddress: SUPPORT_ADDRESS, toAddress: CITIZEN, inReplyTo: inbound.headerMessageId, references: inbound.headerMessageId, createdAt: at };
      await store.enqueue(db, { ...outgoing, messageId: null, kind: 'ack', headerMessageId: newMessageId(SUPPORT_ADDRESS), subject: `Vi har mottatt henvendelsen [${inbound.reference}]`, body: 'Takk for henvendelsen.', ackKey: `ack:${inbound.ticketId}:${CITIZEN}` });
      const reply = await store.enqueue(db, { ...outgoing, messageId: message.id, kind: 'reply', headerMessageId: newMessageId(SUPPORT_ADDRESS), subject: `Re: Brevet [${inbound.reference}]`, body: message.body });
      await suite.desk.app.get(Sql).query("UPDATE mails SET status = 'failed', attempts = 3, last_error = ? WHERE id = ?", [REFUSAL, reply!.id], db);
      return message.id;
    });
  }

  async function openTicketFromList(page: Page, reference: string): Promise<void> {
    const row = page.locator('#ticket-rows tr', { hasText: reference });
    await visible(row);
    const link = row.locator('a', { hasText: reference });
    await link.focus();
    await Promise.all([page.waitForURL(/\/agent\/tickets\/[0-9a-f-]{36}$/, { timeout: WAIT_MS }), page.keyboard.press('Enter')]);
  }

  it('shows the thread with states and attachments, answers with a ready-made reply, sends a failed mail again, and clears the unread marker', async () => {
    const inbound = await storeInboundMail(suite.desk, {
      from: CITIZEN,
      subject: 'Brevet fra Skatteetaten',
      body: 'Hei! Jeg finner ikke brevet. <b>Ikke fet</b> <script>alert(1)</script>',
      attachment: { filename: 'skjermbilde.png', contentType: 'image/png', content: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') },
    });
    const failedMessageId = await failedReplyAndAck(inbound);
    const agent = await suite.desk.createStaff('agent', 'kari');
    const { page } = await actor();
    await loginThroughPage(page, agent);

    await page.goto('/agent/tickets?channel=email');
    const row = page.locator('#ticket-rows tr', { hasText: inbound.reference });
    await visible(row);
    await waitForText(page, `#ticket-rows tr[data-ticket-id="${inbound.ticketId}"]`, 'Ulest');
    await expectNoAxeViolations(page, 'ticket list with an unread e-mail ticket');

    const read = page.waitForResponse((response) => response.url().endsWith(`/api/tickets/${inbound.ticketId}/read`) && response.request().method() === 'POST');
    await openTicketFromList(page, inbound.reference);
    expect((await read).status()).toBe(200);

    const thread = page.locator('#ticket-messages');
    const citizenMessage = thread.locator(`li[data-message-id="${inbound.messageId}"]`);
    await waitForText(page, `li[data-message-id="${inbound.messageId}"] [data-role="mail"]`, `E-post fra ${CITIZEN}`);
    // Mail content is text: the markup in it is shown, not run or rendered.
    expect(await citizenMessage.locator('.msg__body').innerText()).toContain('<b>Ikke fet</b> <script>alert(1)</script>');
    expect(await citizenMessage.locator('b').count()).toBe(0);
    const attachment = citizenMessage.locator('.msg__attachments a', { hasText: 'skjermbilde.png' });
    expect(await attachment.getAttribute('href')).toBe(`/api/tickets/${inbound.ticketId}/attachments/${inbound.attachmentId}`);
    const download = await page.request.get((await attachment.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');

    const failed = thread.locator(`li[data-message-id="${failedMessageId}"]`);
    await waitForText(page, '#ticket-messages [data-status="failed"]', `E-post til ${CITIZEN}: Ikke sendt`);
    await waitForText(page, '#ticket-messages [data-role="mail-reason"]', REFUSAL);
    await waitForText(page, '#ticket-messages .msg--ack', `Kvittering til ${CITIZEN}`);
    await visible(page.locator('#mail-reply'));
    await waitForText(page, '#mail-reply-to', `Svaret går til ${CITIZEN}.`);
    await expectNoAxeViolations(page, 'e-mail ticket with its thread');
    await screenshots(page, 'agent-ticket-email');

    // Send again, by keyboard: the failed mail is queued again and focus lands on its new state.
    await failed.locator('[data-role="mail-retry"]').focus();
    await page.keyboard.press('Enter');
    await waitForText(page, '#notices', 'lagt i kø for sending igjen');
    await expectFocus(page, `#ticket-messages li[data-message-id="${failedMessageId}"] [data-role="mail-state"]`);
    expect(['queued', 'sending', 'sent']).toContain(await failed.locator('[data-role="mail-state"]').getAttribute('data-status'));

    // A ready-made reply, then a few words of our own, sent with the keyboard a minute later.
    suite.desk.clock.advance(60_000);
    await page.locator('#mail-replies summary').click();
    const option = page.locator('#mail-replies .reply-option').first();
    await visible(option);
    await option.press('Enter');
    expect((await page.locator('#mail-body').inputValue()).length).toBeGreaterThan(0);
    await page.locator('#mail-body').press('End');
    await page.keyboard.type(' Svar fra nettleseren.');
    const answer = await page.locator('#mail-body').inputValue();
    await page.locator('#mail-submit').focus();
    await page.keyboard.press('Enter');
    await waitForText(page, '#notices', 'Svaret er lagret i saken');
    const sent = thread.locator('li.msg--mine', { hasText: 'Svar fra nettleseren.' });
    await visible(sent);
    await waitForText(page, '#ticket-messages li.msg--mine [data-role="mail-state"]', `E-post til ${CITIZEN}:`);
    expect(['queued', 'sending', 'sent']).toContain(await sent.locator('[data-role="mail-state"]').getAttribute('data-status'));
    expect(await page.locator('#mail-body').inputValue()).toBe('');
    await expectNoAxeViolations(page, 'e-mail ticket after a reply');

    // Back in the list the marker is gone.
    await page.goto('/agent/tickets?channel=email');
    await visible(page.locator(`#ticket-rows tr[data-ticket-id="${inbound.ticketId}"]`));
    expect(await page.locator(`#ticket-rows tr[data-ticket-id="${inbound.ticketId}"]`).innerText()).not.toContain('Ulest');

    // The development mailbox shows what was sent, threaded under the citizen's mail.
    await page.goto('/dev/mail');
    const shown = page.locator('.dev-mail', { hasText: 'Svar fra nettleseren.' });
    await visible(shown);
    expect(await shown.locator('[data-role="body"]').innerText()).toContain(answer.trim());
    expect(await shown.locator('[data-role="in-reply-to"]').innerText()).toBe(inbound.headerMessageId);
    expect(await page.locator('.dev-mail').first().innerText()).toContain('Svar fra nettleseren.'); // newest first
    await expectNoAxeViolations(page, 'development mailbox');
    await screenshots(page, 'dev-mail');
  });

  it('takes an e-mail address on a phone ticket and offers the answer by e-mail; says why not when there is none', async () => {
    const agent = await suite.desk.createStaff('agent', 'ola');
    const { page } = await actor();
    await loginThroughPage(page, agent);
    await page.goto('/agent/tickets/new');
    await page.locator('#ticket-channel-phone').check();
    await page.locator('#ticket-topic-id-porten').check();
    await page.locator('#ticket-summary').fill('Innringer vil ha svaret på e-post.');
    await page.locator('#ticket-email').fill('ikke en adresse');
    await page.locator('#ticket-submit').click();
    await waitForText(page, '#ticket-email-error', 'gyldig e-postadresse');
    await expectFocus(page, '#ticket-errors');
    await expectNoAxeViolations(page, 'new ticket with a wrong e-mail address');

    await page.locator('#ticket-email').fill('kari.nordmann@example.no');
    await page.locator('#ticket-name').fill('Kari Nordmann');
    await Promise.all([page.waitForURL(/\/agent\/tickets\/[0-9a-f-]{36}$/, { timeout: WAIT_MS }), page.locator('#ticket-submit').click()]);
    await waitForText(page, '#mail-reply-to', 'kari.nordmann@example.no');
    await waitForText(page, '.facts', 'Kari Nordmann');

    await page.goto('/agent/tickets/new');
    await page.locator('#ticket-topic-other').check();
    await page.locator('#ticket-summary').fill('Uten e-postadresse.');
    await Promise.all([page.waitForURL(/\/agent\/tickets\/[0-9a-f-]{36}$/, { timeout: WAIT_MS }), page.locator('#ticket-submit').click()]);
    await waitForText(page, '#mail-status', 'saken har ingen e-postadresse');
    expect(await page.locator('#mail-reply').isHidden()).toBe(true);
    await expectNoAxeViolations(page, 'phone ticket without an e-mail address');
  });
});
