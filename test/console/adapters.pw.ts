// The steward's inbox (adapters, changes, signing keys), adapters, clients,
// orphans and health, and the integrator's own adapters, driven in a real
// browser as their people use them.
import { generateKeyPairSync, randomInt } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { AdapterKeyService } from '#spean/adapter-registry';
import { AuditLog } from '#spean/audit';
import { publicKeyPem, VerhoeffNationalIdScheme } from '#spean/contracts';
import { fixture, record } from '../support/canonical-records.ts';
import {
  adapterUrl,
  consoleUrl,
  demoClientToken,
  expectAccessible,
  readmeScreenshot,
  signIn,
  withSystemDatabase,
} from './fixtures.ts';
import { registerAndApproveAdapter } from './flows.ts';

interface StorageLike {
  length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
}

/** The browser's globals this file reads (the test code is type-checked without the DOM library). */
interface BrowserGlobals {
  localStorage: StorageLike;
  sessionStorage: StorageLike;
  indexedDB: { databases(): Promise<Array<{ name?: string }>> };
  document: { cookie: string };
}

/** Everything the browser keeps for the console's origin. */
async function browserStorage(page: Page) {
  return page.evaluate(async () => {
    const browser = globalThis as unknown as BrowserGlobals;
    const dump = (storage: StorageLike) =>
      Object.fromEntries(
        Array.from({ length: storage.length }, (_, at) => storage.key(at)!).map((key) => [
          key,
          storage.getItem(key),
        ]),
      );
    return {
      localStorage: dump(browser.localStorage),
      sessionStorage: dump(browser.sessionStorage),
      indexedDB: (await browser.indexedDB.databases()).map((database) => database.name ?? ''),
      cookie: browser.document.cookie,
    };
  });
}

/** A GraphQL call with the page's own session (its cookie and CSRF token), as the console makes it. */
async function graphqlAs<T>(page: Page, query: string, variables: Record<string, unknown> = {}) {
  return page.evaluate(
    async ({ query, variables }) => {
      const session = (await (await fetch('/auth/session')).json()) as { csrfToken: string };
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as {
        data?: T | null;
        errors?: Array<{ message: string; extensions?: { code?: string } }>;
      };
    },
    { query, variables },
  );
}

/** When SPEAN_SHOTS is set: a look at the page at desktop and phone widths. */
async function look(page: Page, name: string): Promise<void> {
  if (!process.env.SPEAN_SHOTS) return;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `/tmp/adshots/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `/tmp/adshots/${name}-phone.png` });
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('a steward creates a client: its secret is shown once and stored nowhere', async ({
  page,
}) => {
  await signIn(page, 'steward');
  await page.goto(consoleUrl('clients'));
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  const name = `Registry desk ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'Create a client' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Client system').fill(name);
  await dialog.getByLabel('Role').selectOption('agency');
  await dialog.getByLabel('Agency id').fill('mef');
  await dialog.getByLabel('Reason').fill('A second counter opens at the registry');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog.getByText('it will not be shown again')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Copy the secret' })).toBeVisible();
  await expect(dialog.getByText('Previous secret')).toHaveCount(0);
  const secret = (await dialog.getByTestId('client-secret').textContent())!.trim();
  expect(secret.length).toBeGreaterThan(20);
  await expect(dialog.locator('.audit-entry')).toBeVisible();
  await look(page, 'client-secret');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  expect(await page.content()).not.toContain(secret);

  const csrf = await page.evaluate(async () => {
    const session = (await (await fetch('/auth/session')).json()) as { csrfToken: string };
    return session.csrfToken;
  });
  await page.reload();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  const stored = await browserStorage(page);
  // Nothing at all is kept in the browser: the session cookie is HttpOnly.
  expect(stored).toEqual({ localStorage: {}, sessionStorage: {}, indexedDB: [], cookie: '' });
  const everything = JSON.stringify(stored);
  expect(everything).not.toContain(secret);
  expect(everything).not.toContain(csrf);
  expect(everything).not.toMatch(/\d{10}/);
});

