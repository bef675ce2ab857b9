// The registry end to end: an integrator proposes a compatible vehicle-registration
// version 2, a steward approves it, transport publishes version 2 records while
// the gateway goes on reading version 1 ones; a breaking change is refused with
// every reason; a deprecated version is accepted with a warning.
import fs from 'node:fs';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { VerhoeffNationalIdScheme } from '#spean/contracts';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

const ids = new VerhoeffNationalIdScheme();
const root = path.resolve(import.meta.dirname, '..', '..');
const v1 = JSON.parse(
  fs.readFileSync(path.join(root, 'schemas/vehicle-registration/1.json'), 'utf8'),
) as {
  properties: Record<string, unknown>;
  required: string[];
};
const car = JSON.parse(
  fs.readFileSync(
    path.join(root, 'schemas/vehicle-registration/ok/car-in-phnom-penh.json'),
    'utf8',
  ),
) as Record<string, unknown>;

/** v1 plus an optional fuel type: compatible under BACKWARD_TRANSITIVE. */
const compatibleV2 = {
  ...v1,
  properties: {
    ...v1.properties,
    fuelType: {
      description: 'What the engine runs on',
      enum: ['petrol', 'diesel', 'electric', 'hybrid'],
    },
  },
};

/** v1 with colour required and a narrower year: breaks old records twice. */
const breakingV2 = {
  ...v1,
  required: [...v1.required, 'colour'],
  properties: { ...v1.properties, year: { type: 'integer', minimum: 2000, maximum: 2100 } },
};

const MUTATION = {
  propose: `mutation($t: String!, $s: String!, $r: String!) { proposeSchemaVersion(recordType: $t, schema: $s, reason: $r) { version state proposedBy } }`,
  approve: `mutation($t: String!, $v: Int!, $r: String!) { approveSchemaVersion(recordType: $t, version: $v, reason: $r) { version state decidedBy } }`,
  deprecate: `mutation($t: String!, $v: Int!, $r: String!) { deprecateSchemaVersion(recordType: $t, version: $v, reason: $r) { version state } }`,
};

