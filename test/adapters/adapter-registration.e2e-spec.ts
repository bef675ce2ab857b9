// Adapter registration end to end, on the whole stack: an integrator of the
// transport ministry registers a new adapter, "fleet"; while it is pending its
// records are refused (403, with the reason, audited) and its reactions are
// not subscribed; a steward approves it and, without a restart, it publishes
// what it was approved for and reacts to what it may consume — and nothing
// else. The directory shows each adapter's state, record types, consumer lag
// and open dead letters. Role checks, a change waiting for a decision, a
// rejection of that change, a suspension, and the CLI.
import fs from 'node:fs';
import path from 'node:path';
import { generateKeyPairSync, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { ClientCredentialsService, ClientRepository, RemoteKeySet } from '#spean/access';
import { createAdapterApp, readAdapterConfig, type AdapterDefinition } from '#spean/adapter-sdk';
import { createEventBus, type EventBus } from '#spean/bus';
import { EnvReader } from '#spean/config';
import { VerhoeffNationalIdScheme } from '#spean/contracts';
import { Metrics } from '#spean/observability';
import { openSchemaRegistry, type OpenedSchemaRegistry } from '#spean/schema-registry';
import { ADAPTERS_HELP, adaptersCommand } from '../../tools/adapters-command.js';
import { ADAPTERS } from '../../tools/adapters.js';
import { startStack, type Credentials, type SpeanStack } from '../support/spean-stack.js';
import { eventually } from '../support/eventually.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const ids = new VerhoeffNationalIdScheme();

function fixture(recordType: string, name: string): Record<string, unknown> {
  return JSON.parse(
    fs.readFileSync(path.join(root, 'schemas', recordType, 'ok', `${name}.json`), 'utf8'),
  ) as Record<string, unknown>;
}

function record(recordType: string, recordId: string, subjectId: string, payload: object) {
  return {
    recordType,
    schemaVersion: 1,
    recordId,
    subjectId,
    version: 1,
    op: 'upsert',
    occurredAt: '2026-11-21T10:00:00+07:00',
    payload,
  };
}

function vehicle(plate: string) {
  const owner = ids.fromSerial(randomInt(0, ids.capacity));
  const payload = fixture('vehicle-registration', 'car-in-phnom-penh');
  return record('vehicle-registration', plate, owner, {
    ...payload,
    plateNumber: plate,
    owner: { ...(payload.owner as object), nationalId: owner },
  });
}

function landTitle(titleNumber: string) {
  const payload = fixture('land-title', 'sole-owner-phnom-penh');
  const owner = (payload.owners as Array<{ nationalId: string }>)[0]!.nationalId;
  return record('land-title', titleNumber, owner, { ...payload, titleNumber });
}

/** What fleet reacted to: every civil event it was handed, and every person record. */
const reactedTo: string[] = [];

/**
 * The new adapter. Its code can publish land titles and react to persons, but
 * it will be registered to publish only vehicle registrations and consume
 * only civil events: the registry, not the code, decides.
 */
const FLEET: AdapterDefinition = {
  name: 'fleet',
  title: 'Fleet register',
  defaultPort: 3199,
  publishes: ['vehicle-registration', 'land-title'],
  reactions: [
    {
      recordType: 'civil-event',
      // Answers every event with a land title, which fleet may not publish: a dead letter.
      react: async (event) => {
        reactedTo.push(event.recordType);
        return [landTitle(`FLEET-${event.recordId}`)];
      },
    },
    {
      recordType: 'person',
      react: async (person) => {
        reactedTo.push(person.recordType);
        return [];
      },
    },
  ],
};

const GRAPHQL = {
  adapters: `{ adapters { name agencyId title state registeredBy decidedBy decisionReason
      consumerLag deadLetters
      publishes { recordType schemaVersion approved } consumes { recordType schemaVersion approved } } }`,
  register: `mutation($input: RegisterAdapterInput!) { registerAdapter(input: $input) {
      name agencyId state publishes { recordType schemaVersion approved } consumes { recordType schemaVersion approved } } }`,
  approve: `mutation($n: String!, $r: String!) { approveAdapter(name: $n, reason: $r) { name state decidedBy decisionReason } }`,
  reject: `mutation($n: String!, $r: String!) { rejectAdapter(name: $n, reason: $r) { name state publishes { recordType schemaVersion approved } } }`,
  suspend: `mutation($n: String!, $r: String!) { suspendAdapter(name: $n, reason: $r) { name state } }`,
};

const FLEET_INPUT = {
  name: 'fleet',
  title: 'Fleet register',
  publishes: [{ recordType: 'vehicle-registration', schemaVersion: 1 }],
  consumes: [{ recordType: 'civil-event' }],
};

interface AdapterView {
  name: string;
  agencyId: string;
  state: string;
  registeredBy: string;
  decidedBy: string | null;
  decisionReason: string | null;
  consumerLag: number | null;
  deadLetters: number;
  publishes: Array<{ recordType: string; schemaVersion: number | null; approved: boolean }>;
  consumes: Array<{ recordType: string; schemaVersion: number | null; approved: boolean }>;
}

interface AuditRow {
  actor_client: string;
  actor_agency: string;
  details: Record<string, unknown>;
}

let stack: SpeanStack;
let fleetClient: Credentials;
let fleetApp: INestApplication;
let fleetUrl: string;
let fleetBus: EventBus;
let fleetSchemas: OpenedSchemaRegistry;
let steward: string;
let integrator: string;
let agency: string;
let auditor: string;
let fleetToken: string;
const deathId = `CR-081102-2026-${randomInt(100_000, 999_999)}`;

beforeAll(async () => {
  stack = await startStack('embedded', 'adapter_registration');
  const credentials = new ClientCredentialsService(
    new ClientRepository(stack.db.database),
    () => {
      throw new Error('not used');
    },
    0,
  );
  fleetClient = await credentials.register({
    agencyId: 'mpwt',
    agencyName: 'Ministry of Public Works and Transport',
    name: 'fleet adapter',
    role: 'adapter',
    adapter: 'fleet',
  });
  const auditorClient = await credentials.register({
    agencyId: 'naa',
    agencyName: 'National Audit Authority',
    name: 'Audit office',
    role: 'auditor',
  });
  [steward, integrator, agency, auditor, fleetToken] = await Promise.all([
    stack.token(stack.steward),
    stack.token(stack.integrator),
    stack.token(stack.agency),
    stack.token(auditorClient),
    stack.token(fleetClient),
  ]);
  // A death on the bus before fleet exists: fleet reacts to it once approved.
  const death = fixture('civil-event', 'death-in-kandal');
  const published = await stack.publishAs('interior', [
    record('civil-event', deathId, (death.subject as { nationalId: string }).nationalId, death),
  ]);
  expect(published.status).toBe(202);
});

afterAll(async () => {
  await fleetApp?.close();
  await fleetBus?.close();
  await fleetSchemas?.close();
  await stack?.close();
});

async function startFleet(): Promise<void> {
  fleetSchemas = await openSchemaRegistry(stack.db.database, { environment: 'test' });
  fleetBus = await createEventBus({
    kafkaBrokers: [],
    partitions: 4,
    clientId: 'fleet',
    database: stack.db.database,
    logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
  });
  fleetApp = await createAdapterApp(
    {
      definition: FLEET,
      config: readAdapterConfig(FLEET, new EnvReader({ LOG_LEVEL: 'error' })),
      database: stack.db.database,
      bus: fleetBus,
      metrics: new Metrics('fleet'),
      validator: fleetSchemas.validator,
      lineage: fleetSchemas.lineage,
      audit: stack.audit,
      signingKey: generateKeyPairSync('ed25519').privateKey,
    },
    new RemoteKeySet(`${stack.gatewayUrl}/.well-known/jwks.json`).resolve,
  );
  await fleetApp.listen(0, '127.0.0.1');
  const address = fleetApp.getHttpServer().address() as { port: number };
  fleetUrl = `http://127.0.0.1:${address.port}`;
}

async function publishFleet(
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${fleetUrl}/v1/records`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${fleetToken}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function refusals(action: 'publish' | 'subscribe'): Promise<AuditRow[]> {
  return stack.db.database.query<AuditRow>(
    `SELECT actor_client, actor_agency, details FROM audit_entry
     WHERE kind = 'adapter-refusal' AND details->>'adapter' = 'fleet' AND details->>'action' = $1
     ORDER BY seq`,
    [action],
  );
}

async function directory(): Promise<Map<string, AdapterView>> {
  const response = await stack.graphql<{ adapters: AdapterView[] }>(steward, GRAPHQL.adapters);
  expect(response.errors).toBeUndefined();
  return new Map(response.data!.adapters.map((adapter) => [adapter.name, adapter]));
}

/** The topics fleet's consumer group holds partitions of (a live member renews them). */
async function subscribedTopics(): Promise<string[]> {
  const rows = await stack.db.database.query<{ topic: string }>(
    `SELECT DISTINCT topic FROM bus_group_offset
     WHERE group_id = 'fleet' AND owner IS NOT NULL AND lease_until > now() ORDER BY topic`,
  );
  return rows.map((row) => row.topic);
}

describe('adapter registration', () => {
  it('lists the built-in adapters as approved, under their ministries', async () => {
    const adapters = await directory();
    expect(adapters.get('transport')).toMatchObject({
      agencyId: 'mpwt',
      state: 'approved',
      registeredBy: 'system',
      publishes: [{ recordType: 'vehicle-registration', schemaVersion: null, approved: true }],
      consumes: [{ recordType: 'civil-event', schemaVersion: null, approved: true }],
    });
    expect([...adapters.values()].map((a) => [a.name, a.agencyId, a.state])).toEqual(
      expect.arrayContaining([
        ['interior', 'moi', 'approved'],
        ['land', 'mlmupc', 'approved'],
        ['commerce', 'moc', 'approved'],
        ['tax', 'gdt', 'approved'],
      ]),
    );
  });

  it('lets only stewards, integrators and auditors read the directory', async () => {
    const denied = await stack.graphql(agency, GRAPHQL.adapters);
    expect(denied.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const audited = await stack.graphql<{ adapters: AdapterView[] }>(auditor, GRAPHQL.adapters);
    expect(audited.errors).toBeUndefined();
    expect(audited.data!.adapters.length).toBeGreaterThanOrEqual(5);
    const asIntegrator = await stack.graphql(integrator, GRAPHQL.adapters);
    expect(asIntegrator.errors).toBeUndefined();
  });

  it('refuses registration to agencies, and an integrator another ministry’s adapter', async () => {
    const byAgency = await stack.graphql(agency, GRAPHQL.register, { input: FLEET_INPUT });
    expect(byAgency.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const elsewhere = await stack.graphql(integrator, GRAPHQL.register, {
      input: { ...FLEET_INPUT, agencyId: 'moi' },
    });
    expect(elsewhere.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(elsewhere.errors![0]!.message).toContain('its own agency (mpwt)');
  });

  // Each rule of a registration is proven on the service in
  // test/medium/adapter-registry.medium.e2e-spec.ts; here, that GraphQL names the field.
  it('names the field and the rule of a bad registration', async () => {
    const unknownType = await stack.graphql(integrator, GRAPHQL.register, {
      input: { ...FLEET_INPUT, publishes: [{ recordType: 'boat-licence' }] },
    });
    expect(unknownType.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'publishes[0].recordType',
    });
    expect(unknownType.errors![0]!.message).toContain('"boat-licence" is not a record type');
  });

  it('registers fleet as pending, audited', async () => {
    const registered = await stack.graphql<{ registerAdapter: AdapterView }>(
      integrator,
      GRAPHQL.register,
      { input: FLEET_INPUT },
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerAdapter).toEqual({
      name: 'fleet',
      agencyId: 'mpwt',
      state: 'pending',
      publishes: [{ recordType: 'vehicle-registration', schemaVersion: 1, approved: false }],
      consumes: [{ recordType: 'civil-event', schemaVersion: null, approved: false }],
    });
    const [entry] = await stack.db.database.query<AuditRow>(
      `SELECT actor_client, actor_agency, details FROM audit_entry
       WHERE kind = 'adapter-registration' AND details->>'adapter' = 'fleet'`,
    );
    expect(entry).toMatchObject({
      actor_client: stack.integrator.clientId,
      actor_agency: 'mpwt',
      details: {
        action: 'registered',
        state: 'pending',
        publishes: ['vehicle-registration 1'],
        consumes: ['civil-event (any version)'],
      },
    });
  });

  it('while pending: refuses fleet’s records with 403 and the reason, audited; subscribes to nothing', async () => {
    await startFleet();
    const refused = await publishFleet([vehicle(`2A-${randomInt(1000, 9999)}`)]);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      error: 'NOT_APPROVED',
      message: 'record 0: adapter fleet is pending approval',
    });
    expect(await refusals('publish')).toEqual([
      {
        actor_client: fleetClient.clientId,
        actor_agency: 'mpwt',
        details: {
          adapter: 'fleet',
          recordType: 'vehicle-registration',
          schemaVersion: 1,
          action: 'publish',
          reason: 'adapter fleet is pending approval',
        },
      },
    ]);
    expect(await subscribedTopics()).toEqual([]);
    const subscribeRefusals = await refusals('subscribe');
    expect(subscribeRefusals.map((row) => row.details.recordType).sort()).toEqual([
      'civil-event',
      'person',
    ]);
    expect(subscribeRefusals[0]).toMatchObject({
      actor_client: 'adapter:fleet',
      actor_agency: 'mpwt',
      details: { reason: 'adapter fleet is pending approval' },
    });
    expect(reactedTo).toEqual([]);
  });

  it('lets only a steward approve, with a reason', async () => {
    const byIntegrator = await stack.graphql(integrator, GRAPHQL.approve, { n: 'fleet', r: 'ok' });
    expect(byIntegrator.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const noReason = await stack.graphql(steward, GRAPHQL.approve, { n: 'fleet', r: '  ' });
    expect(noReason.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    const unknown = await stack.graphql(steward, GRAPHQL.approve, { n: 'ghost', r: 'ok' });
    expect(unknown.errors![0]!.extensions!.code).toBe('NOT_FOUND');

    const approved = await stack.graphql<{ approveAdapter: AdapterView }>(
      steward,
      GRAPHQL.approve,
      { n: 'fleet', r: 'reviewed with the transport ministry' },
    );
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.approveAdapter).toEqual({
      name: 'fleet',
      state: 'approved',
      decidedBy: stack.steward.clientId,
      decisionReason: 'reviewed with the transport ministry',
    });
  });

  it('once approved, without a restart: publishes what it was approved for, and nothing else', async () => {
    const accepted = await eventually(
      () => publishFleet([vehicle(`2B-${randomInt(1000, 9999)}`)]),
      (answer) => answer.status === 202,
    );
    expect(accepted.status).toBe(202);

    const title = await publishFleet([landTitle(`FLEET-${randomInt(1000, 9999)}`)]);
    expect(title.status).toBe(403);
    expect(title.body.message).toBe(
      'record 0: adapter fleet is not approved to publish land-title 1 (approved: vehicle-registration 1)',
    );
    const audited = await refusals('publish');
    expect(audited.at(-1)!.details).toEqual({
      adapter: 'fleet',
      recordType: 'land-title',
      schemaVersion: 1,
      action: 'publish',
      reason:
        'adapter fleet is not approved to publish land-title 1 (approved: vehicle-registration 1)',
    });
  });

  it('once approved: reacts to civil events, never to persons, and what it may not publish becomes a dead letter', async () => {
    expect(await eventually(subscribedTopics, (topics) => topics.length > 0)).toEqual([
      'spean.civil-event',
    ]);
    // The death published before fleet existed: its group starts at the beginning.
    await eventually(
      async () => reactedTo.length,
      (n) => n >= 1,
    );
    expect(reactedTo).toEqual(['civil-event']);
    // Its answer, a land title, is refused and audited as the adapter's own.
    const refused = await eventually(
      () => refusals('publish'),
      (rows) => rows.some((row) => row.actor_client === 'adapter:fleet'),
    );
    expect(refused.find((row) => row.actor_client === 'adapter:fleet')).toMatchObject({
      actor_agency: 'mpwt',
      details: { recordType: 'land-title', action: 'publish' },
    });
    const [letter] = await eventually(
      () =>
        stack.db.database.query<{ code: string; record_id: string }>(
          `SELECT code, record_id FROM dead_letter WHERE group_id = 'fleet' AND status = 'open'`,
        ),
      (rows) => rows.length > 0,
    );
    expect(letter).toEqual({ code: 'adapter-not-approved', record_id: deathId });
    // A person published now is not for fleet.
    const person = fixture('person', 'adult-born-in-phnom-penh');
    const subject = ids.fromSerial(randomInt(0, ids.capacity));
    const published = await stack.publishAs('interior', [
      record('person', `MOI-P-${subject}`, subject, { ...person, nationalId: subject }),
    ]);
    expect(published.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(reactedTo).toEqual(['civil-event']);
  });

  it('shows state, record types, consumer lag and dead letters in the directory', async () => {
    // An adapter that consumes civil events but runs nowhere: its group is behind by every one.
    const archive = await stack.graphql(steward, GRAPHQL.register, {
      input: {
        name: 'civil-archive',
        agencyId: 'moi',
        title: 'Civil registry archive',
        consumes: [{ recordType: 'civil-event', schemaVersion: 1 }],
      },
    });
    expect(archive.errors).toBeUndefined();
    await stack.graphql(steward, GRAPHQL.approve, { n: 'civil-archive', r: 'archive' });

    const adapters = await eventually(directory, (all) => all.get('fleet')?.consumerLag === 0);
    expect(adapters.get('fleet')).toEqual({
      name: 'fleet',
      agencyId: 'mpwt',
      title: 'Fleet register',
      state: 'approved',
      registeredBy: stack.integrator.clientId,
      decidedBy: stack.steward.clientId,
      decisionReason: 'reviewed with the transport ministry',
      consumerLag: 0,
      deadLetters: 1,
      publishes: [{ recordType: 'vehicle-registration', schemaVersion: 1, approved: true }],
      consumes: [{ recordType: 'civil-event', schemaVersion: null, approved: true }],
    });
    expect(adapters.get('civil-archive')).toMatchObject({
      agencyId: 'moi',
      state: 'approved',
      consumerLag: 1,
      deadLetters: 0,
    });
    // The built-in reactors have caught up with the one civil event.
    const transport = await eventually(directory, (all) => all.get('transport')?.consumerLag === 0);
    expect(transport.get('transport')!.consumerLag).toBe(0);
  });

  it('keeps what was approved in force while a change waits; a rejected change leaves the adapter as it was', async () => {
    const changed = await stack.graphql<{ registerAdapter: AdapterView }>(
      integrator,
      GRAPHQL.register,
      {
        input: {
          ...FLEET_INPUT,
          publishes: [...FLEET_INPUT.publishes, { recordType: 'land-title', schemaVersion: 1 }],
          reason: 'Titles of impounded vehicles’ yards',
        },
      },
    );
    // The integrator's reason is kept with the change in the audit log.
    const [asked] = await stack.db.database.query<AuditRow>(
      `SELECT actor_client, actor_agency, details FROM audit_entry
       WHERE kind = 'adapter-registration' AND details->>'adapter' = 'fleet'
         AND details->>'action' = 're-registered' ORDER BY seq DESC LIMIT 1`,
    );
    expect(asked!.details).toMatchObject({ reason: 'Titles of impounded vehicles’ yards' });
    expect(changed.data!.registerAdapter).toMatchObject({
      state: 'pending',
      publishes: [
        { recordType: 'land-title', schemaVersion: 1, approved: false },
        { recordType: 'vehicle-registration', schemaVersion: 1, approved: true },
      ],
    });
    const title = await eventually(
      () => publishFleet([landTitle(`FLEET-${randomInt(1000, 9999)}`)]),
      (answer) => String(answer.body.message).includes('waits'),
    );
    expect(title.status).toBe(403);
    expect(title.body.message).toBe(
      'record 0: adapter fleet is not approved to publish land-title 1 yet: it waits for a steward’s decision (approved: vehicle-registration 1)',
    );
    expect((await publishFleet([vehicle(`2C-${randomInt(1000, 9999)}`)])).status).toBe(202);
    expect(await subscribedTopics()).toEqual(['spean.civil-event']);

    const rejected = await stack.graphql<{ rejectAdapter: AdapterView }>(steward, GRAPHQL.reject, {
      n: 'fleet',
      r: 'land titles are the land ministry’s',
    });
    expect(rejected.data!.rejectAdapter).toEqual({
      name: 'fleet',
      state: 'approved',
      publishes: [{ recordType: 'vehicle-registration', schemaVersion: 1, approved: true }],
    });
    const [entry] = await stack.db.database.query<AuditRow>(
      `SELECT actor_client, actor_agency, details FROM audit_entry
       WHERE kind = 'adapter-registration' AND details->>'adapter' = 'fleet' ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry!.details).toMatchObject({
      action: 'change-rejected',
      reason: 'land titles are the land ministry’s',
    });
  });

  it('a suspension stops publishing and consuming within moments', async () => {
    const suspended = await stack.graphql<{ suspendAdapter: AdapterView }>(
      steward,
      GRAPHQL.suspend,
      { n: 'fleet', r: 'publishing test data' },
    );
    expect(suspended.data!.suspendAdapter.state).toBe('suspended');
    const refused = await eventually(
      () => publishFleet([vehicle(`2D-${randomInt(1000, 9999)}`)]),
      (answer) => answer.status === 403,
    );
    expect(refused.body.message).toBe('record 0: adapter fleet is suspended: publishing test data');
    expect(await eventually(subscribedTopics, (topics) => topics.length === 0)).toEqual([]);
    // An integrator cannot lift it by registering again.
    const again = await stack.graphql(integrator, GRAPHQL.register, { input: FLEET_INPUT });
    expect(again.errors![0]!.message).toContain('suspended');
  });

  it('the CLI answers an unknown command with its help, whatever its name', async () => {
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      for (const sub of ['frobnicate', 'constructor', 'hasOwnProperty']) {
        err.mockClear();
        expect(await adaptersCommand([sub], stack.db.database, stack.cliEnv())).toBe(2);
        expect(err.mock.calls.join('')).toContain(`unknown adapters command "${sub}"`);
        expect(err.mock.calls.join('')).toContain(ADAPTERS_HELP);
      }
    } finally {
      err.mockRestore();
    }
  });

  it('the CLI lists the directory and records decisions as the operator', async () => {
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const table = jest.spyOn(console, 'table').mockImplementation(() => undefined);
    try {
      expect(
        await adaptersCommand(
          ['approve', 'fleet', '--reason', 'test data removed', '--as', 'cli:ops'],
          stack.db.database,
          stack.cliEnv(),
        ),
      ).toBe(0);
      expect(out.mock.calls.join('')).toContain('adapter fleet is approved');
      expect(await adaptersCommand(['list'], stack.db.database, stack.cliEnv())).toBe(0);
      const rows = table.mock.calls[0]![0] as Array<Record<string, unknown>>;
      // Nothing reached civil-event while fleet was suspended: its group is not behind.
      expect(rows.find((row) => row.name === 'fleet')).toMatchObject({
        agency: 'mpwt',
        state: 'approved',
        publishes: 'vehicle-registration 1',
        consumes: 'civil-event (any version)',
        lag: 0,
        deadLetters: 1,
        decidedBy: 'cli:ops',
      });
      // The built-in ones are approved already; a suspended one would be left alone.
      expect(await adaptersCommand(['approve-built-in'], stack.db.database, stack.cliEnv())).toBe(
        0,
      );
      expect(out.mock.calls.join('')).toContain('every built-in adapter was already approved');
    } finally {
      out.mockRestore();
      table.mockRestore();
    }
    const [entry] = await stack.db.database.query<AuditRow>(
      `SELECT actor_client, actor_agency, details FROM audit_entry
       WHERE kind = 'adapter-registration' AND details->>'adapter' = 'fleet' ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry).toMatchObject({
      actor_client: 'cli:ops',
      actor_agency: 'operator',
      details: { action: 'approved', reason: 'test data removed' },
    });
    expect(await eventually(subscribedTopics, (topics) => topics.length > 0)).toEqual([
      'spean.civil-event',
    ]);
  });

  it('refuses a CSV import of a suspended adapter as a whole, audited', async () => {
    await stack.graphql(steward, GRAPHQL.suspend, { n: 'transport', r: 'migrating its register' });
    const mapping = ADAPTERS.transport.csv!;
    const chunk = {
      columns: mapping.columns.map((column) => column.name),
      rows: [mapping.columns.map((column) => column.example)],
      firstRow: 2,
    };
    const token = await stack.token(stack.adapters.transport.credentials);
    const post = async () => {
      const response = await fetch(`${stack.adapters.transport.url}/v1/imports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(chunk),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const refused = await eventually(post, (answer) => answer.status === 403);
    expect(refused.body).toEqual({
      error: 'NOT_APPROVED',
      message: 'row 2: adapter transport is suspended: migrating its register',
    });
    const [entry] = await stack.db.database.query<AuditRow>(
      `SELECT actor_client, actor_agency, details FROM audit_entry
       WHERE kind = 'adapter-refusal' AND details->>'adapter' = 'transport' ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry).toMatchObject({
      actor_client: stack.adapters.transport.credentials.clientId,
      details: { recordType: 'vehicle-registration', action: 'publish' },
    });
    await stack.graphql(steward, GRAPHQL.approve, { n: 'transport', r: 'migration done' });
    expect((await eventually(post, (answer) => answer.status === 200)).status).toBe(200);
  });
});
