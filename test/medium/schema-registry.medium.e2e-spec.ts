// The schema registry's rules where they live: the real SchemaRegistryService
// on a freshly migrated PostgreSQL, with the real audit log, and no HTTP. Each
// rule is checked on the rows it leaves: versions, the change log, the audit
// entries and lineage.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditLog } from '#spean/audit';
import {
  LineageRecorder,
  SchemaRegistryExceptionCode as Code,
  SchemaRegistryService,
} from '#spean/schema-registry';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const STEWARD = 'mef/steward-1';
const INTEGRATOR = 'mpwt/integrator-1';

/** A small record type of the test's own, so the real schemas/ stay untouched. */
const permitV1 = {
  type: 'object',
  additionalProperties: false,
  required: ['permitNumber', 'zone'],
  properties: {
    permitNumber: { type: 'string', maxLength: 20 },
    zone: { enum: ['A', 'B'] },
  },
};
const withOptional = (name: string): object => ({
  ...permitV1,
  properties: { ...permitV1.properties, [name]: { type: 'string', maxLength: 40 } },
});
const withRequired = (name: string): object => ({
  ...permitV1,
  required: [...permitV1.required, name],
  properties: { ...permitV1.properties, [name]: { type: 'string', maxLength: 40 } },
});

let test: TestDatabase;
let audit: AuditLog;
let registry: SchemaRegistryService;

beforeAll(async () => {
  test = await createTestDatabase('schema_registry_medium');
  audit = new AuditLog(test.database);
  registry = new SchemaRegistryService(test.database, { environment: 'test', audit });
});

afterAll(async () => {
  await audit?.close();
  await test?.drop();
});

async function schemaAudits(recordType: string): Promise<Array<Record<string, unknown>>> {
  return test.database.query(
    `SELECT actor_client AS "actorClient", actor_agency AS "actorAgency", subject_id AS "subjectId",
            details->>'action' AS action, (details->>'version')::int AS version, details->>'reason' AS reason
       FROM audit_entry WHERE kind = 'schema-change' AND details->>'recordType' = $1 ORDER BY seq`,
    [recordType],
  );
}

/** The rejection's code and message, so a test can say which rule refused. */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught as { code: string; message: string },
  );
  if (!error) throw new Error('expected a refusal');
  return { code: error.code, message: error.message };
}

describe('bootstrap', () => {
  it('registers every schemas/ file once as active, audited as the system, and nothing on a second boot', async () => {
    const first = await registry.bootstrap();
    expect(first.registered).toEqual(
      expect.arrayContaining(['vehicle-registration/1', 'person/1']),
    );
    expect(first.registered).not.toContain('envelope/1');
    const vehicle = await registry.get('vehicle-registration', 1);
    expect(vehicle).toMatchObject({ state: 'active', proposedBy: 'schemas/ (bootstrap)' });
    await expect(schemaAudits('vehicle-registration')).resolves.toEqual([
      {
        actorClient: 'schemas/ (bootstrap)',
        actorAgency: 'system',
        subjectId: null,
        action: 'bootstrap',
        version: 1,
        reason: 'registered from vehicle-registration/1.json',
      },
    ]);

    await expect(registry.bootstrap()).resolves.toEqual({ registered: [] });
    await expect(schemaAudits('vehicle-registration')).resolves.toHaveLength(1);
  });
});

