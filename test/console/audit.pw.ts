// The auditor's and steward's console in a real browser: grants in the
// matrix and their audit entries, preview as an agency, the audit explorer
// with its filter, pages and CSV download, the chain's verification and key,
// a citizen's access log behind its banner, and axe on every page in English
// and Khmer.
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  auditorSeesEntries,
  demoCitizenId,
  deskLooksUp,
  deskVerifiesWrongly,
  stewardLiftsLocks,
} from './audit-flows.ts';
import { consoleUrl, expectAccessible, readmeScreenshot, signIn } from './fixtures.ts';

// Today where the browser is (it runs in this machine's time zone), as a date field takes it.
const today = () => new Date().toLocaleDateString('en-CA');

async function confirmChange(page: Page, reason: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason').fill(reason);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog.getByText('Done. The audit log recorded:')).toBeVisible();
}

test('a steward registers a purpose, grants a section for it in the matrix, sees the cell and the entry, and revokes it', async ({
  page,
}) => {
  // Last in the list of purposes (ordered by code), so no other page takes it for its first.
  const code = `zz-audit-test-${Date.now().toString(36)}`;
  await signIn(page, 'steward');

  await page.getByRole('link', { name: 'Purposes' }).click();
  await expect(page.getByRole('heading', { name: 'Purposes', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Register a purpose' }).click();
  const register = page.getByRole('dialog');
  await register.getByLabel('Code').fill(code);
  await register.getByLabel('Title').fill('Testing the grants matrix');
  await register.getByLabel('Legal basis').fill('Sub-decree on testing');
  await confirmChange(page, 'a purpose to grant in the test');
  await expect(register.locator('.audit-entry')).toContainText('purpose-change');
  await expect(register.locator('.audit-entry')).toContainText('a purpose to grant in the test');
  await register.getByRole('button', { name: 'Close' }).click();
  const row = page.locator(`tr[data-purpose="${code}"]`);
  await expect(row).toContainText('Sub-decree on testing');
  await expect(row).toContainText('At once');
  await row.getByRole('button', { name: `Disclosure ${code}` }).click();
  const disclosure = page.getByRole('dialog');
  await disclosure.getByLabel('Days of delay').fill('30');
  await disclosure.getByLabel('The law that allows the delay').fill('Law on testing, art. 2');
  await confirmChange(page, 'inquiries must not be warned');
  await expect(disclosure.locator('.audit-entry')).toContainText('disclosure-delayed');
  await expect(disclosure.locator('.audit-entry')).toContainText('inquiries must not be warned');
  await disclosure.getByRole('button', { name: 'Close' }).click();
  await expect(row).toContainText('After 30 days (Law on testing, art. 2)');

  await page.getByRole('link', { name: 'Grants' }).click();
  await expect(page.getByRole('heading', { name: 'Grants', level: 1 })).toBeVisible();
  await page.getByLabel('Agency', { exact: true }).selectOption('mef');
  const cell = page.locator(`td[data-section="vehicles"][data-purpose="${code}"]`);
  await expect(cell).not.toContainText('All fields');
  await cell.getByRole('button', { name: `Grant vehicles for ${code}` }).click();
  const grant = page.getByRole('dialog');
  await expect(grant.getByRole('heading')).toContainText('vehicles');
  // A grant for ten days: the cell warns that it ends soon.
  const inTenDays = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  await grant.getByLabel('Valid until').fill(inTenDays);
  await confirmChange(page, 'the desk checks vehicles for this purpose');
  await expect(grant.locator('.audit-entry')).toContainText('grant-change');
  await expect(grant.locator('.audit-entry')).toContainText('vehicles');
  await grant.getByRole('button', { name: 'Close' }).click();

  await expect(cell).toContainText('All fields');
  await expect(cell).toContainText('Never used');
  await expect(cell.locator('.grant-warn')).toContainText(/Ends in 1[01] days/);
  await cell.getByRole('button', { name: `Revoke vehicles for ${code}` }).click();
  const revoke = page.getByRole('dialog');
  await confirmChange(page, 'granted for the test only');
  await expect(revoke.locator('.audit-entry')).toContainText('grant-change');
  await expect(revoke.locator('.audit-entry')).toContainText('granted for the test only');
  await revoke.getByRole('button', { name: 'Close' }).click();
  await expect(cell.getByRole('button', { name: `Grant vehicles for ${code}` })).toBeVisible();
  await expect(cell).not.toContainText('All fields');

  // Retired, the test's purpose leaves the matrix (and other pages' lists of purposes in use).
  await page.getByRole('link', { name: 'Purposes' }).click();
  await row.getByRole('button', { name: `Retire ${code}` }).click();
  const retire = page.getByRole('dialog');
  await confirmChange(page, 'the test is over');
  await expect(retire.locator('.audit-entry')).toContainText('purpose-change');
  await retire.getByRole('button', { name: 'Close' }).click();
  await expect(row).toContainText('Retired');
  await expect(row.getByRole('button', { name: `Retire ${code}` })).toBeDisabled();
  await page.getByRole('link', { name: 'Grants' }).click();
  await expect(page.locator('table.grants-matrix')).toBeVisible();
  await expect(page.locator(`td[data-purpose="${code}"]`)).toHaveCount(0);
});

test('preview as an agency shows the sections granted and those refused, section by section', async ({
  page,
}) => {
  await signIn(page, 'steward');
  await page.goto(consoleUrl('grants'));
  await expect(page.getByRole('heading', { name: 'Grants', level: 1 })).toBeVisible();
  const preview = page.getByRole('region', { name: 'Preview as an agency' });
  await preview.getByLabel('Agency to preview').selectOption('mef');
  await preview.getByLabel('Purpose').selectOption('business-registration');
  await preview.getByLabel('National id').fill(demoCitizenId());
  await preview.getByRole('button', { name: 'Preview' }).click();
  // The demo desk is granted person, address, businesses and taxpayer for it, not vehicles.
  await expect(preview.locator('li[data-section="person"]')).toContainText('shown');
  await expect(preview.locator('li[data-section="address"]')).toContainText('shown');
  await expect(preview.locator('li[data-section="vehicles"]')).toContainText('refused');
  await expect(preview.locator('li[data-section="landTitles"]')).toContainText('refused');
  await expect(
    preview.getByText(`The agency would see the citizen as ${demoCitizenId()}`),
  ).toBeVisible();
  await readmeScreenshot(page, 'grants');
  await page.screenshot({ path: '/tmp/audit-grants.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: '/tmp/audit-grants-390.png', fullPage: true });
});

test('the auditor filters the explorer, pages through it, and downloads the same entries as CSV', async ({
  page,
}) => {
  const nationalId = demoCitizenId();
  await deskLooksUp(nationalId, 12, `audit-explorer-${Date.now()}`);
  await signIn(page, 'auditor');
  // The auditor lands on the explorer.
  await expect(page).toHaveURL(/\/console\/audit$/);
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await page.getByLabel('Agency (e.g. mef)').fill('mef');
  await page.getByLabel('Citizen (national id)').fill(nationalId);
  await page.getByLabel('What happened').selectOption('lookup');
  await page.getByLabel('From (day)').fill(today());
  await page.getByLabel('Entries per page').selectOption('10');
  await page.getByRole('button', { name: 'Show entries' }).click();

  const table = page.locator('table.audit-table');
  await expect(table.locator('caption')).toContainText('page 1 (10 shown)');
  const seen: number[] = [];
  for (let pageNumber = 1; ; pageNumber += 1) {
    await expect(table.locator('caption')).toContainText(`page ${pageNumber}`);
    await expect(table).toHaveAttribute('aria-busy', 'false');
    const rows = table.locator('tbody tr');
    const count = await rows.count();
    for (let i = 0; i < count; i += 1) {
      const row = rows.nth(i);
      await expect(row.locator('.audit-kind')).toHaveText('lookup');
      await expect(row).toContainText(nationalId);
      await expect(row).toContainText('(mef)');
      seen.push(Number(await row.getAttribute('data-seq')));
    }
    const next = page.getByRole('button', { name: 'Next page (newer)' });
    if (await next.isDisabled()) break;
    await next.click();
    await expect(table.locator('caption')).toContainText(`page ${pageNumber + 1}`);
  }
  expect(seen.length).toBeGreaterThanOrEqual(12);
  expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  // The README's picture: the filter and the page of entries, from the top.
  await page.setViewportSize({ width: 1280, height: 1150 });
  await page.evaluate('window.scrollTo(0, 0)');
  await readmeScreenshot(page, 'auditor');
  await page.screenshot({ path: '/tmp/audit-explorer.png', fullPage: true });

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download these entries (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('audit-entries.csv');
  const csv = fs
    .readFileSync((await download.path())!, 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(csv[0]).toBe(
    'seq,at,kind,outcome,agency,client,person,person_issuer,subject,purpose,reference,details',
  );
  const rows = csv.slice(1);
  expect(rows.map((line) => Number(line.split(',')[0]))).toEqual(seen);
  for (const line of rows) expect(line).toContain(`,lookup,returned,mef,`);
  for (const line of rows) expect(line).toContain(`,${nationalId},business-registration,`);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: '/tmp/audit-explorer-390.png', fullPage: true });
});

test('the auditor finds the entries of the person who acted, in the explorer and its CSV', async ({
  page,
}) => {
  const nationalId = demoCitizenId();
  const suffix = Date.now().toString(36);
  const officer = { staffId: `mef-${suffix}`, name: `Keo Sophea ${suffix}` };
  await deskLooksUp(nationalId, 3, `person-${suffix}`, officer);
  // The same desk, another officer: not theirs.
  await deskLooksUp(nationalId, 1, `other-${suffix}`, {
    staffId: `mef-x${suffix}`,
    name: `Keo Sophea ${suffix}x`,
  });
  await signIn(page, 'auditor');
  await page.getByLabel('Person (full name)').fill(officer.name.toUpperCase());
  await page.getByRole('button', { name: 'Show entries' }).click();

  const table = page.locator('table.audit-table');
  await expect(table.locator('caption')).toContainText('page 1 (3 shown)');
  const rows = table.locator('tbody tr');
  for (let i = 0; i < 3; i += 1) {
    await expect(rows.nth(i).locator('.audit-kind')).toHaveText('lookup');
    await expect(rows.nth(i)).toContainText(officer.name);
    await expect(rows.nth(i)).not.toContainText(`${officer.name}x`);
  }
  await expectAccessible(page);

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download these entries (CSV)' }).click();
  const download = await downloading;
  const csv = fs
    .readFileSync((await download.path())!, 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(csv).toHaveLength(4);
  for (const line of csv.slice(1)) expect(line).toContain(`,${officer.name},`);
});

test('the auditor runs a chain verification, sees its result, and downloads the public key', async ({
  page,
}) => {
  await signIn(page, 'auditor');
  await page.getByRole('link', { name: 'Chain status' }).click();
  await expect(page.getByRole('heading', { name: 'Chain status', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Verify the audit log now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The chain is intact' })).toBeVisible();
  await expect(page.getByText('Verified just now:')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the public key (PEM)' }).click();
  const key = fs.readFileSync((await (await downloading).path())!, 'utf8');
  expect(key).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  await page.screenshot({ path: '/tmp/audit-chain.png', fullPage: true });
});

test('the auditor reads a citizen’s access log, told before and while that the citizen sees the reading', async ({
  page,
}) => {
  const nationalId = demoCitizenId();
  await deskLooksUp(nationalId, 1, 'access-log-test');
  await signIn(page, 'auditor');
  await page.getByRole('link', { name: 'Citizens’ access logs' }).click();
  const banner = page.getByRole('note').filter({ hasText: 'The citizen will see this reading' });
  await expect(banner).toBeVisible();
  await page.getByLabel('National id').fill(nationalId);
  await page.getByRole('button', { name: 'Read the access log' }).click();
  await expect(page.getByRole('heading', { name: `Access log of ${nationalId}` })).toBeVisible();
  await expect(banner).toBeVisible();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'This reading is now in the citizen’s access log.' }),
  ).toBeVisible();
  const table = page.getByRole('table', { name: /Who looked, newest first/ });
  await expect(table.getByText('case access-log-test-0')).toBeVisible();
  await page.screenshot({ path: '/tmp/audit-access-log.png', fullPage: true });
});

/** Each page in English and Khmer, its heading shown and nothing loading, checked by axe. */
async function accessibleInBothLanguages(page: Page, path: string, heading: RegExp) {
  for (const lang of ['en', 'km']) {
    await page.goto(consoleUrl(`${path}?lang=${lang}`));
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByText(/Loading|កំពុងផ្ទុក/)).toHaveCount(0);
    await expect(page.locator('table, .audit-banner, #chain-verification').first()).toBeVisible();
    await expectAccessible(page);
  }
}

test('axe finds no WCAG 2.1 AA violation on the auditor’s pages, in English and Khmer', async ({
  page,
}) => {
  await signIn(page, 'auditor');
  await accessibleInBothLanguages(page, 'audit', /Audit log|កំណត់ហេតុសវនកម្ម/);
  await accessibleInBothLanguages(page, 'chain', /Chain status|ស្ថានភាពខ្សែសង្វាក់/);
  await accessibleInBothLanguages(page, 'access-logs', /access logs|កំណត់ហេតុចូលមើល/);
  await accessibleInBothLanguages(
    page,
    'verification-locks',
    /Verification locks|ការចាក់សោការផ្ទៀងផ្ទាត់/,
  );
});

test('axe finds no WCAG 2.1 AA violation on the steward’s pages, in English and Khmer', async ({
  page,
}) => {
  await signIn(page, 'steward');
  await accessibleInBothLanguages(page, 'grants', /Grants|សិទ្ធិចូលមើល/);
  await accessibleInBothLanguages(page, 'purposes', /Purposes|គោលបំណង/);
  await accessibleInBothLanguages(
    page,
    'verification-locks',
    /Verification locks|ការចាក់សោការផ្ទៀងផ្ទាត់/,
  );
  await page.goto(consoleUrl('grants?lang=km'));
  await expect(page.locator('table.grants-matrix')).toBeVisible();
  await page.screenshot({ path: '/tmp/audit-grants-km.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(consoleUrl('purposes'));
  await expect(page.locator('table')).toBeVisible();
  await page.screenshot({ path: '/tmp/audit-purposes-390.png', fullPage: true });
});

test('a steward sees a citizen’s verification locks and lifts them; the auditor only reads them', async ({
  page,
  browser,
}) => {
  const nationalId = demoCitizenId();
  // Three wrong ID card numbers from the demo desk lock that claim for its agency.
  await deskVerifiesWrongly(nationalId, 4);
  try {
    await signIn(page, 'steward');
    await page.getByRole('link', { name: 'Verification locks' }).click();
    await expect(page.getByRole('heading', { name: 'Verification locks', level: 1 })).toBeVisible();
    await page.getByLabel('National id').fill(nationalId);
    await page.getByRole('button', { name: 'Show this citizen’s locks' }).click();
    const locks = page.getByRole('table', { name: `Locks on ${nationalId}` });
    await expect(locks.getByRole('row', { name: /idCardNumber/ })).toContainText('mef');
    await page.getByRole('button', { name: `Lift the locks ${nationalId}` }).click();
    const dialog = page.getByRole('dialog');
    await confirmChange(page, 'the citizen showed the new card at the desk');
    await expect(dialog.locator('.audit-entry')).toContainText('verification-lock-lift');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByText('No lock is in force.')).toBeVisible();
  } finally {
    await stewardLiftsLocks(nationalId);
  }
  // The auditor reads locks but is offered no lift.
  const auditor = await browser.newPage();
  await signIn(auditor, 'auditor');
  await auditor.goto(consoleUrl('verification-locks'));
  await expect(
    auditor.getByRole('heading', { name: 'Verification locks', level: 1 }),
  ).toBeVisible();
  await expect(auditor.getByRole('button', { name: /Lift the locks/ })).toHaveCount(0);
  await auditor.close();
});

test('auditorSeesEntries finds the kinds of entry a flow made', async ({ page }) => {
  await deskLooksUp(demoCitizenId(), 1, 'flows-helper');
  await auditorSeesEntries(page, ['lookup', 'grant-change']);
});
