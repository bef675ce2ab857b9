// Work that passes between people: an integrator asks, a steward decides, an
// auditor reads both in the log, each entry under the person who made it.
import { expect, test } from '@playwright/test';
import { consoleUrl, demoLogin, signIn } from './fixtures.ts';
import { registerAndApproveAdapter } from './flows.ts';

test('an integrator registers an adapter, a steward approves it, the auditor sees both entries', async ({
  browser,
  page,
}) => {
  const { name, registerReason, approveReason } = await registerAndApproveAdapter(browser);

  await signIn(page, 'auditor');
  await page.goto(consoleUrl('audit'));
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  // Each entry under the agency of the person who made it: the integrator's ministry, the steward's office.
  const entriesOf = async (agency: string, reason: string) => {
    await page.getByLabel('Agency (e.g. mef)').fill(agency);
    await page.getByLabel('What happened').selectOption('adapter-registration');
    await page.getByLabel('Entries per page').selectOption('100');
    await page.getByRole('button', { name: 'Show entries' }).click();
    const row = page.locator('table.audit-table tbody tr').filter({ hasText: reason });
    await expect(row).toHaveCount(1);
    return row;
  };
  const asked = await entriesOf(demoLogin('integrator').agencyId!, registerReason);
  const askedSeq = Number(await asked.getAttribute('data-seq'));
  await expect(asked).toContainText(name);
  await expect(asked.locator('.audit-person')).toHaveText(demoLogin('integrator').name!);
  const decided = await entriesOf(demoLogin('steward').agencyId!, approveReason);
  await expect(decided).toContainText(name);
  await expect(decided.locator('.audit-person')).toHaveText(demoLogin('steward').name!);
  // The decision came after the request.
  expect(Number(await decided.getAttribute('data-seq'))).toBeGreaterThan(askedSeq);
});
