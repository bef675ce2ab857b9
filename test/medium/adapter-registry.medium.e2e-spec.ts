// The adapter registry where its logic lives: the real AdapterRegistryService
// and AdapterKeyService on a freshly migrated PostgreSQL with the real audit
// log, and what an adapter may then do as its ApprovalGuard sees it — no HTTP,
// no adapter process. Each rule is checked on the rows it leaves.
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AccessDeniedException } from '#spean/access';
import {
  AdapterApprovals,
  AdapterKeys,
  AdapterKeyService,
  AdapterRegistryExceptionCode as Code,
  AdapterRegistryRepository,
  AdapterRegistryService,
  keyRefusal,
  type AdapterActor,
} from '#spean/adapter-registry';
import { AuditLog } from '#spean/audit';
import { keyIdOf, publicKeyPem } from '#spean/contracts';
import { SchemaRegistryService } from '#spean/schema-registry';
import type { AdapterDefinition } from '../../libs/adapter-sdk/src/adapter-definition.js';
import { ApprovalGuard } from '../../libs/adapter-sdk/src/approval/approval-guard.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const steward: AdapterActor = { clientId: 'steward-1', agencyId: 'interop', role: 'steward' };
const integrator: AdapterActor = { clientId: 'fleet-dev', agencyId: 'mpwt', role: 'integrator' };
const agency: AdapterActor = { clientId: 'bank-1', agencyId: 'aba', role: 'agency' };

let test: TestDatabase;
let audit: AuditLog;
let registry: AdapterRegistryService;
let keys: AdapterKeyService;
let approvals: AdapterApprovals;

beforeAll(async () => {
  test = await createTestDatabase('adapter_registry_medium');
  audit = new AuditLog(test.database);
  await new SchemaRegistryService(test.database, { environment: 'test' }).bootstrap();
  const agencies = new AdapterRegistryRepository(test.database);
  await agencies.ensureAgency('mpwt', 'Transport ministry');
  await agencies.ensureAgency('mlmupc', 'Land ministry');
  registry = new AdapterRegistryService(test.database, audit);
  keys = new AdapterKeyService(test.database, audit);
  // A cache that never answers from memory: each question reads the rows.
  approvals = new AdapterApprovals(test.database, { maxAgeMs: 0 });
  await approvals.start();
});

afterAll(async () => {
  await approvals?.stop();
  await audit?.close();
  await test?.drop();
});

/** The adapter-registration audit entries of one adapter, oldest first. */
async function audited(adapter: string): Promise<Array<Record<string, unknown>>> {
  return test.database.query(
    `SELECT actor_client AS "actorClient", actor_agency AS "actorAgency", subject_id AS "subjectId", details
       FROM audit_entry WHERE kind = 'adapter-registration' AND details->>'adapter' = $1 ORDER BY seq`,
    [adapter],
  );
}

async function failure(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught as Error & { code?: string; field?: string },
  );
  if (!error) throw new Error('expected a refusal');
  return {
    type: error.constructor.name,
    code: error.code,
    field: error.field,
    message: error.message,
  };
}

/** The guard of an adapter whose definition declares what these tests publish: the registry decides the rest. */
function guardOf(name: string): ApprovalGuard {
  const definition: AdapterDefinition = {
    name,
    title: name,
    defaultPort: 0,
    publishes: ['vehicle-registration', 'person'],
  };
  return new ApprovalGuard(definition, approvals, audit);
}

