// The demo data `npm start` puts into an empty installation: one client per
// ministry and role (their secrets written to <data dir>/demo-credentials.json),
// the demo's purposes and grants, and a synthetic population seeded through
// the adapters. Production gets none of it unless SEED_DEMO=true asks for it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  AccessControlService,
  ClientCredentialsService,
  ClientRepository,
  type NewClient,
} from '#spean/access';
import type { AuditLog } from '#spean/audit';
import type { Database } from '#spean/persistence';
import { demoCitizens } from '#spean/population';
import { defaultSchemaCatalog } from '#spean/schema-registry';
import { grantableSections } from '#spean/access';
import { fetchAccessToken, type ClientSecret } from './access-token.js';
import { ADAPTERS, type AdapterName } from './adapters.js';
import { DEMO_GRANTS, grantSections, registerPurposes } from './demo-access.js';
import { seedPopulation, type AdapterEndpoint } from './seed.js';
import { adapterPort, type StartConfig } from './start.config.js';

export type DemoSettings = Pick<
  StartConfig,
  'seedDemo' | 'demoCitizens' | 'dataDir' | 'gatewayPort'
>;

/** Short ids of the ministries, as agencies are registered. */
const AGENCY_IDS: Record<string, string> = {
  interior: 'moi',
  transport: 'mpwt',
  land: 'mlmupc',
  commerce: 'moc',
  tax: 'gdt',
};

function demoClients(count: number): NewClient[] {
  return [
    {
      agencyId: 'mef',
      agencyName: 'Ministry of Economy and Finance',
      name: 'Business registration desk',
      role: 'agency',
    },
    ...Object.values(ADAPTERS).map((adapter): NewClient => ({
      agencyId: AGENCY_IDS[adapter.name] ?? adapter.name,
      agencyName: adapter.title,
      name: `${adapter.name} adapter`,
      role: 'adapter',
      adapter: adapter.name,
    })),
    {
      agencyId: 'interop',
      agencyName: 'Interoperability Office',
      name: 'Data steward',
      role: 'steward',
    },
    {
      agencyId: 'naa',
      agencyName: 'National Audit Authority',
      name: 'Audit office',
      role: 'auditor',
    },
    {
      // The credential a citizen portal would hand the first demo citizen after an in-person check.
      agencyId: 'citizens',
      agencyName: 'Citizens',
      name: 'Demo citizen',
      role: 'citizen',
      nationalId: demoCitizens(Math.max(count, 1)).nationalIds[0]!,
    },
  ];
}

export function credentialsFile(settings: Pick<DemoSettings, 'dataDir'>): string {
  return path.join(settings.dataDir, 'demo-credentials.json');
}

/**
 * Demo clients (on an installation with no clients), the demo purposes and,
 * once, the demo agency's grants. Says what it did, or that it did nothing.
 */
export async function prepareDemoAccess(
  database: Database,
  audit: AuditLog,
  settings: DemoSettings,
  say: (line: string) => void,
): Promise<void> {
  if (!settings.seedDemo) {
    say(
      'production: no demo clients, credentials, grants or citizens are seeded (SEED_DEMO=true seeds them)',
    );
    return;
  }
  await registerDemoClients(database, settings, say);
  registerDemoPersons(settings, say);
  await registerDemoAccess(database, audit, say);
}

/**
 * The persons the gateway's embedded OpenID provider signs in (the console's
 * demo logins): one of each kind of officer and the first demo citizen. Added
 * to demo-credentials.json once, with passwords made here.
 */
function demoPersons(count: number): Array<Record<string, string>> {
  const persons: Array<Record<string, string>> = [
    { username: 'desk.officer', role: 'agency', name: 'Sok Dara', agencyId: 'mef' },
    { username: 'steward', role: 'steward', name: 'Chea Sreymom', agencyId: 'interop' },
    { username: 'integrator', role: 'integrator', name: 'Lim Vuthy', agencyId: 'mpwt' },
    { username: 'auditor', role: 'auditor', name: 'Chan Vanna', agencyId: 'naa' },
    {
      username: 'citizen',
      role: 'citizen',
      name: 'Demo citizen',
      nationalId: demoCitizens(Math.max(count, 1)).nationalIds[0]!,
    },
  ];
  return persons.map((person) => ({ ...person, password: randomBytes(12).toString('base64url') }));
}

