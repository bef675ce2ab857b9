// Persons sign in with OpenID Connect and act within their role, through the
// gateway's own embedded provider and through a second, separately configured
// provider with another claim mapping — real providers, driven as a browser
// drives them (login page, form post, redirects, callback). Sessions are kept
// in PostgreSQL (a session made at one gateway is served by another), need the
// CSRF token for GraphQL, end at sign-out and after the idle timeout; bad
// claims refuse the sign-in.
import fs from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateSigningKeyPem, signingKeyFromPem } from '#spean/access';
import { AuditRepository } from '#spean/audit';
import { fetchAccessToken } from '../../tools/access-token.js';
import { startGateway, type GatewayInstance } from '../gateway/gateway-instance.js';
import { newNationalId, publishFullCitizen } from '../support/full-citizen.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';
import { Browser, type Page } from './browser.js';
import { startSecondProvider, type SecondProvider } from './second-provider.js';

const LOOKUP = `query($id: ID!) {
  citizen(nationalId: $id, purpose: "business-registration", reference: "BR-77") { nationalId person { alive } }
}`;
const ACCESS_LOG = `query($id: ID!) {
  accessLog(nationalId: $id) { entries { kind agencyId agencyName clientName person { name statedBy } } }
}`;

let stack: SpeanStack;
let nationalId: string;
let dir: string;
let embedded: GatewayInstance;
let other: GatewayInstance;
let second: SecondProvider;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  stack = await startStack('embedded', 'person_sign_in');
  nationalId = newNationalId();
  await publishFullCitizen(stack, nationalId);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-sign-in-'));
  const accounts = path.join(dir, 'demo-credentials.json');
  const person = (username: string, role: string, name: string, more: object = {}) => ({
    username,
    password: `${username}-pw`,
    role,
    name,
    ...more,
  });
  fs.writeFileSync(
    accounts,
    JSON.stringify([
      { clientId: 'not-a-person', clientSecret: 'x', role: 'agency' },
      person('dara', 'agency', 'Sok Dara', { agencyId: 'mef' }),
      person('vanna', 'auditor', 'Chan Vanna', { agencyId: 'naa' }),
      person('mom', 'steward', 'Chea Sreymom', { agencyId: 'interop-office' }),
      person('citizen', 'citizen', 'Demo citizen', { nationalId }),
      person('stray', 'agency', 'Stray Officer', { agencyId: 'no-such-agency' }),
      person('boss', 'minister', 'Unknown Role', { agencyId: 'mef' }),
      // The demo citizen's id with its check digit mistyped.
      person('typo', 'citizen', 'Mistyped', {
        nationalId: `${nationalId.slice(0, 9)}${(Number(nationalId[9]) + 1) % 10}`,
      }),
    ]),
  );
  const key = signingKeyFromPem(generateSigningKeyPem());
  const embeddedPort = await freePort();
  embedded = await startGateway(
    stack,
    {
      PORT: String(embeddedPort),
      OIDC_EMBEDDED_PROVIDER: 'true',
      OIDC_EMBEDDED_ACCOUNTS_FILE: accounts,
      LOG_LEVEL: 'error',
    },
    key,
    embeddedPort,
  );
  const otherPort = await freePort();
  second = await startSecondProvider(`http://127.0.0.1:${otherPort}/auth/callback`, {
    'k.sophea': {
      password: 'sophea-pw',
      claims: { display_name: 'Keo Sophea', ministry: 'mef', position: 'agency' },
    },
  });
  other = await startGateway(
    stack,
    {
      PORT: String(otherPort),
      LOG_LEVEL: 'error',
      OIDC_EMBEDDED_PROVIDER: 'false',
      OIDC_OFFICERS_ISSUER: second.issuer,
      OIDC_OFFICERS_CLIENT_ID: second.clientId,
      OIDC_OFFICERS_CLIENT_SECRET: second.clientSecret,
      OIDC_OFFICERS_CLAIM_NAME: 'display_name',
      OIDC_OFFICERS_CLAIM_AGENCY: 'ministry',
      OIDC_OFFICERS_CLAIM_ROLE: 'position',
    },
    key,
    otherPort,
  );
}, 120_000);

