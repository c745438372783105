import { Sql } from '../../src/database/sql';
import { expectNoAxeViolations } from './support/axe';
import { browserSuite } from './support/harness';
import { expectNoSidewaysScroll, screenshots, visible, waitForText } from './support/browser';
import { loginThroughPage } from './support/staff';

const NATIONAL_ID = '17858500060';

describe('the privacy page: find, export, dry run, erase', () => {
  const suite = browserSuite();
  const { actor } = suite;
  let reference: string;

  beforeAll(async () => {
    const agent = await suite.desk.login('agent', 'kari');
    const created = await suite.desk
      .http()
      .post('/api/tickets')
      .set('cookie', agent.cookie)
      .set('x-csrf-token', agent.csrfToken)
      .send({ channel: 'phone', topic: 'other', summary: 'Ringte om postkassen', nationalId: NATIONAL_ID, phone: '91234567' })
      .expect(201);
    reference = created.body.reference;
    await suite.desk.http().post(`/api/tickets/${created.body.id}/notes`).set('cookie', agent.cookie).set('x-csrf-token', agent.csrfToken).send({ body: 'Notat' }).expect(201);
  });

  it('finds the person with the number masked, offers the export as a file, and erases after a dry run and a ticked confirmation', async () => {
    const supervisor = await suite.desk.createStaff('supervisor', 'siv');
    const { page } = await actor();
    await loginThroughPage(page, supervisor);

    await page.goto('/supervisor');
    await page.locator('.staff-nav a[href="/supervisor/privacy"]').click();
    await page.waitForURL('**/supervisor/privacy');
    await page.locator('#privacy-find').click();
    await visible(page.locator('#privacy-find-errors'));
    await expectNoAxeViolations(page, 'privacy page with an empty search');

    await page.locator('#privacy-national-id').fill(NATIONAL_ID);
    await page.locator('#privacy-find').click();
    await waitForText(page, '#privacy-tickets', reference);
    await waitForText(page, '#privacy-results-heading', '178585*****');
    expect(await page.locator('#privacy-results').textContent()).not.toContain(NATIONAL_ID);
    expect(page.url()).not.toContain(NATIONAL_ID);

    await page.locator('#privacy-export-html').click();
    const link = page.locator('#privacy-download-link');
    await visible(link);
    expect(await link.getAttribute('download')).toMatch(/^innsyn-\d{4}-\d\d-\d\d\.html$/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.html$/);
    await expectNoAxeViolations(page, 'privacy page with results');
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoSidewaysScroll(page, 'privacy page with results at 320 px');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.locator('#privacy-reason').fill('Ba om sletting i brev');
    await page.locator('#privacy-dry-run').click();
    await visible(page.locator('#privacy-preview'));
    await waitForText(page, '#privacy-preview-counts', '1');
    await page.locator('#privacy-erase').click();
    await visible(page.locator('#privacy-confirm-error'));
    await expectNoAxeViolations(page, 'privacy erasure waiting for confirmation');
    await screenshots(page, 'supervisor-privacy');

    await page.locator('#privacy-confirm').check();
    await page.locator('#privacy-erase').click();
    await waitForText(page, '#notices', 'Slettet');
    const left = await suite.desk.app.get(Sql).query<{ n: number | string }[]>('SELECT COUNT(*) AS n FROM tickets WHERE national_id = ?', [NATIONAL_ID]);
    expect(Number(left[0].n)).toBe(0);
    await expectNoAxeViolations(page, 'privacy page after the erasure');
  });
});
