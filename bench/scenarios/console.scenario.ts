// Scenario "console": what a person's browser gets from the console, on the
// whole system as `npm start` runs it with its demo data (the default
// DEMO_CITIZENS), driven by Debian's Chromium headless shell.
//
// First load: every byte the sign-in page takes over the wire with an empty
// cache — the page, its scripts, styles and fonts — in English and in Khmer,
// with the uncompressed size beside it.
//
// Pages: each demo login signs in as a person does, then opens every page in
// its navigation by its address, again and again (a full load with the
// browser's cache warm, as a person reopening it). A page's time runs from the
// navigation to the last answer it waited for (its GraphQL requests, the
// session), once its heading shows and nothing has been in flight for a
// moment. The row gives the median and the slowest, and the slowest single
// GraphQL answer the page received.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tools/chromium.ts';
import { startWholeSystem, type WholeSystem } from '../../tools/whole-system.ts';
import type { BenchContext, Measurement, Scenario } from '../harness/scenario.ts';

/** Quiet time after the last answer before a page counts as settled. */
const SETTLE_MS = 150;
/** A page still waiting for answers after this long is a failure, not a slow page. */
const SETTLE_LIMIT_MS = 30_000;
/** The console's navigation, in English or (a citizen's default) Khmer. */
const NAVIGATION = /^(Pages|ទំព័រ)$/;
const LOGINS = ['desk.officer', 'steward', 'integrator', 'auditor', 'citizen'] as const;

interface DemoLogin {
  username?: string;
  password?: string;
  role: string;
}

export const consoleScenario: Scenario = {
  name: 'console',
  description:
    "the console in Chromium: the first load's bytes over the wire, and every page of every role from navigation to its last answer, on the demo data",
  async run(context) {
    if (!fs.existsSync(CHROMIUM_PATH)) {
      return [
        {
          scenario: 'console',
          subject: '(scenario)',
          setting: '',
          note: `skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium-headless-shell, or set CHROMIUM_PATH)`,
        },
      ];
    }
    context.log('console: starting the whole system with its demo data …');
    const system = await startWholeSystem({ demoCitizens: context.options.quick ? 40 : 300 });
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    });
    try {
      const rows = [await firstLoad(browser, system, 'en'), await firstLoad(browser, system, 'km')];
      const rounds = context.options.quick ? 2 : 10;
      for (const login of LOGINS)
        rows.push(...(await pagesOf(context, browser, system, login, rounds)));
      return rows;
    } finally {
      await browser.close();
      await system.stop();
    }
  },
};

async function firstLoad(
  browser: Browser,
  system: WholeSystem,
  lang: 'en' | 'km',
): Promise<Measurement> {
  const browserContext = await browser.newContext();
  try {
    const page = await browserContext.newPage();
    const opened = await openPage(page, trackAnswers(page), () =>
      page.goto(`${system.url}/console/?lang=${lang}`),
    );
    // Run in the page: the navigation's and every resource's bytes, on the wire and unpacked.
    const sizes = (await page.evaluate(`[
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ].map((entry) => ({ wire: entry.encodedBodySize, raw: entry.decodedBodySize }))`)) as {
      wire: number;
      raw: number;
    }[];
    const wire = sizes.reduce((sum, size) => sum + size.wire, 0);
    const raw = sizes.reduce((sum, size) => sum + size.raw, 0);
    return {
      scenario: 'console',
      subject: 'first load (the sign-in page)',
      setting: `${lang}, empty cache`,
      p50Ms: opened.ms,
      operations: sizes.length,
      note: `${kb(wire)} KB over the wire in ${sizes.length} requests (${kb(raw)} KB uncompressed)`,
    };
  } finally {
    await browserContext.close();
  }
}