afterAll(async () => {
  await other?.close();
  await second?.close();
  await embedded?.close();
  await stack?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Login page → form post → the provider's redirects → the gateway's callback. */
async function signIn(
  gateway: GatewayInstance,
  as: string,
  username: string,
  password = `${username}-pw`,
): Promise<{ browser: Browser; callback: Page }> {
  const browser = new Browser();
  const form = await browser.follow(`${gateway.url}/auth/login?as=${as}`);
  expect(form.body).toContain('<form method="post"');
  const callback = await browser.submitLogin(form, username, password);
  return { browser, callback };
}

async function session(browser: Browser, gateway: GatewayInstance) {
  const page = await browser.request(`${gateway.url}/auth/session`, {
    headers: { accept: 'application/json' },
  });
  return { status: page.status, body: JSON.parse(page.body) as Record<string, unknown> };
}

async function graphql(
  browser: Browser,
  gateway: GatewayInstance,
  query: string,
  variables: Record<string, unknown>,
  csrfToken?: string,
) {
  const page = await browser.request(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: page.status,
    body: JSON.parse(page.body) as {
      data?: Record<string, unknown> | null;
      errors?: Array<{ extensions?: { code?: string } }>;
      error?: string;
    },
  };
}

async function signedIn(gateway: GatewayInstance, as: string, username: string) {
  const { browser, callback } = await signIn(gateway, as, username);
  expect(callback.status).toBe(200);
  const { body } = await session(browser, gateway);
  return { browser, csrf: body.csrfToken as string, who: body };
}

describe('signing in through the embedded provider', () => {
  it('gives a desk officer a session cookie only (HttpOnly, SameSite=Strict), and says who they are', async () => {
    const browser = new Browser();
    const form = await browser.follow(`${embedded.url}/auth/login?as=officer`);
    const callback = await browser.submitLogin(form, 'dara', 'dara-pw');
    expect(callback.status).toBe(200);
    expect(new URL(callback.url).pathname).toBe('/auth/callback');
    const setCookie = callback.headers.getSetCookie().find((c) => c.startsWith('spean_session='));
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    // No token of the provider reaches the browser.
    expect(callback.body).not.toMatch(/eyJ/);
    const { status, body } = await session(browser, embedded);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      person: { name: 'Sok Dara', issuer: `${embedded.url}/oidc` },
      role: 'agency',
      agencyId: 'mef',
    });
    expect(body.csrfToken).toEqual(expect.any(String));
  });

  it('refuses a wrong password at the login form', async () => {
    const { callback } = await signIn(embedded, 'officer', 'dara', 'wrong');
    expect(callback.status).toBe(401);
    expect(callback.body).toContain('Wrong username or password');
  });

  it('lets the desk officer look up within the agency’s grants, and audits the person', async () => {
    const { browser, csrf } = await signedIn(embedded, 'officer', 'dara');
    const looked = await graphql(browser, embedded, LOOKUP, { id: nationalId }, csrf);
    expect(looked.body.errors).toBeUndefined();
    expect(looked.body.data?.citizen).toMatchObject({ nationalId });
    const entries = await new AuditRepository(stack.db.database).entriesAfter(0, 100_000);
    const lookup = entries.filter((e) => e.kind === 'lookup' && e.subjectId === nationalId).at(-1);
    expect(lookup).toMatchObject({
      actorAgency: 'mef',
      actorPerson: {
        issuer: `${embedded.url}/oidc`,
        subject: 'dara',
        name: 'Sok Dara',
        statedBy: 'session',
      },
    });
  });

  it('shows the citizen, signed in, the officer’s name and agency in their access log', async () => {
    const officer = await signedIn(embedded, 'officer', 'dara');
    await graphql(officer.browser, embedded, LOOKUP, { id: nationalId }, officer.csrf);
    const citizen = await signedIn(embedded, 'citizen', 'citizen');
    expect(citizen.who).toMatchObject({ role: 'citizen', nationalId });
    const log = await graphql(
      citizen.browser,
      embedded,
      ACCESS_LOG,
      { id: nationalId },
      citizen.csrf,
    );
    expect(log.body.errors).toBeUndefined();
    const entries = (log.body.data!.accessLog as { entries: Array<Record<string, unknown>> })
      .entries;
    expect(entries.find((e) => e.kind === 'lookup')).toMatchObject({
      agencyId: 'mef',
      agencyName: 'Ministry of Economy and Finance',
      person: { name: 'Sok Dara', statedBy: 'session' },
    });
  });

  it('refuses a citizen another citizen’s access log, and an auditor a lookup', async () => {
    const citizen = await signedIn(embedded, 'citizen', 'citizen');
    const elsewhere = await graphql(
      citizen.browser,
      embedded,
      ACCESS_LOG,
      { id: newNationalId() },
      citizen.csrf,
    );
    expect(elsewhere.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const auditor = await signedIn(embedded, 'officer', 'vanna');
    expect(auditor.who).toMatchObject({ role: 'auditor', agencyId: 'naa' });
    const looked = await graphql(
      auditor.browser,
      embedded,
      LOOKUP,
      { id: nationalId },
      auditor.csrf,
    );
    expect(looked.body.data?.citizen ?? null).toBeNull();
    expect(looked.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('names the person in every audit entry their session makes: changes and readings alike', async () => {
    const audit = new AuditRepository(stack.db.database);
    const since = (await audit.entriesAfter(0, 1_000_000)).length;
    const steward = await signedIn(embedded, 'officer', 'mom');
    const auditor = await signedIn(embedded, 'officer', 'vanna');
    const calls: Array<[typeof steward, string]> = [
      [
        steward,
        `mutation { registerPurpose(input: { code: "pension-claims", title: "Paying pensions", legalBasis: "Law on Social Security" }) { code } }`,
      ],
      [
        steward,
        `mutation { setCompatibility(recordType: "person", mode: "FULL", reason: "review") }`,
      ],
      [auditor, ACCESS_LOG],
    ];
    for (const [who, query] of calls) {
      const done = await graphql(who.browser, embedded, query, { id: nationalId }, who.csrf);
      expect(done.body.errors).toBeUndefined();
    }
    const made = (await audit.entriesAfter(since, 100)).filter((e) => e.actorAgency !== 'system');
    expect(made.map((e) => [e.kind, e.actorPerson?.name])).toEqual([
      ['purpose-change', 'Chea Sreymom'],
      ['schema-change', 'Chea Sreymom'],
      ['access-log-read', 'Chan Vanna'],
    ]);
  });

  it('refuses GraphQL with the cookie but without the CSRF token, mutations included', async () => {
    const { browser, csrf } = await signedIn(embedded, 'officer', 'dara');
    const mutation = `mutation { revokeGrant(id: "00000000-0000-0000-0000-000000000000", reason: "x") { id } }`;
    for (const [query, token] of [
      [mutation, undefined],
      [mutation, `${csrf}x`],
      [LOOKUP, undefined],
    ] as const) {
      const refused = await graphql(browser, embedded, query, { id: nationalId }, token);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe('CSRF_TOKEN_MISSING');
    }
    const logout = await browser.request(`${embedded.url}/auth/logout`, { method: 'POST' });
    expect(logout.status).toBe(403);
    expect((await session(browser, embedded)).status).toBe(200);
  });

  it('lets an auditor download the audit CSV with the session cookie from the console’s own origin only, audited as theirs', async () => {
    const auditor = await signedIn(embedded, 'officer', 'vanna');
    const url = `${embedded.url}/v1/audit/entries.csv?nationalId=${nationalId}&kinds=lookup`;
    const download = await auditor.browser.request(url, {
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(download.status).toBe(200);
    expect(download.body.split(/\r?\n/)[0]).toMatch(/^seq,at,kind,outcome,/);
    const audit = new AuditRepository(stack.db.database);
    const readings = (await audit.entriesAfter(0, 1_000_000)).filter(
      (e) => e.kind === 'audit-read' && e.subjectId === nationalId,
    );
    expect(readings.at(-1)?.actorPerson?.name).toBe('Chan Vanna');
    // Another site's page (or a request that does not say) gets no download with the cookie.
    for (const site of ['cross-site', 'same-site', undefined]) {
      const refused = await auditor.browser.request(url, {
        headers: site ? { 'sec-fetch-site': site } : {},
      });
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.body)).toMatchObject({ error: 'CSRF_TOKEN_MISSING' });
    }
    // A desk officer's session is refused by the role check, as a token would be.
    const officer = await signedIn(embedded, 'officer', 'dara');
    const officers = await officer.browser.request(url, {
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(officers.status).toBe(403);
    expect(JSON.parse(officers.body)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('ends the session at sign-out, server-side', async () => {
    const { browser, csrf } = await signedIn(embedded, 'officer', 'dara');
    const cookie = browser.cookie(embedded.url, 'spean_session')!;
    const logout = await browser.request(`${embedded.url}/auth/logout`, {
      method: 'POST',
      headers: { 'x-csrf-token': csrf },
    });
    expect(logout.status).toBe(204);
    // The old cookie, replayed, no longer works anywhere.
    const replay = await fetch(`${embedded.url}/graphql`, {
      method: 'POST',
      headers: {
        cookie: `spean_session=${cookie}`,
        'x-csrf-token': csrf,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ query: LOOKUP, variables: { id: nationalId } }),
    });
    expect(replay.status).toBe(401);
    await expect(replay.json()).resolves.toMatchObject({ error: 'NO_SESSION' });
  });

  it('ends a session idle longer than the timeout (15 minutes by default)', async () => {
    const { browser } = await signedIn(embedded, 'officer', 'dara');
    await stack.db
      .owner()
      .query(`UPDATE person_session SET last_seen_at = now() - interval '14 minutes'`);
    expect((await session(browser, embedded)).status).toBe(200);
    await stack.db
      .owner()
      .query(`UPDATE person_session SET last_seen_at = now() - interval '16 minutes'`);
    const idle = await session(browser, embedded);
    expect(idle.status).toBe(401);
    expect(idle.body).toMatchObject({ error: 'NO_SESSION' });
    // Idle sessions nobody uses again are deleted at the next sign-in.
    await signedIn(embedded, 'officer', 'dara');
    await stack.db
      .owner()
      .query(`UPDATE person_session SET last_seen_at = now() - interval '16 minutes'`);
    await signedIn(embedded, 'officer', 'dara');
    const [left] = await stack.db
      .owner()
      .query<{ n: string }>(
        `SELECT count(*) AS n FROM person_session WHERE last_seen_at < now() - interval '15 minutes'`,
      );
    expect(Number(left!.n)).toBe(0);
  });

  it.each([
    ['officer', 'stray', 'spean_agency', 'registered'],
    ['officer', 'boss', 'spean_role', 'one-of'],
    ['officer', 'citizen', 'spean_role', 'one-of'],
    ['citizen', 'typo', 'spean_national_id', 'check-digit'],
    ['citizen', 'dara', 'spean_national_id', 'required'],
  ])('refuses sign-in as %s of %s: claim %s breaks %s', async (as, username, claim, rule) => {
    const browser = new Browser();
    const form = await browser.follow(`${embedded.url}/auth/login?as=${as}`);
    const action = /action="([^"]+)"/.exec(form.body)![1]!;
    const afterLogin = await browser.request(new URL(action, form.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=${username}&password=${username}-pw`,
    });
    // Up to the callback, then ask it for JSON.
    let page = afterLogin;
    while (
      !new URL(page.headers.get('location') ?? page.url, page.url).pathname.startsWith(
        '/auth/callback',
      )
    )
      page = await browser.request(new URL(page.headers.get('location')!, page.url).href);
    const callback = await browser.request(new URL(page.headers.get('location')!, page.url).href, {
      headers: { accept: 'application/json' },
    });
    expect(callback.status).toBe(403);
    expect(JSON.parse(callback.body)).toMatchObject({ error: 'BAD_CLAIM', claim, rule });
    expect(browser.cookie(embedded.url, 'spean_session')).toBeUndefined();
  });

  it('refuses a callback no sign-in of this browser started, and an unknown audience', async () => {
    const browser = new Browser();
    const callback = await browser.request(`${embedded.url}/auth/callback?code=x&state=y`, {
      headers: { accept: 'application/json' },
    });
    expect(callback.status).toBe(400);
    expect(JSON.parse(callback.body)).toMatchObject({ error: 'NO_SIGN_IN' });
    const login = await browser.request(`${embedded.url}/auth/login?as=minister`, {
      headers: { accept: 'application/json' },
    });
    expect(login.status).toBe(400);
    expect(JSON.parse(login.body)).toMatchObject({ error: 'UNKNOWN_AUDIENCE' });
  });
});

describe('a desk system naming the officer it asks for (X-Spean-Officer)', () => {
  it('records the officer with statedBy client, and the citizen sees them', async () => {
    // A token of this gateway (its signing key is its own).
    const token = await fetchAccessToken(embedded.url, stack.agency);
    const post = (headers: Record<string, string>) =>
      fetch(`${embedded.url}/graphql`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...headers,
        },
        body: JSON.stringify({ query: LOOKUP, variables: { id: nationalId } }),
      });
    const named = await post({ 'x-spean-officer': `4411;${encodeURIComponent('សុខ ដារា')}` });
    expect(named.status).toBe(200);
    const entries = await new AuditRepository(stack.db.database).entriesAfter(0, 100_000);
    expect(entries.filter((e) => e.kind === 'lookup').at(-1)!.actorPerson).toEqual({
      issuer: stack.agency.clientId,
      subject: '4411',
      name: 'សុខ ដារា',
      statedBy: 'client',
    });
    const citizen = await signedIn(embedded, 'citizen', 'citizen');
    const log = await graphql(
      citizen.browser,
      embedded,
      ACCESS_LOG,
      { id: nationalId },
      citizen.csrf,
    );
    const latest = (log.body.data!.accessLog as { entries: Array<Record<string, unknown>> })
      .entries[0];
    expect(latest).toMatchObject({
      kind: 'lookup',
      agencyId: 'mef',
      person: { name: 'សុខ ដារា', statedBy: 'client' },
    });
    const malformed = await post({ 'x-spean-officer': 'Sok Dara' });
    expect(malformed.status).toBe(400);
    await expect(malformed.json()).resolves.toMatchObject({
      error: 'BAD_OFFICER_HEADER',
      header: 'X-Spean-Officer',
      rule: 'format',
    });
  });
});

describe('a grant that requires the officer who asks', () => {
  it('refuses a lookup naming no officer with OFFICER_REQUIRED, and serves one that names them', async () => {
    const steward = await signedIn(embedded, 'officer', 'mom');
    const granting = `mutation($until: DateTime!) {
      registerPurpose(input: { code: "court-orders", title: "Court orders", legalBasis: "Code of Civil Procedure" }) { code }
      grantAccess(input: { agencyId: "mef", section: "person", purpose: "court-orders", validUntil: $until,
                           reason: "court liaison desk", requiresOfficer: true }) { requiresOfficer }
    }`;
    const granted = await graphql(
      steward.browser,
      embedded,
      granting,
      {
        until: new Date(Date.now() + 86_400_000).toISOString(),
      },
      steward.csrf,
    );
    expect(granted.body.errors).toBeUndefined();
    expect(granted.body.data?.grantAccess).toEqual({ requiresOfficer: true });

    const token = await fetchAccessToken(embedded.url, stack.agency);
    const lookup = (headers: Record<string, string>) =>
      fetch(`${embedded.url}/graphql`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...headers,
        },
        body: JSON.stringify({
          query: `query($id: ID!) { citizen(nationalId: $id, purpose: "court-orders") { person { alive } } }`,
          variables: { id: nationalId },
        }),
      }).then(
        async (response) =>
          (await response.json()) as {
            data?: { citizen: unknown };
            errors?: Array<{ extensions: Record<string, unknown> }>;
          },
      );
    const anonymous = await lookup({});
    expect(anonymous.data?.citizen ?? null).toBeNull();
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({
      code: 'OFFICER_REQUIRED',
      header: 'X-Spean-Officer',
      rule: 'officer-required',
    });
    const named = await lookup({ 'x-spean-officer': '4411;Sok%20Dara' });
    expect(named.errors).toBeUndefined();
    expect(named.data?.citizen).toEqual({ person: { alive: true } });
    const officer = await signedIn(embedded, 'officer', 'dara');
    const signedInLookup = await graphql(
      officer.browser,
      embedded,
      `
        query ($id: ID!) {
          citizen(nationalId: $id, purpose: "court-orders") {
            person {
              alive
            }
          }
        }
      `,
      { id: nationalId },
      officer.csrf,
    );
    expect(signedInLookup.body.errors).toBeUndefined();
    // The refusal is audited, as every refused lookup is.
    const entries = await new AuditRepository(stack.db.database).entriesAfter(0, 100_000);
    expect(
      entries.some(
        (e) =>
          e.purpose === 'court-orders' &&
          (e.details as { reason?: string }).reason === 'officer-required',
      ),
    ).toBe(true);
  });
});

describe('signing in through a second provider with its own claim mapping', () => {
  it('maps display_name, ministry and position, and the officer looks up within the grants', async () => {
    const { browser, csrf, who } = await signedInWith(other, 'k.sophea', 'sophea-pw');
    expect(who).toMatchObject({
      person: { name: 'Keo Sophea', issuer: second.issuer },
      role: 'agency',
      agencyId: 'mef',
    });
    const looked = await graphql(browser, other, LOOKUP, { id: nationalId }, csrf);
    expect(looked.body.errors).toBeUndefined();
    expect(looked.body.data?.citizen).toMatchObject({ nationalId });
  });

  it('has no citizens’ provider configured there: as=citizen is refused', async () => {
    const page = await new Browser().request(`${other.url}/auth/login?as=citizen`, {
      headers: { accept: 'application/json' },
    });
    expect(page.status).toBe(400);
    expect(JSON.parse(page.body)).toMatchObject({ error: 'UNKNOWN_AUDIENCE' });
  });

  it('serves a session made at one gateway at another (sessions are in PostgreSQL)', async () => {
    const { browser, csrf } = await signedIn(embedded, 'officer', 'dara');
    const cookie = browser.cookie(embedded.url, 'spean_session')!;
    const there = await fetch(`${other.url}/auth/session`, {
      headers: { cookie: `spean_session=${cookie}` },
    });
    expect(there.status).toBe(200);
    await expect(there.json()).resolves.toMatchObject({ csrfToken: csrf, agencyId: 'mef' });
  });
});

async function signedInWith(gateway: GatewayInstance, username: string, password: string) {
  const { browser, callback } = await signIn(gateway, 'officer', username, password);
  expect(callback.status).toBe(200);
  const { body } = await session(browser, gateway);
  return { browser, csrf: body.csrfToken as string, who: body };
}
