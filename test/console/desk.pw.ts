// The desk officer, the citizen and citizens' questions, in a real browser:
// a desk verifies then looks a citizen up and the citizen sees it with the
// officer's name; the same desk work with the keyboard alone; the idle
// timeout clears the screen; a question asked by the citizen and answered by
// a steward; axe on every page in English and Khmer; the README's pictures.
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import {
  consoleUrl,
  credentials,
  demoLogin,
  expectAccessible,
  gatewayUrl,
  readmeScreenshot,
  signIn,
} from './fixtures.ts';

const PURPOSE = 'Registering or amending a business';

/**
 * Picks the purpose. The purposes come with the agency's grants, and the list
 * opens only once it has options: try again until it does.
 */
async function choosePurpose(page: Page): Promise<void> {
  await expect(async () => {
    await page.getByRole('button', { name: /Purpose/ }).click();
    await page.getByRole('option', { name: PURPOSE }).click({ timeout: 2_000 });
  }).toPass();
}

/** A steward's token from the demo steward client (client credentials). */
async function stewardToken(): Promise<string> {
  const steward = credentials().find((entry) => entry.role === 'steward' && entry.clientSecret);
  if (!steward?.clientId || !steward.clientSecret) throw new Error('no demo steward client');
  const response = await fetch(`${gatewayUrl()}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: steward.clientId,
      client_secret: steward.clientSecret,
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function graphqlAs(
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const response = await fetch(`${gatewayUrl()}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  expect(answer.errors).toBeUndefined();
  return answer.data!;
}

/** Grants the demo desk (mef) a section for a purpose, unless it holds one already. */
async function grantDesk(grant: {
  section: string;
  purpose: string;
  fields?: string[];
  reason: string;
}): Promise<void> {
  const token = await stewardToken();
  const { grants } = (await graphqlAs(
    token,
    '{ grants(agencyId: "mef") { purpose section } }',
  )) as {
    grants: Array<{ purpose: string; section: string }>;
  };
  if (grants.some((g) => g.purpose === grant.purpose && g.section === grant.section)) return;
  const until = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
  await graphqlAs(token, `mutation($input: GrantInput!) { grantAccess(input: $input) { id } }`, {
    input: { agencyId: 'mef', ...grant, validUntil: until },
  });
}

/**
 * The demo desk (mef) verifies under identity-verification and looks up under
 * business-registration; verifying then looking up under one purpose needs
 * both, so the steward grants verification for business-registration too.
 */
async function grantDeskVerification(): Promise<void> {
  await grantDesk({
    section: 'verification',
    purpose: 'business-registration',
    reason: 'desk verifies before it looks up',
  });
}

const NARROWED_PURPOSE = 'Deciding eligibility for social assistance';

/**
 * A grant narrowed to fields: the demo desk (mef) may see, for social
 * assistance, only the person's name and whether they are alive.
 */
async function grantDeskNarrowedPerson(): Promise<void> {
  await grantDesk({
    section: 'person',
    fields: ['name', 'alive'],
    purpose: 'social-assistance',
    reason: 'eligibility needs the name and whether alive',
  });
}

function citizenId(): string {
  const id = demoLogin('citizen').nationalId;
  if (!id) throw new Error('the demo citizen login has no national id');
  return id;
}

const KHMER_MONTH = /មករា|កុម្ភៈ|មីនា|មេសា|ឧសភា|មិថុនា|កក្កដា|សីហា|កញ្ញា|តុលា|វិច្ឆិកា|ធ្នូ/;
const ENGLISH_MONTH = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/;

/** The same id in Khmer digits, as a desk might type it. */
function inKhmerDigits(id: string): string {
  return id.replace(/[0-9]/g, (digit) => String.fromCharCode(0x17e0 + Number(digit)));
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Sign out|ចាកចេញ/ }).click();
  await expect(page.getByRole('heading', { name: /Sign in to Spean|ចូលប្រើ ស្ពាន/ })).toBeVisible();
}