function registerDemoPersons(settings: DemoSettings, say: (line: string) => void): void {
  const file = credentialsFile(settings);
  if (!fs.existsSync(file)) return;
  const entries = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ username?: string }>;
  if (entries.some((entry) => entry.username !== undefined)) return;
  const persons = demoPersons(settings.demoCitizens);
  fs.writeFileSync(file, `${JSON.stringify([...entries, ...persons], null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  say(
    `added ${persons.length} demo logins for the console (${persons.map((p) => p.username).join(', ')}) to ${file}`,
  );
}

async function registerDemoClients(
  database: Database,
  settings: DemoSettings,
  say: (line: string) => void,
): Promise<void> {
  const clients = new ClientRepository(database);
  if ((await clients.countClients()) > 0) return;
  // Tokens are never issued here, so no signing key is needed.
  const service = new ClientCredentialsService(
    clients,
    () => {
      throw new Error('not used');
    },
    0,
  );
  const written = [];
  for (const client of demoClients(settings.demoCitizens)) {
    const { clientId, clientSecret } = await service.register(client);
    written.push({
      clientId,
      clientSecret,
      role: client.role,
      name: `${client.agencyName}: ${client.name}`,
      ...(client.adapter ? { adapter: client.adapter } : {}),
    });
  }
  const file = credentialsFile(settings);
  fs.mkdirSync(settings.dataDir, { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(written, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  say(`registered ${written.length} demo clients`);
}

/** The demo's legal purposes, and on first run the grants of its business registration desk. */
async function registerDemoAccess(
  database: Database,
  audit: AuditLog,
  say: (line: string) => void,
): Promise<void> {
  const accessControl = new AccessControlService(
    database,
    audit,
    grantableSections(defaultSchemaCatalog()),
  );
  await registerPurposes(accessControl);
  if ((await accessControl.grants({ agencyId: 'mef', includeEnded: true })).length > 0) return;
  await grantSections(accessControl, 'mef', DEMO_GRANTS, 'demo: business registration desk');
  say(
    `granted the demo agency mef: ${DEMO_GRANTS.map((g) => `${g.purpose} (${g.sections.join(', ')})`).join('; ')}`,
  );
}

interface DemoClient {
  clientId: string;
  clientSecret: string;
  role: string;
  adapter?: string;
}

/** Seeds the demo population through the adapters, once: when the gateway knows no demo citizen yet. */
export async function seedDemoCitizens(
  settings: DemoSettings & Pick<StartConfig, 'adapterBasePort'>,
  say: (line: string) => void,
): Promise<void> {
  const count = settings.demoCitizens;
  if (!settings.seedDemo || count === 0 || !fs.existsSync(credentialsFile(settings))) return;
  const credentials = JSON.parse(
    fs.readFileSync(credentialsFile(settings), 'utf8'),
  ) as DemoClient[];
  const agency = credentials.find((client) => client.role === 'agency');
  if (!agency) return;
  const gatewayUrl = `http://127.0.0.1:${settings.gatewayPort}`;
  const token = (client: ClientSecret): Promise<string> => fetchAccessToken(gatewayUrl, client);
  // An empty read model is the sign of a fresh database.
  const firstCitizen = demoCitizens(count).nationalIds[0]!;
  if (await lookup(gatewayUrl, await token(agency), firstCitizen)) return;
  const adapters = {} as Record<AdapterName, AdapterEndpoint>;
  for (const [name, adapter] of Object.entries(ADAPTERS) as Array<
    [AdapterName, (typeof ADAPTERS)[AdapterName]]
  >) {
    const client = credentials.find((c) => c.role === 'adapter' && c.adapter === name);
    if (!client) return;
    adapters[name] = {
      url: `http://127.0.0.1:${adapterPort(settings, adapter)}`,
      token: await token(client),
    };
  }
  const seeded = await seedPopulation({ citizens: count, seed: 1, adapters });
  say(
    `seeded ${count} demo citizens (${seeded.records} records from all five ministries) ` +
      `through the adapters — e.g. national id ${firstCitizen}`,
  );
}

async function lookup(gatewayUrl: string, token: string, nationalId: string): Promise<boolean> {
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query:
        'query($id: ID!) { citizen(nationalId: $id, purpose: "business-registration", reference: "start-up check") { nationalId } }',
      variables: { id: nationalId },
    }),
  });
  const body = (await response.json()) as { data?: { citizen: unknown } };
  return Boolean(body.data?.citizen);
}
