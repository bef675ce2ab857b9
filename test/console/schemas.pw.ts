// The schema pages in a real browser: an integrator's incompatible proposal is
// refused with each path and rule and creates nothing; a dead letter made for
// real (a record of a version the registry has only as a proposal, put on the
// bus signed by the transport adapter's key) leaves the list once a steward
// approves the version and replays it; the record tester names index, path
// and rule for a bad CSV; every page passes axe in English and Khmer.
import fs from 'node:fs';
import path from 'node:path';
import { randomInt, randomUUID, createPrivateKey } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { EmbeddedEventBus, topicFor } from '#spean/bus';
import { recordSigner, signedHeaders } from '#spean/contracts';
import {
  consoleUrl,
  credentials,
  demoClientToken,
  expectAccessible,
  gatewayUrl,
  readmeScreenshot,
  signIn,
  withSystemDatabase,
} from './fixtures.ts';

const TYPE = 'vehicle-registration';

/** A token of the demo steward client, for setting things up and checking through the API. */
const stewardToken = () => demoClientToken((entry) => entry.role === 'steward');

async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${gatewayUrl()}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await stewardToken()}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(answer.errors).toBeUndefined();
  return answer.data!;
}

async function versionsOf(
  recordType: string,
): Promise<Array<{ version: number; state: string; schemaJson: string }>> {
  const data = await graphql<{
    schemas: Array<{ versions: Array<{ version: number; state: string; schemaJson: string }> }>;
  }>(
    `
      query ($t: String) {
        schemas(recordType: $t) {
          versions {
            version
            state
            schemaJson
          }
        }
      }
    `,
    {
      t: recordType,
    },
  );
  return data.schemas[0]!.versions;
}

/** A national id of a demo citizen: valid, with its check digit. */
function citizenId(): string {
  const citizen = credentials().find((entry) => entry.role === 'citizen' && entry.nationalId);
  if (!citizen?.nationalId) throw new Error('no demo citizen');
  return citizen.nationalId;
}

async function pickRecordType(page: Page, recordType: string): Promise<void> {
  await page.getByLabel('Record type').first().selectOption(recordType);
}

