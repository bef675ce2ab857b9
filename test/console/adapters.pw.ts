// The steward's inbox, adapters, clients, orphans and health, and the
// integrator's own adapters, driven in a real browser as their people use them.
import { expect, test, type Page } from '@playwright/test';
import { consoleUrl, expectAccessible, readmeScreenshot, signIn } from './fixtures.ts';
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

/** When SPEAN_SHOTS is set: a look at the page at desktop and phone widths. */
async function look(page: Page, name: string): Promise<void> {
  if (!process.env.SPEAN_SHOTS) return;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `/tmp/adshots/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `/tmp/adshots/${name}-phone.png`, fullPage: true });
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
  const answer = await page.evaluate(async () => {
    const session = (await (await fetch('/auth/session')).json()) as { csrfToken: string };
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ query: '{ adapters { name } adapterKeys { keyId } }' }),
    });
    return (await response.json()) as {
      data?: unknown;
      errors?: Array<{ extensions?: { code?: string } }>;
    };
  });
  expect(answer.data ?? null).toBeNull();
  expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

test('an integrator registers an adapter; the steward approves it from the inbox', async ({
  browser,
}) => {
  const { name } = await registerAndApproveAdapter(browser);
  expect(name).toMatch(/^inspection-/);
});

const STEWARD_PAGES = ['inbox', 'adapters', 'clients', 'orphans'];
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