describe('a version from proposal to retirement', () => {
  it('proposes, approves, deprecates and retires, each change logged with who and why', async () => {
    const proposed = await registry.propose(INTEGRATOR, 'parking-permit', permitV1, 'first draft');
    expect(proposed).toMatchObject({
      recordType: 'parking-permit',
      version: 1,
      state: 'proposed',
      proposedBy: INTEGRATOR,
      proposalReason: 'first draft',
      decidedBy: null,
    });
    // The stored text carries the id and draft the registry gives it.
    expect(proposed.schema).toMatchObject({
      $id: 'https://spean.gov.kh/schemas/parking-permit/1.json',
      $schema: 'https://json-schema.org/draft/2020-12/schema',
    });

    const approved = await registry.approve(STEWARD, 'parking-permit', 1, 'reviewed with MPWT');
    expect(approved).toMatchObject({
      state: 'active',
      decidedBy: STEWARD,
      decisionReason: 'reviewed with MPWT',
    });
    await expect(
      registry.deprecate(STEWARD, 'parking-permit', 1, 'v2 coming'),
    ).resolves.toMatchObject({ state: 'deprecated' });
    await expect(
      registry.retire(STEWARD, 'parking-permit', 1, 'nobody reads it'),
    ).resolves.toMatchObject({ state: 'retired' });

    await expect(registry.repository.changes('parking-permit')).resolves.toEqual([
      expect.objectContaining({
        version: 1,
        action: 'propose',
        actor: INTEGRATOR,
        reason: 'first draft',
      }),
      expect.objectContaining({
        version: 1,
        action: 'approve',
        actor: STEWARD,
        reason: 'reviewed with MPWT',
      }),
      expect.objectContaining({
        version: 1,
        action: 'deprecate',
        actor: STEWARD,
        reason: 'v2 coming',
      }),
      expect.objectContaining({
        version: 1,
        action: 'retire',
        actor: STEWARD,
        reason: 'nobody reads it',
      }),
    ]);
    // The audit log says the same, the actor split into agency and client.
    await expect(schemaAudits('parking-permit')).resolves.toEqual([
      {
        actorClient: 'integrator-1',
        actorAgency: 'mpwt',
        subjectId: null,
        action: 'propose',
        version: 1,
        reason: 'first draft',
      },
      {
        actorClient: 'steward-1',
        actorAgency: 'mef',
        subjectId: null,
        action: 'approve',
        version: 1,
        reason: 'reviewed with MPWT',
      },
      {
        actorClient: 'steward-1',
        actorAgency: 'mef',
        subjectId: null,
        action: 'deprecate',
        version: 1,
        reason: 'v2 coming',
      },
      {
        actorClient: 'steward-1',
        actorAgency: 'mef',
        subjectId: null,
        action: 'retire',
        version: 1,
        reason: 'nobody reads it',
      },
    ]);
  });

  it('moves a version only from the state each step starts from, and changes nothing otherwise', async () => {
    await registry.propose(INTEGRATOR, 'ferry-ticket', permitV1, 'first draft');
    const changesBefore = (await registry.repository.changes('ferry-ticket')).length;
    for (const attempt of [
      registry.deprecate(STEWARD, 'ferry-ticket', 1, 'too early'),
      registry.retire(STEWARD, 'ferry-ticket', 1, 'too early'),
    ]) {
      const refused = await refusal(attempt);
      expect(refused.code).toBe(Code.WRONG_STATE);
      expect(refused.message).toMatch(/ferry-ticket version 1 is proposed/);
    }
    await registry.approve(STEWARD, 'ferry-ticket', 1, 'looks right');
    const again = await refusal(registry.approve(STEWARD, 'ferry-ticket', 1, 'once more'));
    expect(again).toEqual({
      code: Code.WRONG_STATE,
      message: 'ferry-ticket version 1 is active; only a proposed version can be approved',
    });
    await expect(
      refusal(registry.reject(STEWARD, 'ferry-ticket', 1, 'changed mind')),
    ).resolves.toMatchObject({
      code: Code.WRONG_STATE,
    });
    await expect(
      refusal(registry.retire(STEWARD, 'ferry-ticket', 1, 'skip deprecation')),
    ).resolves.toMatchObject({
      code: Code.WRONG_STATE,
    });
    await expect(registry.get('ferry-ticket', 1)).resolves.toMatchObject({ state: 'active' });
    await expect(registry.repository.changes('ferry-ticket')).resolves.toHaveLength(
      changesBefore + 1,
    );
    await expect(refusal(registry.get('ferry-ticket', 9))).resolves.toEqual({
      code: Code.NOT_FOUND,
      message: 'ferry-ticket has no version 9',
    });
  });

  it('leaves a rejected version out of the catalog every process loads', async () => {
    await registry.propose(INTEGRATOR, 'dock-pass', permitV1, 'first draft');
    await registry.reject(STEWARD, 'dock-pass', 1, 'not needed');
    await expect(registry.get('dock-pass', 1)).resolves.toMatchObject({
      state: 'rejected',
      decidedBy: STEWARD,
    });
    const catalog = await registry.loadCatalog();
    expect(catalog.hasRecordType('dock-pass')).toBe(false);
    expect(catalog.hasRecordType('parking-permit')).toBe(true);
  });
});

