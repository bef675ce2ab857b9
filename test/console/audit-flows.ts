// Flows of the auditor's console that other parts' tests reuse: signing in as
// the auditor and finding entries of given kinds in the audit explorer.
import { expect, type Page } from '@playwright/test';
import { consoleUrl, credentials, demoClientToken, gatewayUrl, signIn } from './fixtures.ts';

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

/** An access token of a demo client of the role (client credentials), as its system gets one. */
const clientToken = (role: 'agency' | 'steward') => demoClientToken((entry) => entry.role === role);

async function graphqlAs(
  token: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ data?: Record<string, unknown>; errors?: Array<{ extensions?: { code?: string } }> }> {
  const answer = await fetch(`${gatewayUrl()}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await answer.json()) as Awaited<ReturnType<typeof graphqlAs>>;
}

/**
 * Looks the citizen up `times` times as the demo desk's system would (client
 * credentials), naming the officer at the desk when given (X-Spean-Officer).
 */
export async function deskLooksUp(
  nationalId: string,
  times: number,
  reference: string,
  officer?: { staffId: string; name: string },
) {
  const token = await clientToken('agency');
  const headers: Record<string, string> = officer
    ? { 'x-spean-officer': `${officer.staffId};${encodeURIComponent(officer.name)}` }
    : {};
  for (let i = 0; i < times; i += 1) {
    const looked = await graphqlAs(
      token,
      `query($id: ID!, $ref: String) { citizen(nationalId: $id, purpose: "business-registration", reference: $ref) { nationalId } }`,
      { id: nationalId, ref: `${reference}-${i}` },
      headers,
    );
    expect(looked.errors).toBeUndefined();
  }
}

/** The demo desk claims a wrong ID card number `times` times: enough wrong claims lock that claim. */
export async function deskVerifiesWrongly(nationalId: string, times: number) {
  const token = await clientToken('agency');
  for (let i = 0; i < times; i += 1) {
    const answer = await graphqlAs(
      token,
      `query($id: ID!) { verifyCitizen(nationalId: $id, purpose: "identity-verification", claims: { idCardNumber: "000000000" }) { idCardNumber } }`,
      { id: nationalId },
    );
    expect(answer.data?.verifyCitizen).toBeTruthy();
  }
}

/** Lifts every lock on the citizen as the demo steward's system (a test's clean-up). */
export async function stewardLiftsLocks(nationalId: string) {
  const answer = await graphqlAs(
    await clientToken('steward'),
    `mutation($id: ID!) { liftVerificationLock(nationalId: $id, reason: "clean-up after a console test") { claim } }`,
    { id: nationalId },
  );
  expect(answer.errors).toBeUndefined();
}