async function pagesOf(
  context: BenchContext,
  browser: Browser,
  system: WholeSystem,
  username: (typeof LOGINS)[number],
  rounds: number,
): Promise<Measurement[]> {
  const browserContext = await browser.newContext();
  try {
    const page = await browserContext.newPage();
    const tracker = trackAnswers(page);
    const login = demoLogin(system, username);
    await signIn(page, system, login);
    const nav = page.getByRole('navigation', { name: NAVIGATION });
    const paths: string[] = [];
    for (const link of await nav.getByRole('link').all())
      paths.push(new URL((await link.getAttribute('href'))!, system.url).pathname);
    const rows: Measurement[] = [];
    for (const [index, address] of paths.entries()) {
      const url = `${system.url}${address}`;
      const inApp: number[] = [];
      const fullLoad: number[] = [];
      let slowestAnswer = 0;
      for (let round = 0; round < rounds; round++) {
        const loaded = await openPage(page, tracker, () => page.goto(url));
        fullLoad.push(loaded.ms);
        slowestAnswer = Math.max(slowestAnswer, loaded.slowestAnswerMs);
        if (paths.length < 2) continue;
        // From another page of the role, through the navigation, as a person moves.
        const other = paths[(index + 1) % paths.length]!;
        await openPage(page, tracker, () =>
          nav.getByRole('link').nth(paths.indexOf(other)).click(),
        );
        const moved = await openPage(page, tracker, async () => {
          await nav.getByRole('link').nth(index).click();
          await page.waitForURL((current) => current.pathname === address);
        });
        inApp.push(moved.ms);
        slowestAnswer = Math.max(slowestAnswer, moved.slowestAnswerMs);
      }
      const times = inApp.length > 0 ? inApp : fullLoad;
      rows.push({
        scenario: 'console',
        subject: `page ${address}`,
        setting: `${login.role} (${username}), demo data, ${inApp.length > 0 ? 'from the navigation' : 'full load'}`,
        p50Ms: median(times),
        p99Ms: Math.max(...times),
        operations: times.length,
        note: `p99 is the slowest; full load: median ${median(fullLoad).toFixed(0)} ms, slowest ${Math.max(...fullLoad).toFixed(0)} ms; slowest GraphQL answer ${slowestAnswer.toFixed(0)} ms`,
      });
      context.log(
        `console: ${address} as ${username}: median ${median(times).toFixed(0)} ms (full load ${median(fullLoad).toFixed(0)} ms)`,
      );
    }
    return rows;
  } finally {
    await browserContext.close();
  }
}

interface AnswerTracker {
  /** The API requests awaiting an answer, with when each started. */
  awaited: Map<object, number>;
  /** performance.now() of the last answer that ended. */
  lastEnded: number;
  /** The slowest answer since the last reset, in ms. */
  slowest: number;
}

/** Follows the page's requests to the gateway's API while they are awaited. */
function trackAnswers(page: Page): AnswerTracker {
  const tracker: AnswerTracker = { awaited: new Map(), lastEnded: 0, slowest: 0 };
  const isApi = (url: string): boolean => /\/(graphql|auth\/session)(\?|$)/.test(url);
  page.on('request', (request) => {
    if (isApi(request.url())) tracker.awaited.set(request, performance.now());
  });
  const ended = (request: object): void => {
    const at = tracker.awaited.get(request);
    if (at === undefined) return;
    tracker.awaited.delete(request);
    tracker.lastEnded = performance.now();
    tracker.slowest = Math.max(tracker.slowest, tracker.lastEnded - at);
  };
  // An answer counts from its headers: a page that does not read a refusal's
  // body (a 401 from /auth/session) never sees that request finish.
  page.on('response', (response) => ended(response.request()));
  page.on('requestfailed', ended);
  return tracker;
}

async function openPage(
  page: Page,
  tracker: AnswerTracker,
  open: () => Promise<unknown>,
): Promise<{ ms: number; slowestAnswerMs: number }> {
  // What an earlier page still awaited (a request a navigation cut off) is not this page's.
  tracker.awaited.clear();
  tracker.slowest = 0;
  const started = performance.now();
  await open();
  await page.locator('main h1').first().waitFor();
  const headingAt = performance.now();
  // Settled: nothing in flight, and nothing new started, for SETTLE_MS.
  for (const giveUp = started + SETTLE_LIMIT_MS; ;) {
    const quietSince = tracker.lastEnded;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    if (tracker.awaited.size === 0 && tracker.lastEnded === quietSince) break;
    if (performance.now() > giveUp)
      throw new Error(
        `${page.url()} did not settle in ${SETTLE_LIMIT_MS / 1000} s (still awaiting ${[...tracker.awaited.keys()].map((request) => (request as { url(): string }).url()).join(', ')})`,
      );
  }
  return {
    ms: Math.max(headingAt, tracker.lastEnded) - started,
    slowestAnswerMs: tracker.slowest,
  };
}

function demoLogin(system: WholeSystem, username: string): DemoLogin {
  const logins = JSON.parse(
    fs.readFileSync(path.join(system.dataDir, 'demo-credentials.json'), 'utf8'),
  ) as DemoLogin[];
  const login = logins.find((entry) => entry.username === username);
  if (!login?.password) throw new Error(`console: no demo login ${username}`);
  return login;
}

/** The console's sign-in button, then the provider's form, as a person does. */
async function signIn(page: Page, system: WholeSystem, login: DemoLogin): Promise<void> {
  await page.goto(`${system.url}/console/?lang=en`);
  await page
    .getByRole('link', { name: login.role === 'citizen' ? /citizen/i : /officer/i })
    .click();
  await page.getByLabel('Username').fill(login.username!);
  await page.getByLabel('Password').fill(login.password!);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: NAVIGATION }).waitFor();
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}