describe('compatibility', () => {
  beforeAll(async () => {
    await registry.propose(INTEGRATOR, 'market-stall', permitV1, 'first draft');
    await registry.approve(STEWARD, 'market-stall', 1, 'reviewed');
  });

  it('refuses a breaking proposal under the default mode with every reason, and saves nothing', async () => {
    await expect(registry.compatibilityMode('market-stall')).resolves.toBe('BACKWARD_TRANSITIVE');
    const error = await registry
      .propose(INTEGRATOR, 'market-stall', withRequired('owner'), 'owner is now mandatory')
      .then(
        () => undefined,
        (caught: unknown) => caught as { code: string; incompatibilities: Array<{ path: string }> },
      );
    expect(error?.code).toBe(Code.INCOMPATIBLE);
    expect(error?.incompatibilities.map((issue) => issue.path)).toContain('/owner');
    await expect(registry.list('market-stall')).resolves.toHaveLength(1);
    await expect(registry.repository.changes('market-stall')).resolves.toHaveLength(2);
  });

  it('judges one difference by the mode: an optional field is backward but not forward compatible', async () => {
    const optional = withOptional('stallColour');
    await expect(registry.check('market-stall', optional, 'BACKWARD')).resolves.toMatchObject({
      compatible: true,
      version: 2,
    });
    await expect(registry.check('market-stall', optional, 'FORWARD')).resolves.toMatchObject({
      compatible: false,
      mode: 'FORWARD',
    });
    await expect(registry.check('market-stall', optional, 'FULL')).resolves.toMatchObject({
      compatible: false,
    });
    await expect(
      registry.check('market-stall', withRequired('owner'), 'NONE'),
    ).resolves.toMatchObject({ compatible: true });
    // A dry run saves nothing.
    await expect(registry.list('market-stall')).resolves.toHaveLength(1);
  });

  it('checks again at approval against the mode in force then', async () => {
    await registry.setCompatibility(STEWARD, 'market-stall', 'NONE', 'redesign under way');
    await expect(registry.compatibilityMode('market-stall')).resolves.toBe('NONE');
    await registry.propose(
      INTEGRATOR,
      'market-stall',
      withRequired('owner'),
      'owner is now mandatory',
    );
    await registry.setCompatibility(
      STEWARD,
      'market-stall',
      'BACKWARD_TRANSITIVE',
      'redesign over',
    );

    const refused = await refusal(registry.approve(STEWARD, 'market-stall', 2, 'ship it'));
    expect(refused.code).toBe(Code.INCOMPATIBLE);
    expect(refused.message).toMatch(/no longer BACKWARD_TRANSITIVE compatible/);
    await expect(registry.get('market-stall', 2)).resolves.toMatchObject({ state: 'proposed' });
    await expect(schemaAudits('market-stall')).resolves.toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'set-compatibility', reason: 'redesign under way' }),
        expect.objectContaining({ action: 'set-compatibility', reason: 'redesign over' }),
      ]),
    );
  });

  it('refuses a mode that does not exist, and a record type that was never registered', async () => {
    const bad = await refusal(
      registry.setCompatibility(STEWARD, 'market-stall', 'SIDEWAYS', 'why not'),
    );
    expect(bad.code).toBe(Code.INVALID_INPUT);
    expect(bad.message).toMatch(/^compatibility must be one of BACKWARD, /);
    await expect(
      refusal(registry.setCompatibility(STEWARD, 'no-such-type', 'NONE', 'why not')),
    ).resolves.toEqual({
      code: Code.NOT_FOUND,
      message: 'no-such-type is not a registered record type',
    });
  });
});

describe('bad proposals are refused with the rule they break', () => {
  it.each([
    [
      'a record type not in kebab-case',
      'Parking_Permit',
      permitV1,
      'fine reason',
      Code.INVALID_INPUT,
      /kebab-case/,
    ],
    ['the envelope', 'envelope', permitV1, 'fine reason', Code.INVALID_INPUT, /kebab-case/],
    [
      'a reason that says nothing',
      'kiosk-licence',
      permitV1,
      ' ',
      Code.INVALID_INPUT,
      /reason must say why/,
    ],
    [
      'a schema that is an array',
      'kiosk-licence',
      [permitV1],
      'fine reason',
      Code.INVALID_SCHEMA,
      /must be a JSON object/,
    ],
    [
      'another draft',
      'kiosk-licence',
      { ...permitV1, $schema: 'http://json-schema.org/draft-07/schema#' },
      'fine reason',
      Code.INVALID_SCHEMA,
      /\$schema must be/,
    ],
    [
      'a schema that does not compile',
      'kiosk-licence',
      { ...permitV1, properties: { permitNumber: { type: 'strang' } } },
      'fine reason',
      Code.INVALID_SCHEMA,
      /does not compile/,
    ],
  ])('%s', async (_case, recordType, schema, reason, code, message) => {
    const refused = await refusal(registry.propose(INTEGRATOR, recordType, schema, reason));
    expect(refused.code).toBe(code);
    expect(refused.message).toMatch(message);
    await expect(registry.list(recordType)).resolves.toEqual([]);
  });
});

describe('lineage', () => {
  it('stores each party, role, type and version once, however often it is seen', async () => {
    const lineage = new LineageRecorder(registry.repository);
    for (let i = 0; i < 3; i++) {
      lineage.observe('transport', 'publishes', 'vehicle-registration', 1);
      lineage.observe('gateway', 'consumes', 'vehicle-registration', 1);
    }
    lineage.observe('gateway', 'consumes', 'person', 1);
    await lineage.flush();
    const stored = await registry.repository.lineage('vehicle-registration');
    expect(
      stored.map(({ party, role, schemaVersion }) => `${party} ${role} ${schemaVersion}`).sort(),
    ).toEqual(['gateway consumes 1', 'transport publishes 1']);
    await expect(registry.repository.lineage()).resolves.toHaveLength(3);
  });
});