test('a desk officer is refused the steward inbox, on the page and by the API', async ({
  page,
}) => {
  await signIn(page, 'desk.officer');
  await page.goto(consoleUrl('inbox'));
  await expect(page.getByRole('alert')).toHaveText(
    'This page is not for your role (desk officer).',
  );
  await expect(page.getByRole('link', { name: 'Inbox' })).toHaveCount(0);
  const answer = await graphqlAs(page, '{ adapters { name } adapterKeys { keyId } }');
  expect(answer.data ?? null).toBeNull();
  expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

test('an integrator registers an adapter; the steward approves it from the inbox', async ({
  browser,
}) => {
  const { name } = await registerAndApproveAdapter(browser);
  expect(name).toMatch(/^inspection-/);
});

const STEWARD_PAGES = ['inbox', 'adapters', 'clients', 'orphans', 'health'];
const INTEGRATOR_PAGES = ['my-adapters', 'clients'];

for (const lang of ['en', 'km'] as const) {
  test(`the steward's pages pass axe in ${lang}`, async ({ page }) => {
    await signIn(page, 'steward', lang);
    for (const path of STEWARD_PAGES) {
      await page.goto(consoleUrl(`${path}?lang=${lang}`));
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('h1')).toBeVisible();
      await expect(page.getByText(/Loading|កំពុងផ្ទុក/)).toHaveCount(0);
      await expectAccessible(page);
      await look(page, `steward-${path}-${lang}`);
    }
  });

  test(`the integrator's pages pass axe in ${lang}`, async ({ page }) => {
    await signIn(page, 'integrator', lang);
    for (const path of INTEGRATOR_PAGES) {
      await page.goto(consoleUrl(`${path}?lang=${lang}`));
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('h1')).toBeVisible();
      await expect(page.getByText(/Loading|កំពុងផ្ទុក/)).toHaveCount(0);
      await expectAccessible(page);
      await look(page, `integrator-${path}-${lang}`);
    }
    await page.goto(consoleUrl(`my-adapters?lang=${lang}`));
    await page.getByRole('button', { name: /Register an adapter|ចុះឈ្មោះអាដាប់ទ័រ/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectAccessible(page);
    await look(page, `integrator-register-${lang}`);
  });
}

test('the README shows the steward inbox and the integrator adapters', async ({ browser }) => {
  await registerAndApproveAdapter(browser);
  const integrator = await browser.newPage();
  await signIn(integrator, 'integrator');
  await integrator.getByRole('button', { name: 'Register an adapter' }).click();
  const dialog = integrator.getByRole('dialog');
  const pending = `weighbridge-${Date.now().toString(36)}`;
  await dialog.getByLabel('Name', { exact: true }).fill(pending);
  await dialog.getByLabel('The ministry system it serves').fill('Weighbridge stations');
  await dialog.getByRole('group', { name: 'Consumes' }).getByLabel('vehicle-registration').check();
  await dialog.getByLabel('Reason').fill('Axle-load checks at the weighbridges');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(integrator.getByRole('article', { name: new RegExp(pending) })).toBeVisible();
  await readmeScreenshot(integrator, 'integrator');
  await integrator.close();

  const steward = await browser.newPage();
  await signIn(steward, 'steward');
  await expect(steward.getByRole('article', { name: new RegExp(pending) })).toBeVisible();
  await readmeScreenshot(steward, 'steward');
  await steward.close();
});

test('the inbox shows a proposed schema version beside the approved one; the steward rejects it', async ({
  page,
}) => {
  await signIn(page, 'steward');
  const current = await graphqlAs<{
    schemas: Array<{ versions: Array<{ version: number; state: string; schemaJson: string }> }>;
  }>(
    page,
    '{ schemas(recordType: "vehicle-registration") { versions { version state schemaJson } } }',
  );
  const active = current.data!.schemas[0]!.versions.filter((v) => v.state === 'active').at(-1)!;
  const schema = JSON.parse(active.schemaJson) as { properties: Record<string, unknown> };
  const field = `inspectionNote${Date.now().toString(36)}`;
  schema.properties[field] = { type: 'string', maxLength: 200 };
  const proposed = await graphqlAs<{ proposeSchemaVersion: { version: number } }>(
    page,
    'mutation($s: String!) { proposeSchemaVersion(recordType: "vehicle-registration", schema: $s, reason: "Inspection notes on the card") { version } }',
    { s: JSON.stringify(schema) },
  );
  expect(proposed.errors).toBeUndefined();
  const version = proposed.data!.proposeSchemaVersion.version;

  await page.goto(consoleUrl('inbox'));
  const request = page.getByRole('article', {
    name: new RegExp(`^vehicle-registration version ${version} `),
  });
  await expect(request.getByRole('heading')).toHaveText(
    `vehicle-registration version ${version} proposed`,
  );
  await expect(request).toContainText('Inspection notes on the card');
  await expect(request.getByRole('definition').nth(1)).toContainText(`version ${active.version}`);
  await expect(
    request.getByRole('link', {
      name: 'Compare the versions of vehicle-registration on the schemas page',
    }),
  ).toHaveAttribute('href', '/console/schemas?type=vehicle-registration');
  await request.getByRole('button', { name: 'Reject' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason').fill('Notes belong in the inspection system');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog.locator('.audit-entry')).toContainText(
    'Notes belong in the inspection system',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(request.getByText('rejected', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('article', { name: new RegExp(`^vehicle-registration version ${version} `) }),
  ).toHaveCount(0);
});

test('a steward rotates a secret (shown once, with the overlap) and revokes the client', async ({
  page,
}) => {
  await signIn(page, 'steward');
  const name = `Rotation desk ${Date.now().toString(36)}`;
  const created = await graphqlAs<{ createClient: { clientId: string; clientSecret: string } }>(
    page,
    'mutation($n: String!) { createClient(input: { name: $n, role: "agency", agencyId: "mef", reason: "test desk" }) { clientId clientSecret } }',
    { n: name },
  );
  expect(created.errors).toBeUndefined();
  await page.goto(consoleUrl('clients'));
  const row = page.getByRole('row', { name: new RegExp(name) });
  await row.getByRole('button', { name: 'Rotate secret' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel(/Hours the previous secret keeps working/).fill('2');
  await dialog.getByLabel('Reason').fill('The old secret was on a shared laptop');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog.getByText('it will not be shown again')).toBeVisible();
  const secret = (await dialog.getByTestId('client-secret').textContent())!.trim();
  expect(secret).not.toBe(created.data!.createClient.clientSecret);
  await expect(dialog.getByText('the previous secret works until')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(row).toContainText('rotated');
  expect(await page.content()).not.toContain(secret);

  await row.getByRole('button', { name: 'Revoke' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason').fill('The desk closed');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog.locator('.audit-entry')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(row).toContainText('revoked by');
  await expect(row.getByRole('button', { name: 'Revoke' })).toBeDisabled();
});

test('the health page shows the gateway ready and names what is wrong with an adapter', async ({
  page,
}) => {
  await signIn(page, 'steward');
  const name = `scales-${Date.now().toString(36)}`;
  const registered = await graphqlAs(
    page,
    'mutation($n: String!) { registerAdapter(input: { name: $n, agencyId: "mpwt", title: "Scales", consumes: [{ recordType: "vehicle-registration" }], reason: "trial" }) { name } }',
    { n: name },
  );
  expect(registered.errors).toBeUndefined();
  await page.goto(consoleUrl('health'));
  for (const part of ['database', 'bus']) {
    await expect(page.getByRole('row', { name: new RegExp(`^${part} ${part}`) })).toContainText(
      'healthy',
    );
  }
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('needs attention');
  await expect(row).toContainText('its registration is pending');
});

test("an integrator creates a client for its own approved adapter, and sees only its agency's clients", async ({
  page,
}) => {
  await signIn(page, 'integrator');
  await page.getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  // The rows come with the clients' answer, after the heading.
  await expect(page.locator('tbody tr').first()).toBeVisible();
  const agencies = await page.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(new Set(agencies)).toEqual(new Set(['Ministry of Public Works and Transport']));
  await expect(page.getByRole('button', { name: 'Rotate secret' })).toHaveCount(0);
  const name = `Transport standby ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'Create a client' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Role')).toHaveCount(0);
  await dialog.getByLabel('Client system').fill(name);
  await dialog.getByLabel('Adapter').selectOption('transport');
  await dialog.getByLabel('Reason').fill('A standby publisher for the transport adapter');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog.getByText('it will not be shown again')).toBeVisible();
  await expect(dialog.getByTestId('client-secret')).not.toBeEmpty();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('transport');
});

test('an integrator asks to change an approved adapter; the steward sees the change beside what is approved and rejects it', async ({
  browser,
}) => {
  const { name } = await registerAndApproveAdapter(browser);
  const integrator = await browser.newPage();
  await signIn(integrator, 'integrator');
  const card = integrator.getByRole('article', { name: new RegExp(name) });
  await card.getByRole('button', { name: 'Ask for a change' }).click();
  let dialog = integrator.getByRole('dialog');
  await expect(
    dialog.getByRole('group', { name: 'Consumes' }).getByLabel('vehicle-registration'),
  ).toBeChecked();
  await dialog.getByRole('group', { name: 'Publishes' }).getByLabel('vehicle-registration').check();
  await dialog.getByLabel('Reason').fill('Inspection results go back to the register');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog.locator('.audit-entry')).toContainText('Inspection results go back');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(card.getByRole('row', { name: /Publishes/ })).toContainText('waiting');
  await integrator.close();

  const steward = await browser.newPage();
  await signIn(steward, 'steward');
  const request = steward.getByRole('article', { name: new RegExp(name) });
  await expect(request).toContainText('Change asked for by');
  const [asked, approved] = [2, 3].map((column) =>
    request.locator(`tbody tr:has(th:text-is("Publishes")) > :nth-child(${column})`),
  );
  await expect(asked!).toContainText('vehicle-registration');
  await expect(approved!).toHaveText('none');
  await expect(
    request.locator('tbody tr:has(th:text-is("Consumes")) > :nth-child(3)'),
  ).toContainText('vehicle-registration');
  await request.getByRole('button', { name: 'Reject' }).click();
  dialog = steward.getByRole('dialog');
  await expect(dialog).toContainText('what is approved now stays in force');
  await dialog.getByLabel('Reason').fill('Results are published by the inspection system itself');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog.locator('.audit-entry')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await steward.goto(consoleUrl('adapters'));
  const entry = steward.getByRole('article', { name: new RegExp(name) });
  await expect(entry.getByText('approved', { exact: true }).first()).toBeVisible();
  await expect(entry).toContainText('Results are published by the inspection system itself');
  await steward.close();
});

test('a steward suspends an adapter from the adapters page and approves it again', async ({
  browser,
  page,
}) => {
  const { name } = await registerAndApproveAdapter(browser);
  await signIn(page, 'steward');
  await page.goto(consoleUrl('adapters'));
  const card = page.getByRole('article', { name: new RegExp(name) });
  await expect(card).toContainText(/messages behind, oldest waiting [\d.]+ s/);
  await card.getByRole('button', { name: 'Suspend' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason').fill('Publishing duplicates since this morning');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog.locator('.audit-entry')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(card.getByText('suspended', { exact: true }).first()).toBeVisible();
  await expect(card.getByRole('button', { name: 'Suspend' })).toBeDisabled();

  await card.getByRole('button', { name: 'Approve' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason').fill('Duplicates fixed by the ministry');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog.locator('.audit-entry')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(card.getByText('approved', { exact: true }).first()).toBeVisible();
  await expect(card).toContainText('Duplicates fixed by the ministry');
});

/** Posts canonical records to an adapter's intake with that adapter's own demo client. */
async function publishAs(adapter: 'interior' | 'transport', records: unknown[]): Promise<void> {
  const token = await demoClientToken(
    (entry) => entry.role === 'adapter' && entry.adapter === adapter,
  );
  const response = await fetch(`${adapterUrl(adapter === 'interior' ? 1 : 2)}/v1/records`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(records),
  });
  expect([adapter, response.status]).toEqual([adapter, 202]);
}

test('a vehicle of a citizen interior does not know is an orphan until interior publishes the person', async ({
  page,
}) => {
  const ids = new VerhoeffNationalIdScheme();
  const owner = ids.fromSerial(randomInt(0, ids.capacity));
  const letter = () => String.fromCharCode(65 + randomInt(0, 26));
  const plate = `Phnom Penh ${randomInt(1, 10)}${letter()}${letter()}-${randomInt(1000, 10000)}`;
  await publishAs('transport', [
    record('vehicle-registration', plate, owner, {
      ...fixture('vehicle-registration', 'car-in-phnom-penh'),
      plateNumber: plate,
      owner: { nationalId: owner, name: 'KEO Sophea' },
    }),
  ]);

  await signIn(page, 'steward');
  await page.goto(consoleUrl('orphans'));
  await expect(page.getByRole('heading', { name: 'Orphan records', level: 1 })).toBeVisible();
  await page.getByLabel('Record type').selectOption('vehicle-registration');
  const row = page.getByRole('row', { name: new RegExp(plate) });
  await expect(async () => {
    await page.reload();
    await page.getByLabel('Record type').selectOption('vehicle-registration');
    await expect(row).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(row.getByRole('rowheader')).toHaveText(plate);
  await expect(row.getByRole('cell').nth(0)).toHaveText('vehicle-registration');
  await expect(row.getByRole('cell').nth(1)).toHaveText('transport');
  // The citizen's national id is not shown: the steward follows the record up by its id.
  expect(await page.content()).not.toContain(owner);
  await expectAccessible(page);

  // Interior publishes the person: the vehicle is theirs, no longer an orphan.
  await publishAs('interior', [
    record('person', `person-${owner}`, owner, {
      ...fixture('person', 'adult-born-in-phnom-penh'),
      nationalId: owner,
      idCardNumber: String(randomInt(100_000_000, 999_999_999)),
    }),
  ]);
  await expect(async () => {
    await page.reload();
    await page.getByLabel('Record type').selectOption('vehicle-registration');
    await expect(page.getByRole('table')).toBeVisible({ timeout: 1000 });
    await expect(row).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
});

test('the steward approves a proposed signing key beside the approved one, and refuses another', async ({
  page,
}) => {
  // Each proposed as the transport adapter proposes its key when it starts with
  // a new one (libs/adapter-sdk/src/adapter.module.ts).
  const proposed = await withSystemDatabase('console-adapters-test', async (database) => {
    const keys = new AdapterKeyService(database, new AuditLog(database));
    const propose = async () =>
      (
        await keys.propose(
          { clientId: 'adapter:transport', agencyId: 'system', role: 'system' },
          'transport',
          publicKeyPem(generateKeyPairSync('ed25519').publicKey),
        )
      ).keyId;
    return { approve: await propose(), refuse: await propose() };
  });

  await signIn(page, 'steward');
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  // A request is the article whose proposed key is this one (an approved key shows in the others).
  const requestOf = (keyId: string) =>
    page
      .getByRole('article', { name: /New signing key of transport/ })
      .filter({ has: page.locator('dd', { hasText: `${keyId} by adapter:transport` }) });
  for (const keyId of [proposed.approve, proposed.refuse]) {
    const request = requestOf(keyId);
    await expect(request.getByRole('heading')).toHaveText('New signing key of transport proposed');
    await expect(request.getByRole('definition').first()).toContainText(
      `${keyId} by adapter:transport`,
    );
    // Beside the key approved now: transport's own, which signs what it publishes.
    const approvedNow = request.getByRole('definition').nth(1).locator('.key-id');
    await expect(approvedNow.first()).toBeVisible();
    await expect(approvedNow).not.toContainText([keyId]);
  }
  await expectAccessible(page);

  const approve = requestOf(proposed.approve);
  await approve.getByRole('button', { name: 'Approve' }).click();
  let dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel(/Hours/)).toHaveValue('24');
  await dialog.getByLabel('Reason').fill('The transport ministry rotates its key');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog.getByText('Done. The audit log recorded:')).toBeVisible();
  const approved = dialog.locator('.audit-entry');
  await expect(approved).toContainText('adapter-registration');
  await expect(approved).toContainText('key-approved');
  await expect(approved).toContainText(proposed.approve);
  await expect(approved).toContainText('The transport ministry rotates its key');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(approve.getByText('approved', { exact: true }).first()).toBeVisible();
  await expect(approve.getByRole('button', { name: 'Approve' })).toBeDisabled();
  // The key approved now stands beside the other request's proposed key.
  await expect(
    requestOf(proposed.refuse).getByRole('definition').nth(1).locator('.key-id'),
  ).toContainText([proposed.approve]);

  const refuse = requestOf(proposed.refuse);
  await refuse.getByRole('button', { name: 'Reject' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('The key is revoked and will never verify');
  await dialog.getByLabel('Reason').fill('Nobody at the ministry made this key');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  const refused = dialog.locator('.audit-entry');
  await expect(refused).toContainText('key-revoked');
  await expect(refused).toContainText(proposed.refuse);
  await expect(refused).toContainText('Nobody at the ministry made this key');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(refuse.getByText('revoked', { exact: true }).first()).toBeVisible();

  // Decided, both leave the inbox; the approved key now stands beside the one before it.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  await expect(page.getByText(proposed.approve)).toHaveCount(0);
  await expect(page.getByText(proposed.refuse)).toHaveCount(0);
  await page.goto(consoleUrl('adapters'));
  const keysOfTransport = page
    .getByRole('article')
    .filter({ hasText: proposed.approve })
    .locator('ul.keys li');
  await expect(keysOfTransport.filter({ hasText: proposed.approve })).toContainText('approved');
  await expect(keysOfTransport.filter({ hasText: proposed.refuse })).toContainText('revoked');
});
