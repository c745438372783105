import type { Page } from 'playwright-core';
import { browserSuite } from './support/harness';
import { describeFocus, expectFocus, visible, waitForText, WAIT_MS } from './support/browser';
import { loginThroughPage } from './support/staff';

/** Waits until what has focus is `selector` inside the `within` element (a row, an item) that says `says`. */
async function expectFocusWithin(page: Page, within: { css: string; says: string }, selector: string): Promise<void> {
  try {
    await page.waitForFunction(
      ([outer, says, inner]) => {
        const active = (globalThis as any).document.activeElement;
        const container = active?.closest(outer);
        return Boolean(container) && active.matches(inner) && String(container.textContent).includes(says);
      },
      [within.css, within.says, selector] as const,
      { timeout: WAIT_MS },
    );
  } catch {
    throw new Error(`expected focus on ${selector} in ${within.css} saying "${within.says}", but it is on ${await describeFocus(page)}`);
  }
}

describe('the admin pages: ready-made replies and staff accounts', () => {
  // A refused server call is logged by the browser as a failed resource.
  const suite = browserSuite({ expectedProblems: /status of 400/ });
  const { actor } = suite;

  it('creates, edits and deletes a ready-made reply, with focus where the work continues', async () => {
    const admin = await suite.desk.createStaff('admin', 'rita');
    const { page } = await actor();
    await loginThroughPage(page, admin);
    await page.goto('/supervisor/replies');
    await visible(page.locator('#reply-list li').first());

    // Nothing filled in: the summary takes focus and the fields say what is missing.
    await page.click('#reply-submit');
    await expectFocus(page, '#reply-errors');
    await expect(page.locator('#reply-title').getAttribute('aria-invalid')).resolves.toBe('true');

    await page.fill('#reply-title', 'Svar om frister');
    await page.fill('#reply-body', 'Fristen er fire uker.');
    await page.click('#reply-submit');
    await waitForText(page, '#notices', 'Svar om frister');
    const item = '#reply-list li:has(h3:text-is("Svar om frister"))';
    await expectFocusWithin(page, { css: '#reply-list li', says: 'Svar om frister' }, 'h3');
    await expect(page.locator('#reply-errors').isHidden()).resolves.toBe(true);

    // Editing fills the form, saving shows the new title with focus on it.
    await page.locator(item).getByRole('button', { name: /Svar om frister/ }).first().click();
    await expectFocus(page, '#reply-title');
    await expect(page.locator('#reply-body').inputValue()).resolves.toBe('Fristen er fire uker.');
    await page.fill('#reply-title', 'Svar om klagefrister');
    await page.click('#reply-submit');
    const edited = '#reply-list li:has(h3:text-is("Svar om klagefrister"))';
    const editedItem = { css: '#reply-list li', says: 'Svar om klagefrister' };
    await expectFocusWithin(page, editedItem, 'h3');
    await expect(page.locator(item).count()).resolves.toBe(0);

    // Delete: cancelling gives focus back to the button; confirming to the list heading.
    const remove = page.locator(edited).getByRole('button', { name: /Svar om klagefrister/ }).nth(1);
    await remove.click();
    await expectFocus(page, '#delete-cancel');
    await waitForText(page, '#delete-dialog-text', 'Svar om klagefrister');
    await page.keyboard.press('Escape');
    await expectFocusWithin(page, editedItem, 'button:nth-of-type(2)');
    await remove.click();
    await page.click('#delete-confirm');
    await expectFocus(page, '#reply-list-heading');
    await expect(page.locator(edited).count()).resolves.toBe(0);
    await expect(page.locator('#delete-dialog').getAttribute('open')).resolves.toBeNull();
  });

  it('creates an account, resets its password in a dialog and disables it after a confirmation', async () => {
    const admin = await suite.desk.createStaff('admin', 'ola');
    const { page } = await actor();
    await loginThroughPage(page, admin);
    await page.goto('/admin/staff');
    await waitForText(page, '#staff-rows', admin.username);

    // A password too short is refused here, beside the field.
    await page.fill('#staff-username', 'kari.nordmann');
    await page.fill('#staff-display-name', 'Kari Nordmann');
    await page.selectOption('#staff-role', 'agent');
    await page.fill('#staff-password', 'kort');
    await page.click('#staff-submit');
    await expectFocus(page, '#staff-errors');
    await expect(page.locator('#staff-password').getAttribute('aria-invalid')).resolves.toBe('true');

    await page.fill('#staff-password', 'et langt nok passord');
    await page.click('#staff-submit');
    await waitForText(page, '#notices', 'Kari Nordmann');
    const row = '#staff-rows tr:has(td:text-is("kari.nordmann"))';
    const rowOfKari = { css: '#staff-rows tr', says: 'kari.nordmann' };
    await expectFocusWithin(page, rowOfKari, '[data-action="reset"]');

    // Reset the password: a short one is refused in the dialog; a good one closes it, focus back on the button.
    await page.keyboard.press('Enter');
    await expectFocus(page, '#reset-password');
    await waitForText(page, '#password-dialog-heading', 'Kari Nordmann');
    await page.fill('#reset-password', 'kort');
    await page.click('#password-save');
    await expectFocus(page, '#reset-password');
    await expect(page.locator('#reset-password').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.fill('#reset-password', 'et annet langt passord');
    await page.click('#password-save');
    await expectFocusWithin(page, rowOfKari, '[data-action="reset"]');
    await expect(page.locator('#password-dialog').getAttribute('open')).resolves.toBeNull();

    // Disable after a confirmation; focus stays on the same control of the row drawn again, and
    // never rests on the old row's button meanwhile (a slow list read widens that moment).
    await page.route('**/api/admin/users', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    await page.locator(row).locator('[data-action="toggle"]').click();
    await expectFocus(page, '#confirm-cancel');
    await waitForText(page, '#confirm-dialog-heading', 'Kari Nordmann');
    await page.click('#confirm-ok');
    await expectFocusWithin(page, rowOfKari, '[data-action="toggle"]');
    await expect(page.locator(row).locator('[data-action="toggle"]').getAttribute('data-color')).resolves.toBe('accent');
  });
});
