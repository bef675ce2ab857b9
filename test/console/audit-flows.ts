// Flows of the auditor's console that other parts' tests reuse: signing in as
// the auditor and finding entries of given kinds in the audit explorer.
import { expect, type Page } from '@playwright/test';
import { consoleUrl, credentials, gatewayUrl, signIn } from './fixtures.ts';

/** Opens the audit explorer as the auditor and asserts it shows entries of each kind. */
export async function auditorSeesEntries(page: Page, actions: string[]): Promise<void> {
  await signIn(page, 'auditor');
  await page.goto(consoleUrl('audit'));
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  for (const action of actions) {
    await page.getByLabel('What happened').selectOption(action);
    await page.getByRole('button', { name: 'Show entries' }).click();
    const rows = page.locator('table.audit-table tbody tr');
    await expect(rows.first()).toBeVisible();
    await expect(rows.locator('.audit-kind').first()).toHaveText(action);
  }
}

/** The demo citizen the demo logins include (the first of the seeded population). */
export function demoCitizenId(): string {
  const citizen = credentials().find((entry) => entry.role === 'citizen' && entry.nationalId);
  if (!citizen?.nationalId) throw new Error('no demo citizen in demo-credentials.json');
  return citizen.nationalId;
}

/** Looks the citizen up `times` times as the demo desk's system would (client credentials). */
export async function deskLooksUp(nationalId: string, times: number, reference: string) {
  const desk = credentials().find((entry) => entry.role === 'agency' && entry.clientSecret);
  if (!desk) throw new Error('no demo agency client in demo-credentials.json');
  const tokenAnswer = await fetch(`${gatewayUrl()}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: desk.clientId!,
      client_secret: desk.clientSecret!,
    }).toString(),
  });
  expect(tokenAnswer.status).toBe(200);
  const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };
  for (let i = 0; i < times; i += 1) {
    const looked = await fetch(`${gatewayUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `query($id: ID!, $ref: String) { citizen(nationalId: $id, purpose: "business-registration", reference: $ref) { nationalId } }`,
        variables: { id: nationalId, ref: `${reference}-${i}` },
      }),
    });
    const body = (await looked.json()) as { errors?: unknown[] };
    expect(body.errors).toBeUndefined();
  }
}
