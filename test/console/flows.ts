// Flows more than one console test walks through, as the people in them do.
import { expect, type Browser } from '@playwright/test';
import { consoleUrl, signIn } from './fixtures.ts';

/**
 * An integrator (mpwt) registers a new adapter in the console; a steward finds
 * it in the inbox, beside what is approved now, and approves it. Returns the
 * adapter's name and both reasons, for tests that look for what they left in
 * the audit log.
 */
export async function registerAndApproveAdapter(
  browser: Browser,
): Promise<{ name: string; registerReason: string; approveReason: string }> {
  const name = `inspection-${Date.now().toString(36)}`;
  const registerReason = `Vehicle inspection desk goes live (${name})`;
  const approveReason = `Checked with the transport ministry (${name})`;

  const integrator = await browser.newContext();
  try {
    const page = await integrator.newPage();
    await signIn(page, 'integrator');
    await expect(page.getByRole('heading', { name: 'My adapters' })).toBeVisible();
    await page.getByRole('button', { name: 'Register an adapter' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    await dialog.getByLabel('The ministry system it serves').fill('Vehicle inspection centre');
    await dialog
      .getByRole('group', { name: 'Consumes' })
      .getByLabel('vehicle-registration')
      .check();
    await dialog.getByLabel('Reason').fill(registerReason);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog.getByText('Done. The audit log recorded:')).toBeVisible();
    await expect(dialog.locator('.audit-entry')).toContainText(name);
    await dialog.getByRole('button', { name: 'Close' }).click();
    const card = page.getByRole('article', { name: new RegExp(name) });
    await expect(card.getByText('pending', { exact: true }).first()).toBeVisible();
  } finally {
    await integrator.close();
  }

  const steward = await browser.newContext();
  try {
    const page = await steward.newPage();
    await signIn(page, 'steward');
    await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
    const request = page.getByRole('article', { name: new RegExp(name) });
    await expect(request).toContainText('New adapter of mpwt');
    const compare = request.getByRole('table');
    await expect(compare.getByRole('row', { name: /Consumes/ })).toContainText(
      'vehicle-registration',
    );
    await request.getByRole('button', { name: 'Approve' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill(approveReason);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog.locator('.audit-entry')).toContainText(name);
    await dialog.getByRole('button', { name: 'Close' }).click();
    // Decided, it stays in view in its new state, its buttons disabled.
    await expect(request.getByText('approved', { exact: true }).first()).toBeVisible();
    await expect(request.getByRole('button', { name: 'Approve' })).toBeDisabled();
    await page.goto(consoleUrl('adapters'));
    const card = page.getByRole('article', { name: new RegExp(name) });
    await expect(card.getByText('approved', { exact: true }).first()).toBeVisible();
    await expect(card).toContainText(approveReason);
  } finally {
    await steward.close();
  }
  return { name, registerReason, approveReason };
}