describe('registration', () => {
  it('registers an adapter as pending, with its record types unapproved, audited once', async () => {
    const saved = await registry.register(integrator, {
      name: 'fleet',
      title: 'Fleet register',
      publishes: [{ recordType: 'vehicle-registration', schemaVersion: 1 }],
      consumes: [{ recordType: 'civil-event' }],
    });
    expect(saved).toMatchObject({
      name: 'fleet',
      agencyId: 'mpwt',
      state: 'pending',
      registeredBy: 'fleet-dev',
      publishes: [{ recordType: 'vehicle-registration', schemaVersion: 1, approved: false }],
      consumes: [{ recordType: 'civil-event', schemaVersion: null, approved: false }],
    });
    // The same registration again changes nothing and is not logged again.
    await registry.register(integrator, {
      name: 'fleet',
      title: 'Fleet register',
      publishes: [{ recordType: 'vehicle-registration', schemaVersion: 1 }],
      consumes: [{ recordType: 'civil-event' }],
    });
    await expect(audited('fleet')).resolves.toEqual([
      {
        actorClient: 'fleet-dev',
        actorAgency: 'mpwt',
        subjectId: null,
        details: {
          action: 'registered',
          adapter: 'fleet',
          agency: 'mpwt',
          title: 'Fleet register',
          state: 'pending',
          publishes: ['vehicle-registration 1'],
          consumes: ['civil-event (any version)'],
          pending: ['publish vehicle-registration 1', 'consume civil-event (any version)'],
        },
      },
    ]);
  });

  it.each([
    ['a bad name', { name: 'Fleet_2' }, 'name', /name must be 2 to 63 lower-case/],
    ['no title', { title: '  ' }, 'title', /title is required, at most 200 characters/],
    [
      'a reason too long',
      { reason: 'x'.repeat(501) },
      'reason',
      /reason is at most 500 characters/,
    ],
    [
      'an unknown record type',
      { publishes: [{ recordType: 'spaceship' }] },
      'publishes[0].recordType',
      /"spaceship" is not a record type the schema registry knows \(known: .*vehicle-registration/,
    ],
    [
      'a version the registry does not hold',
      { publishes: [{ recordType: 'vehicle-registration', schemaVersion: 7 }] },
      'publishes[0].schemaVersion',
      /has no version 7 an adapter may use \(usable: 1\)/,
    ],
    [
      'a version that is not a whole number',
      { consumes: [{ recordType: 'person', schemaVersion: 1.5 }] },
      'consumes[0].schemaVersion',
      /must be a whole number from 1/,
    ],
    [
      'no record type at all',
      { publishes: [], consumes: [] },
      'publishes',
      /at least one record type/,
    ],
  ])(
    'names the field and the rule of %s, and saves nothing',
    async (_case, change, field, message) => {
      const input = {
        name: 'harbour',
        agencyId: 'mpwt',
        title: 'Harbour register',
        publishes: [{ recordType: 'vehicle-registration' }],
        consumes: [],
        ...change,
      };
      const refused = await failure(registry.register(steward, input));
      expect(refused).toMatchObject({ code: Code.INVALID_INPUT, field });
      expect(refused.message).toMatch(message);
      await expect(registry.list()).resolves.not.toContainEqual(
        expect.objectContaining({ name: input.name }),
      );
    },
  );

  it('names the agency it does not know', async () => {
    const refused = await failure(
      registry.register(steward, {
        name: 'harbour',
        agencyId: 'nowhere',
        title: 'Harbour register',
        publishes: [{ recordType: 'vehicle-registration' }],
        consumes: [],
      }),
    );
    expect(refused).toMatchObject({
      code: Code.NOT_FOUND,
      field: 'agencyId',
      message: 'agency: no agency nowhere is registered',
    });
    await expect(failure(registry.get('harbour'))).resolves.toMatchObject({ code: Code.NOT_FOUND });
  });

  it('refuses agencies, an integrator of another ministry, and a name another ministry holds', async () => {
    const fleet = {
      name: 'fleet',
      title: 'Fleet',
      publishes: [{ recordType: 'person' }],
      consumes: [],
    };
    await expect(failure(registry.register(agency, fleet))).resolves.toMatchObject({
      type: AccessDeniedException.name,
      message:
        'registering an adapter is for integrator or steward clients; this client is a agency',
    });
    await expect(
      failure(registry.register(integrator, { ...fleet, agencyId: 'mlmupc' })),
    ).resolves.toMatchObject({
      type: AccessDeniedException.name,
    });
    await expect(
      failure(registry.register(steward, { ...fleet, agencyId: 'mlmupc' })),
    ).resolves.toMatchObject({
      code: Code.CONFLICT,
      field: 'name',
      message: 'name: adapter fleet is registered to agency mpwt',
    });
    await expect(registry.get('fleet')).resolves.toMatchObject({
      agencyId: 'mpwt',
      state: 'pending',
    });
  });
});

describe('decisions, as the ApprovalGuard sees them', () => {
  it('refuses everything while pending, then allows exactly what was approved', async () => {
    const guard = guardOf('fleet');
    await expect(
      guard.publishRefusals([{ recordType: 'vehicle-registration', schemaVersion: 1 }]),
    ).resolves.toEqual([
      {
        recordType: 'vehicle-registration',
        schemaVersion: 1,
        reason: 'adapter fleet is pending approval',
        index: 0,
      },
    ]);
    await expect(
      failure(registry.approve(integrator, 'fleet', 'looks fine')),
    ).resolves.toMatchObject({
      type: AccessDeniedException.name,
    });
    await expect(failure(registry.approve(steward, 'fleet', ''))).resolves.toMatchObject({
      code: Code.INVALID_INPUT,
      field: 'reason',
    });

    const approved = await registry.approve(steward, 'fleet', 'checked with MPWT');
    expect(approved).toMatchObject({
      state: 'approved',
      decidedBy: 'steward-1',
      decisionReason: 'checked with MPWT',
    });
    expect([...approved.publishes, ...approved.consumes].every((entry) => entry.approved)).toBe(
      true,
    );

    await expect(
      guard.publishRefusals([{ recordType: 'vehicle-registration', schemaVersion: 1 }]),
    ).resolves.toEqual([]);
    await expect(guard.mayConsume('civil-event')).resolves.toEqual({ allowed: true });
    await expect(
      guard.publishRefusals([{}, { recordType: 'person', schemaVersion: 1 }]),
    ).resolves.toEqual([
      {
        recordType: 'person',
        schemaVersion: 1,
        reason:
          'adapter fleet is not approved to publish person 1 (approved: vehicle-registration 1)',
        index: 1,
      },
    ]);
    await expect(guard.mayConsume('person')).resolves.toEqual({
      allowed: false,
      reason:
        'adapter fleet is not approved to consume person (approved: civil-event (any version))',
    });
    await expect(failure(registry.approve(steward, 'fleet', 'again'))).resolves.toMatchObject({
      code: Code.WRONG_STATE,
      message: 'adapter fleet is approved; approved: only a pending or suspended adapter can be',
    });
  });

  it('keeps what was approved in force while a change waits, and a rejected change leaves it as it was', async () => {
    const guard = guardOf('fleet');
    const changed = await registry.register(integrator, {
      name: 'fleet',
      title: 'Fleet register',
      publishes: [
        { recordType: 'vehicle-registration', schemaVersion: 1 },
        { recordType: 'person' },
      ],
      consumes: [{ recordType: 'civil-event' }],
    });
    expect(changed.state).toBe('pending');
    await expect(
      guard.publishRefusals([{ recordType: 'vehicle-registration', schemaVersion: 1 }]),
    ).resolves.toEqual([]);
    const [waiting] = await guard.publishRefusals([{ recordType: 'person', schemaVersion: 1 }]);
    expect(waiting!.reason).toMatch(
      /not approved to publish person 1 yet: it waits for a steward’s decision/,
    );

    const rejected = await registry.reject(steward, 'fleet', 'person is not theirs');
    expect(rejected.state).toBe('approved');
    expect(rejected.publishes.map((entry) => entry.recordType)).toEqual(['vehicle-registration']);
    const entries = await audited('fleet');
    expect(entries.at(-1)!.details).toMatchObject({
      action: 'change-rejected',
      state: 'approved',
      reason: 'person is not theirs',
      publishes: ['vehicle-registration 1'],
      pending: [],
    });
  });

  it('suspends at once, is refused re-registration while suspended, and only an approval lifts it', async () => {
    const guard = guardOf('fleet');
    await registry.suspend(steward, 'fleet', 'leaked credentials');
    await expect(
      guard.publishRefusals([{ recordType: 'vehicle-registration', schemaVersion: 1 }]),
    ).resolves.toEqual([
      expect.objectContaining({ reason: 'adapter fleet is suspended: leaked credentials' }),
    ]);
    await expect(guard.mayConsume('civil-event')).resolves.toEqual({
      allowed: false,
      reason: 'adapter fleet is suspended: leaked credentials',
    });
    await expect(
      failure(
        registry.register(integrator, {
          name: 'fleet',
          title: 'Fleet register',
          publishes: [{ recordType: 'vehicle-registration', schemaVersion: 1 }],
          consumes: [],
        }),
      ),
    ).resolves.toMatchObject({ code: Code.WRONG_STATE, field: 'name' });
    await expect(failure(registry.reject(steward, 'fleet', 'no'))).resolves.toMatchObject({
      code: Code.WRONG_STATE,
    });
    await registry.approve(steward, 'fleet', 'credentials rotated');
    await expect(guard.mayConsume('civil-event')).resolves.toEqual({ allowed: true });
    await expect(
      audited('fleet').then((rows) =>
        rows.map((row) => (row.details as { action: string }).action),
      ),
    ).resolves.toEqual([
      'registered',
      'approved',
      're-registered',
      'change-rejected',
      'suspended',
      'approved',
    ]);
  });

  it('audits what the guard refuses, naming the adapter and the reason', async () => {
    const guard = guardOf('ghost');
    const refusals = await guard.publishRefusals([{ recordType: 'person' }]);
    expect(refusals).toEqual([
      {
        recordType: 'person',
        schemaVersion: null,
        reason: 'adapter ghost is not registered',
        index: 0,
      },
    ]);
    await guard.record({ clientId: 'ghost-client', agencyId: 'mpwt' }, 'publish', refusals);
    await expect(
      test.database.query(
        `SELECT actor_client AS "actorClient", details FROM audit_entry WHERE kind = 'adapter-refusal'`,
      ),
    ).resolves.toEqual([
      {
        actorClient: 'ghost-client',
        details: {
          adapter: 'ghost',
          recordType: 'person',
          schemaVersion: null,
          action: 'publish',
          reason: 'adapter ghost is not registered',
        },
      },
    ]);
    await expect(failure(registry.suspend(steward, 'ghost', 'never was'))).resolves.toMatchObject({
      code: Code.NOT_FOUND,
      message: 'name: no adapter ghost is registered',
    });
  });
});

describe('signing keys', () => {
  const pemOf = (): { pem: string; keyId: string } => {
    const { publicKey } = generateKeyPairSync('ed25519');
    return { pem: publicKeyPem(publicKey), keyId: keyIdOf(publicKey) };
  };

  it('verifies with a key only once approved; a rotation ends the old key after its overlap; a revocation at once', async () => {
    const known = new AdapterKeys(test.database, approvals, { maxAgeMs: 60_000, missReloadMs: 0 });
    await known.start();
    try {
      const first = pemOf();
      const proposed = await keys.propose(integrator, 'fleet', first.pem);
      expect(proposed).toMatchObject({
        keyId: first.keyId,
        adapter: 'fleet',
        state: 'proposed',
        proposedBy: 'fleet-dev',
      });
      // Proposing again is harmless: the same row, no second entry.
      await expect(keys.propose(integrator, 'fleet', first.pem)).resolves.toMatchObject({
        keyId: first.keyId,
      });
      expect(keyRefusal((await known.find(first.keyId))!.key)).toMatch(/is not approved yet/);

      await keys.approve(steward, first.keyId, 'first key');
      await known.reload();
      expect(keyRefusal((await known.find(first.keyId))!.key)).toBeUndefined();

      const second = pemOf();
      await keys.propose(steward, 'fleet', second.pem);
      const before = Date.now();
      await keys.approve(steward, second.keyId, 'yearly rotation', 2);
      await known.reload();
      const old = (await known.find(first.keyId))!.key;
      expect(keyRefusal(old)).toBeUndefined();
      expect(old.notAfter!.getTime()).toBeGreaterThanOrEqual(before + 2 * 3_600_000 - 1_000);
      expect(keyRefusal(old, new Date(before + 3 * 3_600_000))).toMatch(
        /was replaced and stopped verifying/,
      );

      await keys.revoke(steward, second.keyId, 'key file leaked');
      await known.reload();
      expect(keyRefusal((await known.find(second.keyId))!.key)).toBe(
        `key ${second.keyId} of adapter fleet was revoked: key file leaked`,
      );

      const entries = (await audited('fleet')).map((row) => row.details as Record<string, unknown>);
      expect(entries.filter((details) => String(details.action).startsWith('key-'))).toEqual([
        { action: 'key-proposed', adapter: 'fleet', keyId: first.keyId },
        {
          action: 'key-approved',
          adapter: 'fleet',
          keyId: first.keyId,
          reason: 'first key',
          replaced: [],
        },
        { action: 'key-proposed', adapter: 'fleet', keyId: second.keyId },
        {
          action: 'key-approved',
          adapter: 'fleet',
          keyId: second.keyId,
          reason: 'yearly rotation',
          replaced: [first.keyId],
          replacedUntil: old.notAfter!.toISOString(),
        },
        {
          action: 'key-revoked',
          adapter: 'fleet',
          keyId: second.keyId,
          reason: 'key file leaked',
          was: 'approved',
        },
      ]);
    } finally {
      await known.stop();
    }
  });

  it('refuses a key that is not Ed25519 PEM, another adapter’s key, a bad overlap and a second decision', async () => {
    await expect(failure(keys.propose(integrator, 'fleet', 'not a key'))).resolves.toMatchObject({
      code: Code.INVALID_INPUT,
      field: 'publicKey',
    });
    const { publicKey: rsa } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    await expect(
      failure(
        keys.propose(integrator, 'fleet', rsa.export({ type: 'spki', format: 'pem' }) as string),
      ),
    ).resolves.toMatchObject({ code: Code.INVALID_INPUT, field: 'publicKey' });
    const key = pemOf();
    await keys.propose(steward, 'fleet', key.pem);
    await expect(failure(keys.propose(steward, 'cadastre', key.pem))).resolves.toMatchObject({
      code: Code.CONFLICT,
      field: 'publicKey',
    });
    await expect(failure(keys.approve(steward, key.keyId, 'ok', -1))).resolves.toMatchObject({
      code: Code.INVALID_INPUT,
      field: 'overlapHours',
    });
    await expect(failure(keys.approve(agency, key.keyId, 'ok'))).resolves.toMatchObject({
      type: AccessDeniedException.name,
    });
    await keys.revoke(steward, key.keyId, 'never used');
    await expect(failure(keys.approve(steward, key.keyId, 'after all'))).resolves.toMatchObject({
      code: Code.WRONG_STATE,
      field: 'keyId',
    });
    await expect(failure(keys.revoke(steward, key.keyId, 'twice'))).resolves.toMatchObject({
      code: Code.WRONG_STATE,
    });
    await expect(failure(keys.revoke(steward, 'no-such-key', 'gone'))).resolves.toMatchObject({
      code: Code.NOT_FOUND,
      field: 'keyId',
    });
    await expect(keys.list('fleet')).resolves.toContainEqual(
      expect.objectContaining({ keyId: key.keyId, state: 'revoked', decisionReason: 'never used' }),
    );
  });
});