describe('schema registry', () => {
  let stack: SpeanStack;
  let steward: string;
  let integrator: string;
  let agency: string;

  beforeAll(async () => {
    stack = await startStack('embedded', 'registry');
    [steward, integrator, agency] = await Promise.all([
      stack.token(stack.steward),
      stack.token(stack.integrator),
      stack.token(stack.agency),
    ]);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const vehicle = (owner: string, plate: string, schemaVersion: number, extra: object = {}) => ({
    recordType: 'vehicle-registration',
    schemaVersion,
    recordId: plate,
    subjectId: owner,
    version: 1,
    op: 'upsert',
    occurredAt: '2026-11-21T10:00:00+07:00',
    payload: {
      ...car,
      plateNumber: plate,
      owner: { nationalId: owner },
      ownerDeceased: false,
      ...extra,
    },
  });

  it('refuses a breaking change with every reason, and saves nothing', async () => {
    const refused = await stack.graphql(integrator, MUTATION.propose, {
      t: 'vehicle-registration',
      s: JSON.stringify(breakingV2),
      r: 'colour is now mandatory',
    });
    const error = refused.errors![0]!;
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
    expect(error.extensions!.reason).toBe('INCOMPATIBLE');
    const reasons = error.extensions!.incompatibilities as Array<{ path: string; rule: string }>;
    expect(reasons.map((r) => r.path)).toEqual(expect.arrayContaining(['/colour', '/year']));
    const listed = await stack.graphql<{
      schemas: Array<{ versions: Array<{ version: number }> }>;
    }>(steward, `{ schemas(recordType: "vehicle-registration") { versions { version } } }`);
    expect(listed.data!.schemas[0]!.versions.map((v) => v.version)).toEqual([1]);
  });

  it('takes a compatible version from proposal to approval, and both versions flow', async () => {
    const owner = ids.fromSerial(randomInt(0, ids.capacity));
    const oldPlate = `2D${String.fromCharCode(65 + randomInt(0, 26))}-${randomInt(1000, 9999)}`;
    const newPlate = `2E${String.fromCharCode(65 + randomInt(0, 26))}-${randomInt(1000, 9999)}`;

    // Before approval, version 2 is refused at intake.
    const early = await stack.publishAs('transport', [
      vehicle(owner, newPlate, 2, { fuelType: 'hybrid' }),
    ]);
    expect(early.status).toBe(422);

    const proposed = await stack.graphql<{
      proposeSchemaVersion: { version: number; state: string };
    }>(integrator, MUTATION.propose, {
      t: 'vehicle-registration',
      s: JSON.stringify(compatibleV2),
      r: 'record the fuel type for the emissions tax',
    });
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data!.proposeSchemaVersion).toMatchObject({ version: 2, state: 'proposed' });

    // An integrator may not approve; a steward may.
    const notAllowed = await stack.graphql(integrator, MUTATION.approve, {
      t: 'vehicle-registration',
      v: 2,
      r: 'ok',
    });
    expect(notAllowed.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const approved = await stack.graphql<{ approveSchemaVersion: { state: string } }>(
      steward,
      MUTATION.approve,
      {
        t: 'vehicle-registration',
        v: 2,
        r: 'reviewed with the transport ministry',
      },
    );
    expect(approved.data!.approveSchemaVersion.state).toBe('active');

    // Every process reloads its validators on the announcement; retry until transport has.
    let published = { status: 0, body: {} as Record<string, unknown> };
    const deadline = Date.now() + 5000;
    while (published.status !== 202 && Date.now() < deadline) {
      published = await stack.publishAs('transport', [
        vehicle(owner, oldPlate, 1),
        vehicle(owner, newPlate, 2, { fuelType: 'hybrid' }),
      ]);
      if (published.status !== 202) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(published.status).toBe(202);

    const query = `query($id: ID!) { citizen(nationalId: $id, purpose: "tax-administration") { vehicles { plateNumber } } }`;
    let plates: string[] = [];
    const seen = Date.now() + 10_000;
    while (plates.length < 2 && Date.now() < seen) {
      const response = await stack.graphql<{
        citizen: { vehicles: Array<{ plateNumber: string }> } | null;
      }>(agency, query, { id: owner });
      plates = response.data?.citizen?.vehicles.map((v) => v.plateNumber) ?? [];
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(plates.sort()).toEqual([oldPlate, newPlate].sort());

    const history = await stack.graphql<{
      schemaChanges: Array<{ action: string; actor: string; reason: string }>;
    }>(steward, `{ schemaChanges(recordType: "vehicle-registration") { action actor reason } }`);
    expect(history.data!.schemaChanges.map((c) => c.action)).toEqual([
      'bootstrap',
      'propose',
      'approve',
    ]);
    expect(history.data!.schemaChanges[1]!.actor).toContain(stack.integrator.clientId);
    // The same changes are in the tamper-evident audit log, with who made them.
    const audited = await stack.db.database.query<{
      actor_client: string;
      actor_agency: string;
      details: { action: string; version: number; reason: string };
    }>(
      `SELECT actor_client, actor_agency, details FROM audit_entry
       WHERE kind = 'schema-change' AND details->>'recordType' = 'vehicle-registration' ORDER BY seq`,
    );
    expect(audited.map((row) => [row.details.action, row.actor_client, row.actor_agency])).toEqual([
      ['bootstrap', 'schemas/ (bootstrap)', 'system'],
      ['propose', stack.integrator.clientId, 'mpwt'],
      ['approve', stack.steward.clientId, 'interop-office'],
    ]);

    const lineage = await stack.graphql<{
      lineage: Array<{ party: string; role: string; schemaVersion: number }>;
    }>(steward, `{ lineage(recordType: "vehicle-registration") { party role schemaVersion } }`);
    expect(lineage.data!.lineage).toEqual(
      expect.arrayContaining([
        { party: 'transport', role: 'publishes', schemaVersion: 1 },
        { party: 'transport', role: 'publishes', schemaVersion: 2 },
        { party: 'gateway', role: 'consumes', schemaVersion: 2 },
      ]),
    );
  });

  it('accepts a deprecated version with a warning', async () => {
    const deprecated = await stack.graphql<{ deprecateSchemaVersion: { state: string } }>(
      steward,
      MUTATION.deprecate,
      {
        t: 'vehicle-registration',
        v: 1,
        r: 'version 2 records the fuel type',
      },
    );
    expect(deprecated.data!.deprecateSchemaVersion.state).toBe('deprecated');
    const owner = ids.fromSerial(randomInt(0, ids.capacity));
    let response = { status: 0, body: {} as Record<string, unknown> };
    const deadline = Date.now() + 5000;
    while (!response.body.warnings && Date.now() < deadline) {
      response = await stack.publishAs('transport', [
        vehicle(
          owner,
          `2F${String.fromCharCode(65 + randomInt(0, 26))}-${randomInt(1000, 9999)}`,
          1,
        ),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(response.status).toBe(202);
    expect(response.body.warnings).toEqual([
      expect.stringMatching(/vehicle-registration schema version 1 is deprecated/),
    ]);
  });
});