/** A person at another device: the provider's sign-in of the last person does not carry over. */
async function freshPage(
  browser: Browser,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport } : {});
  return context.newPage();
}

test('a desk officer verifies then looks a citizen up, and the citizen sees it with the officer’s name', async ({
  page,
  browser,
}) => {
  await grantDeskVerification();
  const reference = `BR-${Date.now()}`;
  await signIn(page, 'desk.officer');
  await expect(page).toHaveURL(/\/console\/desk/);
  await expect(page.getByRole('heading', { name: 'Citizen desk' })).toBeVisible();

  const id = page.getByRole('textbox', { name: 'National id' });
  await id.fill(inKhmerDigits(citizenId()));
  await expect(page.getByText('Check digit correct.')).toBeVisible();
  await choosePurpose(page);
  await expect(page.getByText(/Legal basis: Law on Commercial Enterprises/)).toBeVisible();
  await page.getByRole('textbox', { name: 'Case reference' }).fill(reference);
  // Nothing to verify yet: the desk says what it needs before asking the gateway.
  await expect(page.getByRole('button', { name: 'Verify claims' })).toBeDisabled();
  await expect(page.getByText(/Fill in at least one claim/)).toBeVisible();
  await page.getByText('The citizen is alive', { exact: true }).click();
  await page.getByRole('button', { name: 'Verify claims' }).click();

  const answers = page.getByRole('table', { name: 'Claims and answers' });
  await expect(answers.getByRole('row', { name: /Alive/ })).toContainText('Yes');
  await expect(page.getByText(/Officer: Sok Dara \(mef\)/)).toBeVisible();
  await expect(page.getByText(`Case reference: ${reference}`)).toBeVisible();

  await page.getByRole('button', { name: 'Look up the record' }).click();
  await expect(page.getByRole('heading', { name: 'The citizen’s record' })).toBeVisible();
  const identity = page.getByRole('article', { name: 'Identity' });
  // The ministry and the date the exchange received the record, as the gateway says.
  await expect(identity).toContainText(
    /From the Ministry of Interior · received by the exchange [A-Z][a-z]{2} \d{1,2}, \d{4}/,
  );
  await expect(identity.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
  await expect(page.getByRole('article', { name: 'Address' })).toContainText(
    'From the Ministry of Interior · received by the exchange',
  );
  await expect(identity).toContainText(citizenId());
  await expect(page.getByRole('article', { name: 'Vehicles' })).toContainText(
    `Not granted for “${PURPOSE}”.`,
  );
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/desk-lookup.png', fullPage: true });
  await readmeScreenshot(page, 'desk-officer');

  // The print view: the officer, the time and the purpose at the top, no navigation or buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Pages' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'National id' })).toBeHidden();
  await expect(page.getByText(/Officer: Sok Dara \(mef\)/)).toBeVisible();
  await expect(page.getByText(`Purpose: ${PURPOSE}`)).toBeVisible();
  await page.screenshot({ path: '/tmp/desk-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  // At a phone's width nothing runs off the side.
  await page.setViewportSize({ width: 390, height: 844 });
  const width = await page
    .locator('html')
    .evaluate((html) => (html as unknown as { scrollWidth: number }).scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: '/tmp/desk-phone.png', fullPage: true });

  await signOut(page);
  const citizen = await freshPage(browser);
  await signIn(citizen, 'citizen');
  await expect(citizen).toHaveURL(/\/console\/my-record/);
  const entry = citizen.getByRole('article').filter({ hasText: reference }).first();
  await expect(entry).toContainText('Sok Dara');
  await expect(entry).toContainText(PURPOSE);
  await expect(entry).toContainText('Law on Commercial Enterprises');
  await citizen.screenshot({ path: '/tmp/citizen-en.png', fullPage: true });
});

/** The desk's words for a narrowed lookup, in one language. */
const DESK_WORDS = {
  en: {
    id: 'National id',
    purpose: /Purpose/,
    reference: 'Case reference',
    lookUp: 'Look up the record',
  },
  km: {
    id: 'លេខអត្តសញ្ញាណប័ណ្ណសញ្ជាតិ',
    purpose: /គោលបំណង/,
    reference: 'លេខយោងករណី',
    lookUp: 'ស្វែងរកកំណត់ត្រា',
  },
} as const;

/** Looks the demo citizen up for social assistance (no verification is granted for it: at once). */
async function lookUpForSocialAssistance(page: Page, words: (typeof DESK_WORDS)['en' | 'km']) {
  await page.getByRole('textbox', { name: words.id }).fill(citizenId());
  await expect(async () => {
    await page.getByRole('button', { name: words.purpose }).click();
    await page.getByRole('option', { name: NARROWED_PURPOSE }).click({ timeout: 2_000 });
  }).toPass();
  await page.getByRole('textbox', { name: words.reference }).fill(`SA-${Date.now()}`);
  await page.getByRole('button', { name: words.lookUp }).click();
}

test('a grant narrowed to fields: the desk asks for those fields only and says the others are not granted', async ({
  page,
}) => {
  await grantDeskNarrowedPerson();
  await signIn(page, 'desk.officer');
  await lookUpForSocialAssistance(page, DESK_WORDS.en);
  const identity = page.getByRole('article', { name: 'Identity' });
  await expect(identity).toContainText('From the Ministry of Interior · received by the exchange');
  await expect(identity.getByRole('term')).toHaveText(['Name', 'Alive']);
  await expect(identity).toContainText(
    `The other fields of this section are not granted for “${NARROWED_PURPOSE}”.`,
  );
  await expect(identity).not.toContainText('Not granted for');
  await expect(identity).not.toContainText(citizenId());
  await expect(page.getByRole('article', { name: 'Address' })).toContainText(
    `Not granted for “${NARROWED_PURPOSE}”.`,
  );
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/desk-narrowed.png', fullPage: true });

  // In Khmer (a new language clears the desk): the ministry, the date and the note in Khmer too.
  await page.getByRole('button', { name: 'ខ្មែរ' }).click();
  await lookUpForSocialAssistance(page, DESK_WORDS.km);
  const khmerIdentity = page.getByRole('article', { name: 'អត្តសញ្ញាណ' });
  await expect(khmerIdentity).toContainText('ពីក្រសួងមហាផ្ទៃ');
  await expect(khmerIdentity).toContainText(KHMER_MONTH);
  await expect(khmerIdentity).toContainText('វាលផ្សេងទៀតនៃផ្នែកនេះ មិនមានសិទ្ធិសម្រាប់');
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/desk-narrowed-km.png', fullPage: true });
});

/** Presses Tab until `target` has the focus (a person tabbing through the page). */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if (
      await target.evaluate((element) =>
        (element as unknown as { matches(css: string): boolean }).matches(':focus'),
      )
    )
      return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('the desk’s verification and lookup with the keyboard alone', async ({ page }) => {
  await grantDeskVerification();
  const reference = `KB-${Date.now()}`;
  await signIn(page, 'desk.officer');
  await expect(page.getByRole('heading', { name: 'Citizen desk' })).toBeVisible();

  await tabTo(page, page.getByRole('textbox', { name: 'National id' }));
  await page.keyboard.type(citizenId());
  await expect(page.getByText('Check digit correct.')).toBeVisible();
  await page.keyboard.press('Tab');
  const purpose = page.getByRole('button', { name: /Purpose/ });
  await expect(purpose).toBeFocused();
  await page.keyboard.type('Reg');
  await expect(purpose).toContainText(PURPOSE);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Case reference' })).toBeFocused();
  await page.keyboard.type(reference);
  await tabTo(page, page.getByRole('checkbox', { name: 'The citizen is alive' }));
  await page.keyboard.type(' ');
  await expect(page.getByRole('checkbox', { name: 'The citizen is alive' })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Verify claims' }));
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('table', { name: 'Claims and answers' }).getByRole('row', { name: /Alive/ }),
  ).toContainText('Yes');

  const lookUp = page.getByRole('button', { name: 'Look up the record' });
  await tabTo(page, lookUp);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: 'Identity' })).toContainText(citizenId());
  await expect(page.getByText(`Case reference: ${reference}`)).toBeVisible();
});

