// The console's shell: served under a strict Content-Security-Policy, the
// sign-in page in both languages, each role landing on its own pages.
import { expect, test } from '@playwright/test';
import { consoleUrl, expectAccessible, signIn } from './fixtures.ts';

test('the console is served under a strict Content-Security-Policy', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  const response = await page.goto(consoleUrl());
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
  await expect(page.getByRole('heading', { name: 'Sign in to Spean' })).toBeVisible();
  expect(blocked).toEqual([]);
  await expectAccessible(page);
});

test('the console arrives compressed, as the browser asked', async ({ page }) => {
  const scripts: Record<string, string>[] = [];
  page.on('response', (answer) => {
    if (answer.url().endsWith('.js')) scripts.push(answer.headers());
  });
  const response = await page.goto(consoleUrl());
  expect(['br', 'gzip']).toContain(response?.headers()['content-encoding']);
  await expect(page.getByRole('heading', { name: 'Sign in to Spean' })).toBeVisible();
  expect(scripts.length).toBeGreaterThan(0);
  for (const headers of scripts) expect(['br', 'gzip']).toContain(headers['content-encoding']);
});

test('the sign-in page in Khmer', async ({ page }) => {
  await page.goto(consoleUrl('?lang=km'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'km');
  await expect(page.getByRole('heading', { name: 'ចូលប្រើ ស្ពាន' })).toBeVisible();
  await expectAccessible(page);
});

test('a person signs in and sees their own activity', async ({ page }) => {
  await signIn(page, 'steward');
  await page.getByRole('link', { name: 'My activity' }).click();
  await expect(page.getByRole('heading', { name: 'My activity' })).toBeVisible();
  await expectAccessible(page);
});
