// What every console test needs: where the system runs, the demo logins it
// wrote, signing in as a person does (the console's button, the provider's
// form), an accessibility check with axe, and the README's screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { Database } from '#spean/persistence';
import { fetchAccessToken } from '../../tools/access-token.ts';

export type DemoLogin = 'desk.officer' | 'steward' | 'integrator' | 'auditor' | 'citizen';

interface Credential {
  username?: string;
  password?: string;
  role: string;
  name?: string;
  agencyId?: string;
  nationalId?: string;
  clientId?: string;
  clientSecret?: string;
  adapter?: string;
}

export function consoleUrl(page = ''): string {
  const base = process.env.SPEAN_CONSOLE_URL;
  if (!base) throw new Error('SPEAN_CONSOLE_URL is not set: run through playwright.config.ts');
  return `${base}/console/${page}`;
}

export function gatewayUrl(): string {
  return process.env.SPEAN_CONSOLE_URL!;
}

/**
 * The running system's database, as its app role (what the processes use),
 * for a test that stands in for a process: closed after work.
 */
export async function withSystemDatabase<T>(
  applicationName: string,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const pgCredentials = JSON.parse(
    fs.readFileSync(path.join(process.env.SPEAN_DATA_DIR!, 'postgres-credentials.json'), 'utf8'),
  ) as { app: { user: string; password: string } };
  // The embedded PostgreSQL takes the last port of the system's block (tools/whole-system.ts).
  const pgPort = Number(new URL(gatewayUrl()).port) + 6;
  const database = new Database({
    url: `postgres://${pgCredentials.app.user}:${encodeURIComponent(pgCredentials.app.password)}@127.0.0.1:${pgPort}/spean`,
    applicationName,
  });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** A URL of one of the system's adapters, e.g. adapterUrl(2) for transport (3102 by default). */
export function adapterUrl(offset: 1 | 2 | 3 | 4 | 5): string {
  // The adapters take the ports after the gateway's, in their default order (tools/whole-system.ts).
  return `http://127.0.0.1:${Number(new URL(gatewayUrl()).port) + offset}`;
}

/** An access token of a demo client (client credentials), as its system gets one. */
export async function demoClientToken(find: (entry: Credential) => boolean): Promise<string> {
  const client = credentials().find((entry) => entry.clientSecret && find(entry));
  if (!client?.clientId || !client.clientSecret) throw new Error('no such demo client');
  return fetchAccessToken(gatewayUrl(), {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
  });
}

export function credentials(): Credential[] {
  const file = path.join(process.env.SPEAN_DATA_DIR!, 'demo-credentials.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Credential[];
}

export function demoLogin(
  username: DemoLogin,
): Credential & { username: string; password: string } {
  const found = credentials().find((entry) => entry.username === username);
  if (!found?.password) throw new Error(`no demo login ${username}`);
  return found as Credential & { username: string; password: string };
}

/** Signs in as a person would: the console's button, then the provider's form. */
export async function signIn(page: Page, username: DemoLogin, lang?: 'en' | 'km'): Promise<void> {
  const login = demoLogin(username);
  await page.goto(consoleUrl(lang ? `?lang=${lang}` : ''));
  const citizen = login.role === 'citizen';
  await page.getByRole('link', { name: citizen ? /citizen|ពលរដ្ឋ/i : /officer|មន្ត្រី/i }).click();
  await page.getByLabel('Username').fill(login.username);
  await page.getByLabel('Password').fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/console\/[a-z-]+/);
  // Exactly the side navigation: a page may have its own (the explorer's "Pages of entries").
  await expect(page.getByRole('navigation', { name: /^(Pages|ទំព័រ)$/ })).toBeVisible();
}

/** axe finds no WCAG 2.1 A or AA violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(violations, `axe on ${page.url()}`).toEqual([]);
}

/** A screenshot for the README (docs/screenshots), remade by every run. */
export async function readmeScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots', `${name}.png`),
    fullPage: false,
  });
}
