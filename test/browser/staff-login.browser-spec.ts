import { StaffService } from '../../src/staff/staff.service';
import { expectNoAxeViolations } from './support/axe';
import { browserSuite } from './support/harness';
import { expectFocus, expectNoSidewaysScroll, screenshots, tabTo, visible, waitForText, WAIT_MS } from './support/browser';
import { agentConnected } from './support/staff';

describe('staff log-in page', () => {
  // A wrong password is a 401 the browser logs as a failed resource; that one is expected.
  // The wrong current password is a 400 the browser logs likewise.
  const suite = browserSuite({ expectedProblems: /status of (401|400)/ });
  const { actor } = suite;

  it('refuses a wrong password with a focused message, then logs in and out with the keyboard', async () => {
    const staff = await suite.desk.createStaff('agent', 'per');
    const { page } = await actor();

    // The console needs a log-in, and comes back after it.
    await page.goto('/agent');
    await page.waitForURL('**/login?next=%2Fagent');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nb');
    await expectNoAxeViolations(page, 'log-in');
    await screenshots(page, 'login');

    // Empty form: each field says what is missing, focus goes to the first.
    await tabTo(page, '#login-submit');
    await page.keyboard.press('Enter');
    await expectFocus(page, '#login-username');
    await waitForText(page, '#login-username-error', 'Skriv brukernavnet ditt.');
    await waitForText(page, '#login-password-error', 'Skriv passordet ditt.');
    await expectNoAxeViolations(page, 'log-in, empty fields');

    await page.keyboard.type(staff.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong password');
    await page.keyboard.press('Enter');
    await expectFocus(page, '#login-error');
    await waitForText(page, '#login-error-text', 'Feil brukernavn eller passord.');
    await expect(page.locator('#login-password').inputValue()).resolves.toBe('');
    await expect(page.locator('#login-username-error').isHidden()).resolves.toBe(true);
    expect(page.url()).toContain('/login');
    await expectNoAxeViolations(page, 'log-in, wrong password');
    await screenshots(page, 'login-wrong-password');

    await page.locator('#login-password').focus();
    await page.keyboard.type(staff.password);
    await Promise.all([page.waitForURL('**/agent', { timeout: WAIT_MS }), page.keyboard.press('Enter')]);
    await agentConnected(page);
    await waitForText(page, '.agent-top', `Logget inn som ${staff.displayName}`);
    await expectNoAxeViolations(page, 'agent console, empty');

    // Already logged in: /login goes straight to the console.
    await page.goto('/login');
    await page.waitForURL('**/agent');
    await agentConnected(page);

    await tabTo(page, '#logout');
    await Promise.all([page.waitForURL('**/login', { timeout: WAIT_MS }), page.keyboard.press('Enter')]);
    await visible(page.locator('#login-form'));
    await page.goto('/agent');
    await page.waitForURL('**/login?next=%2Fagent');
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(401);
  });

  it('sends someone whose password was reset to change it, with readable errors, then on to the console', async () => {
    const staff = await suite.desk.createStaff('agent', 'reset');
    const { page } = await actor();
    await suite.desk.app.get(StaffService).update('someone-else', staff.id, { password: 'temporary-password-1' });

    await page.goto('/login?next=%2Fagent');
    await page.locator('#login-username').fill(staff.username);
    await page.locator('#login-password').fill('temporary-password-1');
    await Promise.all([page.waitForURL('**/password', { timeout: WAIT_MS }), page.locator('#login-submit').click()]);
    await visible(page.locator('#password-form'));
    await expectNoAxeViolations(page, 'password change');

    await page.locator('#password-current').fill('not-the-password');
    await page.locator('#password-new').fill('my-own-long-password');
    await page.locator('#password-submit').click();
    await waitForText(page, '#password-current-error', 'Det nåværende passordet er feil.');
    await expectNoAxeViolations(page, 'password change, wrong current password');

    await page.locator('#password-current').fill('temporary-password-1');
    await page.locator('#password-new').fill('short');
    await page.locator('#password-submit').click();
    await waitForText(page, '#password-new-error', 'Det nye passordet må ha 12 til 200 tegn');

    await page.locator('#password-new').fill('my-own-long-password');
    await Promise.all([page.waitForURL('**/agent', { timeout: WAIT_MS }), page.locator('#password-submit').click()]);
    await agentConnected(page);
  });

  it('fits 320 px and 200 % zoom, and is in English on ?lang=en', async () => {
    const { page } = await actor({ viewport: { width: 320, height: 640 } });
    await page.goto('/login?lang=en');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await waitForText(page, 'h1', 'Staff');
    await page.locator('#login-submit').click();
    await waitForText(page, '#login-username-error', 'user');
    await expectNoSidewaysScroll(page, 'log-in at 320 px');
    await expectNoAxeViolations(page, 'log-in, English, errors');

    const zoomed = await actor({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
    await zoomed.page.goto('/login');
    await expectNoSidewaysScroll(zoomed.page, 'log-in at 200 %');
  });
});
