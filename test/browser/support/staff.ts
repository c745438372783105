import type { Page } from 'playwright-core';
import { expectFocus, visible, WAIT_MS } from './browser';

/** Logs in through the /login page as a real user would, and waits for the console to connect. */
export async function loginThroughPage(page: Page, credentials: { username: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.locator('#login-username').fill(credentials.username);
  await page.locator('#login-password').fill(credentials.password);
  await Promise.all([page.waitForURL('**/agent', { timeout: WAIT_MS }), page.locator('#login-submit').click()]);
  await agentConnected(page);
}

export async function agentConnected(page: Page): Promise<void> {
  await page.waitForFunction(() => (globalThis as any).document.getElementById('conn-status')?.dataset.state === 'connected', undefined, { timeout: WAIT_MS });
}

/** Sets the agent available (by clicking the label, as a user does) and waits for the server to confirm. */
export async function setAvailable(page: Page): Promise<void> {
  await page.locator('label[for="status-available"]').click();
  await page.locator('#status-available:checked').waitFor({ state: 'attached', timeout: WAIT_MS });
  await visible(page.locator('#notices .ds-alert').last());
}

/** Accepts the queued chat with this reference from the queue list; returns the chat card. */
export async function acceptChat(page: Page, reference: string) {
  const item = page.locator('#queue-list li', { hasText: reference });
  await visible(item);
  await item.locator('[data-role="accept"]').click();
  const card = page.locator('#chat-columns [data-chat]', { hasText: reference });
  await visible(card);
  await expectFocus(page, '#chat-columns [data-chat] textarea[data-role="reply"]');
  return card;
}