test('the idle timeout signs the officer out and clears what the desk showed', async ({ page }) => {
  await grantDeskVerification();
  await page.clock.install();
  await signIn(page, 'desk.officer');
  await page.getByRole('textbox', { name: 'National id' }).fill(citizenId());
  await choosePurpose(page);
  await page.getByRole('textbox', { name: 'Case reference' }).fill(`IDLE-${Date.now()}`);
  await page.getByText('The citizen is alive', { exact: true }).click();
  await page.getByRole('button', { name: 'Verify claims' }).click();
  await page.getByRole('button', { name: 'Look up the record' }).click();
  await expect(page.getByRole('article', { name: 'Identity' })).toContainText(citizenId());

  await page.clock.fastForward(61 * 60_000);
  await expect(page.getByRole('heading', { name: 'Sign in to Spean' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(
    /You were signed out after \d+ minutes without activity. The screen was cleared./,
  );
  await expect(page.getByText(citizenId())).toHaveCount(0);
  await expect(page.getByRole('article')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'National id' })).toHaveCount(0);
  // The gateway's session is over too: the desk's address shows the sign-in page.
  await page.goto(consoleUrl('desk'));
  await expect(page.getByRole('heading', { name: 'Sign in to Spean' })).toBeVisible();
});

/** An access to the demo citizen's record by the demo desk's own system (client credentials). */
async function deskSystemVerifies(reference: string): Promise<void> {
  const desk = credentials().find((entry) => entry.role === 'agency' && entry.clientSecret);
  if (!desk?.clientId || !desk.clientSecret) throw new Error('no demo agency client');
  const response = await fetch(`${gatewayUrl()}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: desk.clientId,
      client_secret: desk.clientSecret,
    }),
  });
  const { access_token: token } = (await response.json()) as { access_token: string };
  await graphqlAs(
    token,
    `{ verifyCitizen(nationalId: "${citizenId()}", purpose: "identity-verification", reference: "${reference}", claims: { alive: true }) { known alive } }`,
  );
}

test('a citizen questions an access, a steward answers in the console, the citizen reads the answer', async ({
  browser,
}) => {
  const reference = `Q-${Date.now()}`;
  const words = `Why did you check me on ${reference}?`;
  const answerText = `The desk confirmed your identity for case ${reference}.`;
  await deskSystemVerifies(reference);

  const citizen = await freshPage(browser, { width: 390, height: 844 });
  await signIn(citizen, 'citizen');
  await citizen.goto(consoleUrl('my-record?lang=en'));
  const entry = citizen.getByRole('article').filter({ hasText: reference });
  await expect(entry).toContainText('No officer named');
  await entry.getByRole('button', { name: 'Question this access' }).click();
  const dialog = citizen.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Your question' }).fill(words);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog.getByText('Done. The audit log recorded:')).toBeVisible();
  await expect(dialog).toContainText('access-question-asked');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(entry).toContainText(words);
  await expect(entry).toContainText('Waiting for an answer');

  const steward = await freshPage(browser);
  await signIn(steward, 'steward');
  await steward.getByRole('link', { name: 'Citizens’ questions' }).click();
  const question = steward.getByRole('article').filter({ hasText: words });
  await expect(question).toContainText(citizenId());
  // The access it is about: the agency, its system and the case reference.
  await expect(question).toContainText('Business registration desk');
  await expect(question).toContainText(reference);
  await question.getByRole('button', { name: 'Answer' }).click();
  const answerDialog = steward.getByRole('dialog');
  await answerDialog.getByRole('textbox', { name: 'Your answer' }).fill(answerText);
  await answerDialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(answerDialog).toContainText('access-question-answered');
  await answerDialog.getByRole('button', { name: 'Close' }).click();
  await expect(steward.getByRole('article').filter({ hasText: words })).toHaveCount(0);
  await steward.getByRole('tab', { name: 'Answered' }).click();
  const done = steward.getByRole('article').filter({ hasText: words });
  await expect(done).toContainText(answerText);
  await expect(done).toContainText(reference);
  await expectAccessible(steward);
  await steward.screenshot({ path: '/tmp/questions-answered.png', fullPage: true });

  await citizen.reload();
  const answered = citizen.getByRole('article').filter({ hasText: reference });
  await expect(answered).toContainText(answerText);
  await expect(answered.getByRole('button', { name: 'Question this access' })).toHaveCount(0);
  await expectAccessible(citizen);
});

test('every page of the desk, the citizen and the questions passes axe in English and Khmer', async ({
  browser,
}) => {
  await deskSystemVerifies(`AXE-${Date.now()}`);
  const desk = await freshPage(browser);
  await signIn(desk, 'desk.officer');
  await desk.goto(consoleUrl('desk?lang=km'));
  await expect(desk.getByRole('heading', { name: 'តុបម្រើពលរដ្ឋ' })).toBeVisible();
  await expect(desk.locator('html')).toHaveAttribute('lang', 'km');
  await expectAccessible(desk);
  await desk.goto(consoleUrl('desk?lang=en'));
  await expect(desk.getByRole('heading', { name: 'Citizen desk' })).toBeVisible();
  await expectAccessible(desk);

  const citizen = await freshPage(browser, { width: 390, height: 844 });
  await signIn(citizen, 'citizen');
  // Khmer first for a citizen who did not choose.
  await expect(citizen.locator('html')).toHaveAttribute('lang', 'km');
  await expect(citizen.getByRole('heading', { name: 'អ្នកណាបានមើលកំណត់ត្រារបស់ខ្ញុំ' })).toBeVisible();
  await expect(citizen.getByRole('article').first()).toBeVisible();
  // Dates in Khmer, even where the browser carries no Khmer locale data (this one does not).
  await expect(citizen.getByRole('article').first()).toContainText(KHMER_MONTH);
  await expect(citizen.getByRole('article').first()).not.toContainText(ENGLISH_MONTH);
  await expectAccessible(citizen);
  const width = await citizen
    .locator('html')
    .evaluate((html) => (html as unknown as { scrollWidth: number }).scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await readmeScreenshot(citizen, 'citizen');
  await citizen.screenshot({ path: '/tmp/citizen-km.png', fullPage: true });
  await citizen.goto(consoleUrl('my-record?lang=en'));
  await expect(citizen.getByRole('heading', { name: 'Who looked at my record' })).toBeVisible();
  await expect(citizen.getByRole('article').first()).toBeVisible();
  await expectAccessible(citizen);
  // The printed statement names the citizen's id and the date; the screen does not repeat it.
  const statement = citizen.getByText(/Statement of accesses to the record of national id/);
  await expect(statement).toBeHidden();
  await citizen.emulateMedia({ media: 'print' });
  await expect(statement).toContainText(citizenId());
  await expect(citizen.getByRole('button', { name: 'Print statement' })).toBeHidden();
  await citizen.emulateMedia({ media: 'screen' });

  for (const role of ['steward', 'auditor'] as const) {
    const page = await freshPage(browser);
    await signIn(page, role);
    await page.goto(consoleUrl('questions?lang=km'));
    await expect(page.getByRole('heading', { name: 'សំណួររបស់ពលរដ្ឋ' })).toBeVisible();
    await expectAccessible(page);
    await page.goto(consoleUrl('questions?lang=en'));
    await expect(page.getByRole('heading', { name: 'Citizens’ questions' })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: `/tmp/questions-${role}.png`, fullPage: true });
  }
});