test('an integrator’s incompatible proposal shows each path and rule, and creates nothing', async ({
  page,
}) => {
  const before = await versionsOf(TYPE);
  await signIn(page, 'integrator');
  await page.goto(consoleUrl('propose'));
  await expect(page.getByRole('heading', { name: 'Propose a schema' })).toBeVisible();
  await pickRecordType(page, TYPE);
  const editor = page.getByLabel(`The next JSON Schema of ${TYPE}`);
  await expect(editor).not.toHaveValue('');
  const schema = JSON.parse(await editor.inputValue()) as {
    required: string[];
    properties: Record<string, unknown>;
  };
  // Colour becomes mandatory and the year text: old records break both.
  schema.required = [...schema.required, 'colour'];
  schema.properties.year = { type: 'string' };
  await editor.fill(JSON.stringify(schema, null, 2));

  // Checked as typed: each incompatible path with its rule.
  const live = page.getByRole('table', { name: 'Each incompatible path and the rule it breaks' });
  await expect(live.getByRole('row', { name: /\/colour/ })).toBeVisible();
  await expect(live.getByRole('row', { name: /\/year/ })).toBeVisible();
  await expect(page.getByText(/Not compatible under/)).toBeVisible();
  await expectAccessible(page);

  // Proposed anyway: the registry refuses it, naming each path and rule.
  await page.getByRole('button', { name: 'Propose this version' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason').fill('colour is now mandatory');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  const refusal = dialog.getByRole('alert');
  await expect(refusal).toContainText('/colour');
  await expect(refusal).toContainText('/year');
  await expect(refusal.locator('.issues li').first()).toContainText(/[a-z]+-[a-z-]+/);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Nothing was created: the API and the schemas page show the same versions.
  const after = await versionsOf(TYPE);
  expect(after.map((v) => [v.version, v.state])).toEqual(before.map((v) => [v.version, v.state]));
  await page.getByRole('link', { name: 'Schemas' }).click();
  await pickRecordType(page, TYPE);
  const versions = page.getByRole('table', { name: `Versions of ${TYPE}, oldest first` });
  await expect(versions.locator('tbody tr')).toHaveCount(before.length);
});

test('a dead letter replayed after its cause is fixed leaves the list', async ({ page }) => {
  // The cause: a publisher already writes a version the registry has only as a proposal.
  const current = await versionsOf(TYPE);
  const newest = current[current.length - 1]!;
  const base = JSON.parse(newest.schemaJson) as { properties: Record<string, unknown> };
  const field = `fuelType${randomInt(1000, 9999)}`;
  const proposed = await graphql<{ proposeSchemaVersion: { version: number } }>(
    `
      mutation ($t: String!, $s: String!) {
        proposeSchemaVersion(
          recordType: $t
          schema: $s
          reason: "fuel type for the emissions tax"
        ) {
          version
        }
      }
    `,
    {
      t: TYPE,
      s: JSON.stringify({
        ...base,
        properties: { ...base.properties, [field]: { enum: ['petrol', 'electric'] } },
      }),
    },
  );
  const version = proposed.proposeSchemaVersion.version;
  const plate = `2${String.fromCharCode(65 + randomInt(0, 26))}-${randomInt(1000, 9999)}`;
  const owner = citizenId();
  await publishOnTheBus({
    recordType: TYPE,
    schemaVersion: version,
    recordId: plate,
    subjectId: owner,
    version: 1,
    op: 'upsert',
    source: 'transport',
    eventId: randomUUID(),
    occurredAt: '2026-11-21T10:00:00+07:00',
    payload: {
      ...(JSON.parse(
        fs.readFileSync(
          path.resolve(
            import.meta.dirname,
            '../../schemas/vehicle-registration/ok/car-in-phnom-penh.json',
          ),
          'utf8',
        ),
      ) as object),
      plateNumber: plate,
      owner: { nationalId: owner, name: 'SOK Dara' },
      [field]: 'electric',
    },
  });

  await signIn(page, 'steward');
  await page.goto(consoleUrl('dead-letters'));
  await expect(page.getByRole('heading', { name: 'Dead letters' })).toBeVisible();
  const list = page.getByRole('table', { name: /Dead letters, newest failure first/ });
  const letter = list.getByRole('row', { name: new RegExp(plate) });
  await expect(async () => {
    await page.reload();
    await expect(letter.first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(letter.first()).toContainText(`@${version}`);
  await expect(letter.first()).toContainText(/schema/i);
  await expectAccessible(page);

  // The fix: the steward approves the version, through the schemas page.
  await page.getByRole('link', { name: 'Schemas' }).click();
  await pickRecordType(page, TYPE);
  await page.getByRole('button', { name: `Approve ${version}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason').fill('agreed with transport');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog.getByText('Done. The audit log recorded:')).toBeVisible();
  await expect(dialog.locator('.audit-entry')).toContainText('schema-change');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(
    page.getByRole('table', { name: `Versions of ${TYPE}, oldest first` }).getByRole('row', {
      name: new RegExp(`^${version} active`),
    }),
  ).toBeVisible();

  // The replay: first how many, then the change with its reason and audit entry.
  await page.getByRole('link', { name: 'Dead letters' }).click();
  await page.getByLabel('Record type').selectOption(TYPE);
  await page.getByLabel('Adapter').selectOption('transport');
  const count = page.locator('.replay-count');
  await expect(count).toHaveText(/would ask for \d+ open letters? to be applied again/);
  const counted = Number(/for (\d+) open/.exec((await count.textContent()) ?? '')![1]);
  expect(counted).toBeGreaterThanOrEqual(1);
  // The page's numbers are the server's counts: of the selection, and of every open letter.
  const server = await graphql<{ selected: { total: number }; all: { total: number } }>(
    `
      query ($t: String!) {
        selected: deadLetterCounts(recordType: $t, source: "transport") {
          total
        }
        all: deadLetterCounts {
          total
        }
      }
    `,
    { t: TYPE },
  );
  expect(counted).toBe(server.selected.total);
  await expect(page.getByRole('heading', { name: /^Counts \(\d+ in all\)$/ })).toHaveText(
    `Counts (${server.all.total} in all)`,
  );
  await page.getByRole('button', { name: new RegExp(`^Replay ${counted} letters?$`) }).click();
  const replay = page.getByRole('dialog');
  await replay.getByLabel('Reason').fill(`version ${version} approved`);
  await replay.getByRole('button', { name: 'Confirm' }).click();
  await expect(replay.locator('.audit-entry')).toContainText('dead-letter-replay');
  await replay.getByRole('button', { name: 'Close' }).click();
  await expect(list.getByRole('row', { name: new RegExp(plate) })).toHaveCount(0, {
    timeout: 20_000,
  });
  // And it is resolved, not lost.
  await page.getByLabel('Status').selectOption('resolved');
  await expect(list.getByRole('row', { name: new RegExp(plate) }).first()).toBeVisible();
});

test('the record tester shows index, path and rule for a bad CSV, publishing nothing', async ({
  page,
}) => {
  const owner = citizenId();
  const wrongCheck = owner.slice(0, 9) + String((Number(owner[9]) + 1) % 10);
  const header =
    'recordId,subjectId,version,op,occurredAt,plateNumber,vin,make,model,year,category,colour,owner.nationalId,owner.name,registrationDate,status,ownerDeceased';
  const good = `2AB-1234,${owner},1,upsert,2026-11-21T10:00:00+07:00,Phnom Penh 2AB-1234,JTDKB20U093512345,Toyota,Prius,2009,car,Silver,${owner},SOK Dara,2021-06-15,active,false`;
  const bad = `2AB-5678,${wrongCheck},1,upsert,2026-11-21T10:00:00+07:00,Phnom Penh 2AB-5678,JTDKB20U093512346,Toyota,Prius,two thousand,car,Silver,${wrongCheck},"SOK, Dara",2021-06-15,active,false`;
  await signIn(page, 'integrator');
  await page.goto(consoleUrl('record-tester'));
  await expect(page.getByRole('heading', { name: 'Record tester' })).toBeVisible();
  await pickRecordType(page, TYPE);
  await page.getByLabel('Or pick a CSV file').setInputFiles({
    name: 'vehicles.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([header, good, bad].join('\r\n')),
  });
  await expect(page.getByText('vehicles.csv: 2 records read into the box below.')).toBeVisible();
  await page.getByRole('button', { name: 'Check the records' }).click();
  await expect(page.getByText(/: 1 valid, 1 invalid\./)).toBeVisible();
  const issues = page.getByRole('table', { name: /Each problem: the record’s index/ });
  const year = issues.getByRole('row', { name: /\/payload\/year/ });
  await expect(year.getByRole('rowheader')).toHaveText('1');
  await expect(year).toContainText('type');
  const id = issues.getByRole('row', { name: /\/subjectId.*check-digit/ });
  await expect(id.getByRole('rowheader')).toHaveText('1');
  await expect(issues.getByRole('rowheader', { name: '0', exact: true })).toHaveCount(0);
  await expect(page.getByText('Nothing was published or stored.')).toBeVisible();
  await expectAccessible(page);
});

test('an auditor reads versions and history, without a steward’s actions', async ({ page }) => {
  await signIn(page, 'auditor');
  await page.goto(consoleUrl('schemas'));
  await pickRecordType(page, TYPE);
  const versions = page.getByRole('table', { name: `Versions of ${TYPE}, oldest first` });
  await expect(versions.getByRole('row', { name: /^1 / })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Actions' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Approve|Retire|Set the mode/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Check a schema' })).toHaveCount(0);
  await expect(
    page.getByRole('table', { name: /Every change to the schemas of/ }).getByRole('row', {
      name: /bootstrap/,
    }),
  ).toBeVisible();
  // Pages of other roles are refused as such.
  await page.goto(consoleUrl('dead-letters'));
  await expect(page.getByRole('alert')).toContainText('This page is not for your role (auditor).');
  await expectAccessible(page);
});

for (const lang of ['en', 'km'] as const) {
  test(`every schema page passes axe in ${lang}`, async ({ page }) => {
    // The integrator has all five; the steward has all but the record tester.
    await signIn(page, 'integrator', lang);
    for (const address of ['schemas', 'propose', 'dead-letters', 'lineage', 'record-tester']) {
      await page.goto(consoleUrl(`${address}?lang=${lang}`));
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('h1')).toBeVisible();
      // Wait for the page's data: the record-type picker or a table.
      await expect(page.locator('select, table').first()).toBeVisible();
      await expectAccessible(page);
    }
  });
}

test('the schemas page, for the README', async ({ page }) => {
  await signIn(page, 'steward');
  await page.goto(consoleUrl('schemas'));
  await pickRecordType(page, TYPE);
  await expect(
    page.getByRole('table', { name: `Versions of ${TYPE}, oldest first` }),
  ).toBeVisible();
  await readmeScreenshot(page, 'schemas');
  if (process.env.SCHEMAS_LOOK) {
    for (const address of ['schemas', 'propose', 'dead-letters', 'lineage', 'record-tester']) {
      await page.goto(consoleUrl(address));
      await expect(page.locator('select, table').first()).toBeVisible();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: `/tmp/schemas-${address}.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `/tmp/schemas-${address}-390.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(consoleUrl(`${address}?lang=km`));
      await expect(page.locator('select, table').first()).toBeVisible();
      await page.screenshot({ path: `/tmp/schemas-${address}-km.png`, fullPage: true });
    }
  }
});

/** Puts a record straight onto the embedded bus, signed as the transport adapter signs. */
async function publishOnTheBus(record: Record<string, unknown>): Promise<void> {
  await withSystemDatabase('console-schemas-test', async (database) => {
    const bus = new EmbeddedEventBus({ database });
    const key = createPrivateKey(
      fs.readFileSync(
        path.join(process.env.SPEAN_DATA_DIR!, 'keys', 'transport.ed25519.pem'),
        'utf8',
      ),
    );
    const value = Buffer.from(JSON.stringify(record));
    await bus.publish([
      {
        topic: topicFor(String(record.recordType)),
        key: String(record.subjectId),
        value,
        headers: signedHeaders(recordSigner(key), value, {
          'record-type': String(record.recordType),
          'schema-version': String(record.schemaVersion),
          source: String(record.source),
          'event-id': String(record.eventId),
        }),
      },
    ]);
  });
}
