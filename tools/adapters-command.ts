// `spean adapters …`: the adapter registry from the command line, for the
// operator on the server. The operator acts as a steward: registrations and
// decisions are recorded (and audited) as made by `cli:<login>` (or --as
// <name>) of agency `operator`, as the other CLI commands attribute theirs.
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { AccessDeniedException } from '#spean/access';
import {
  AdapterDirectory,
  AdapterKeyService,
  AdapterRegistryException,
  keyRefusal,
  type AdapterKey,
  AdapterRegistryService,
  describeRecordType,
  type AdapterActor,
  type AdapterDirectoryEntry,
  type RecordTypeRequest,
  type RegisteredRecordType,
} from '#spean/adapter-registry';
import {
  AdapterRecordRepository,
  OutboxRepository,
  UnsignedRecords,
  loadOrCreateSigningKey,
  signingKeyPath,
} from '#spean/adapter-sdk';
import { AuditLog } from '#spean/audit';
import { recordSigner } from '#spean/contracts';
import { busSettings, createEventBus } from '#spean/bus';
import { EnvReader, readCommonConfig, type CommonConfig } from '#spean/config';
import { DeadLetterRepository, DeadLetterService } from '#spean/dead-letters';
import { Metrics } from '#spean/observability';
import type { Database } from '#spean/persistence';
import { ADAPTERS } from './adapters.js';
import { registerBuiltInAdapters } from './built-in-adapters.js';
import { SchemaRegistryService } from '#spean/schema-registry';
import { say, warn, usageOf, parsedOr, refusalsExit } from './cli-output.js';

export const ADAPTERS_HELP = `  adapters list                 Every adapter: ministry, state, record types (pending ones marked),
                                consumer lag, open dead letters, and records refused in its name;
                                then every refused record (unsigned, bad-signature, unknown-key,
                                source-not-approved) by claimed source, topic and partition.
  adapters keys [<name>]        Adapters' signing keys: key id, state, until when they verify.
  adapters approve-key <key-id> --reason "<why>" [--overlap-hours <n>]
                                Approve a proposed key; the adapter's older keys keep verifying
                                for n hours (default 24; 0 ends them now), then stop.
  adapters revoke-key <key-id> --reason "<why>"
                                Revoke a key: what it signs is refused from now on.
  adapters resign <name> [--key-file <pem>]
                                On the adapter's machine, with its key (default
                                $DATA_DIR/keys/<name>.ed25519.pem): sign what it published before
                                it signed its records — outbox rows, and refused 'unsigned' dead
                                letters that are exactly what its store kept — and replay them.
  adapters register <name>      Register an adapter (or register it again); it waits for approval.
      --agency <id> --title "<ministry system>"
      [--publishes <type>[@<version>] ...] [--consumes <type>[@<version>] ...]
                                Without @<version>: every version the schema registry accepts.
  adapters approve|reject|suspend <name> --reason "<why>"
                                A steward's decision; running adapters apply it within seconds.
  adapters approve-built-in     Register and approve the five built-in adapters (npm start does it),
      [--reason "<why>"]        each under its ministry, at every schema version; a suspended or
                                rejected one is left as it is.
      [--as <name>]             Record changes under this name (default cli:<login>).
`;

const usage = usageOf(ADAPTERS_HELP);

export async function adaptersCommand(
  args: string[],
  db: Database,
  env = new EnvReader(),
): Promise<number> {
  const parsed = parsedOr(() => parse(args), usage);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [sub, name] = positionals;
  const config = readCommonConfig(env);
  env.done();
  const audit = new AuditLog(db);
  const run: Invocation = {
    values,
    sub: sub ?? '',
    name,
    actor: {
      clientId: values.as ?? `cli:${os.userInfo().username}`,
      agencyId: 'operator',
      role: 'operator',
    },
    config,
    db,
    audit,
    registry: new AdapterRegistryService(db, audit),
    keys: new AdapterKeyService(db, audit),
  };
  return refusalsExit(
    async () => {
      if (sub === undefined || !Object.hasOwn(SUBCOMMANDS, sub))
        return usage(
          `unknown adapters command "${sub ?? ''}": use list, register, approve, reject, suspend, approve-built-in, keys, approve-key, revoke-key or resign`,
        );
      return SUBCOMMANDS[sub]!(run);
    },
    [AdapterRegistryException, AccessDeniedException],
    { prefix: 'spean: ', close: () => audit.close() },
  );
}

/** One parsed `spean adapters …` command, with the services it acts through. */
interface Invocation {
  values: ReturnType<typeof parse>['values'];
  sub: string;
  /** The first argument after the subcommand: an adapter name or a key id. */
  name: string | undefined;
  actor: AdapterActor;
  config: CommonConfig;
  db: Database;
  audit: AuditLog;
  registry: AdapterRegistryService;
  keys: AdapterKeyService;
}

const SUBCOMMANDS: Record<string, (run: Invocation) => Promise<number>> = {
  list: ({ registry, db, config }) => list(registry, db, config),
  register,
  'approve-built-in': approveBuiltIn,
  keys: listKeys,
  'approve-key': approveKey,
  'revoke-key': revokeKey,
  resign,
  approve: decide,
  reject: decide,
  suspend: decide,
};

async function register({
  values,
  name,
  actor,
  config,
  db,
  audit,
  registry,
}: Invocation): Promise<number> {
  if (!name) return usage('register needs the adapter name');
  if (!values.agency || !values.title)
    return usage('register needs --agency <id> and --title "<ministry system>"');
  const publishes = recordTypes(values.publishes, '--publishes');
  const consumes = recordTypes(values.consumes, '--consumes');
  if (typeof publishes === 'string') return usage(publishes);
  if (typeof consumes === 'string') return usage(consumes);
  // Record types are checked against the registry; on a fresh database no app has seeded it yet.
  await new SchemaRegistryService(db, { environment: config.environment, audit }).bootstrap();
  const saved = await registry.register(actor, {
    name,
    agencyId: values.agency,
    title: values.title,
    publishes,
    consumes,
  });
  say(`adapter ${saved.name} is ${saved.state}`);
  if (saved.state === 'pending') say(`a steward decides: adapters approve|reject ${name}`);
  return 0;
}

async function approveBuiltIn({ values, actor, config, db, audit }: Invocation): Promise<number> {
  const done = await registerBuiltInAdapters(db, audit, Object.values(ADAPTERS), {
    environment: config.environment,
    actor,
    reason: values.reason ?? 'built-in adapter, approved by the operator',
  });
  say(
    done.changed.length > 0
      ? `registered and approved: ${done.changed.join(', ')}`
      : 'every built-in adapter was already approved',
  );
  if (done.leftAlone.length > 0)
    say(`left as a steward decided (suspended or rejected): ${done.leftAlone.join(', ')}`);
  return 0;
}

async function listKeys({ name, keys }: Invocation): Promise<number> {
  const found = await keys.list(name);
  if (found.length === 0) say(name ? `adapter ${name} has no keys` : 'no adapter keys');
  else console.table(found.map(keyRow));
  return 0;
}

async function approveKey({ values, name, actor, keys }: Invocation): Promise<number> {
  if (!name) return usage('approve-key needs the key id (see adapters keys)');
  const overlap = values['overlap-hours'];
  const hours = overlap === undefined ? undefined : Number(overlap);
  if (hours !== undefined && !/^\d+(\.\d+)?$/.test(overlap!))
    return usage('--overlap-hours must be a number of hours, e.g. 24');
  const saved = await keys.approve(actor, name, values.reason ?? '', hours);
  say(`key ${saved.keyId} of adapter ${saved.adapter} is ${saved.state}`);
  return 0;
}

async function revokeKey({ values, name, actor, keys }: Invocation): Promise<number> {
  if (!name) return usage('revoke-key needs the key id (see adapters keys)');
  const saved = await keys.revoke(actor, name, values.reason ?? '');
  say(`key ${saved.keyId} of adapter ${saved.adapter} is ${saved.state}`);
  return 0;
}

/** Signs, with the adapter's approved key, what it published before it signed its records. */
async function resign({ values, name, actor, config, db, keys }: Invocation): Promise<number> {
  if (!name) return usage('resign needs the adapter name');
  const file = values['key-file'] ?? signingKeyPath(config.dataDir, name);
  if (!fs.existsSync(file)) return usage(`resign: no key file at ${file} (see --key-file)`);
  const signer = recordSigner(await loadOrCreateSigningKey(file));
  const key = (await keys.list(name)).find((each) => each.keyId === signer.keyId);
  const refusal = key ? keyRefusal(key) : `key ${signer.keyId} is not registered for ${name}`;
  if (refusal !== undefined) {
    process.stderr.write(`spean: ${refusal}: consumers would refuse what it signs\n`);
    return 2;
  }
  const deadLetters = new DeadLetterRepository(db);
  const report = await new UnsignedRecords(
    name,
    signer,
    new AdapterRecordRepository(db, name),
    new OutboxRepository(db, name),
    deadLetters,
    new DeadLetterService(deadLetters, new Metrics('spean-cli')),
  ).resign(actor.clientId);
  say(
    `signed with key ${signer.keyId}: ${report.outbox} waiting in the outbox, ${report.replayed} refused record(s) replayed`,
  );
  if (report.leftRefused > 0)
    say(
      `${report.leftRefused} refused record(s) claiming ${name} are not what it published (or were superseded): left refused`,
    );
  return 0;
}

/** A steward's decision: approve, reject or suspend. */
async function decide({ sub, values, name, actor, registry }: Invocation): Promise<number> {
  if (!name) return usage(`${sub} needs the adapter name`);
  const decision = {
    approve: registry.approve,
    reject: registry.reject,
    suspend: registry.suspend,
  }[sub as 'approve' | 'reject' | 'suspend'].bind(registry);
  const saved = await decision(actor, name, values.reason ?? '');
  say(`adapter ${saved.name} is ${saved.state}`);
  return 0;
}

async function list(
  registry: AdapterRegistryService,
  db: Database,
  config: CommonConfig,
): Promise<number> {
  const bus = await createEventBus({
    ...busSettings(config),
    clientId: `spean-cli-${os.userInfo().username}`,
    database: db,
    logger: { log: () => undefined, warn: warn, error: warn },
  });
  try {
    const directory = new AdapterDirectory(registry, bus, new DeadLetterRepository(db), {
      warn,
    });
    const adapters = await directory.list();
    if (adapters.length === 0) say('no adapters are registered');
    else console.table(adapters.map(row));
    const refused = await directory.refusedRecords();
    if (refused.length > 0) {
      say('records refused before being applied (open dead letters):');
      console.table(
        refused.map((entry) => ({
          claimedSource: entry.claimedSource ?? '(none)',
          topic: entry.topic,
          partition: entry.partition,
          reason: entry.code,
          letters: entry.count,
          groups: entry.groups.join(', '),
          last: entry.lastFailedAt.toISOString(),
        })),
      );
    }
    return 0;
  } finally {
    await bus.close();
  }
}

/** One table row: what an operator acts on, short enough to read in a terminal. */
function row(adapter: AdapterDirectoryEntry): Record<string, string | number> {
  return {
    name: adapter.name,
    agency: adapter.agencyId,
    state: adapter.state,
    publishes: entries(adapter.publishes),
    consumes: entries(adapter.consumes),
    lag: adapter.consumerLag ?? 'unknown',
    deadLetters: adapter.deadLetters,
    refused: adapter.refusedRecords,
    registeredBy: adapter.registeredBy,
    decidedBy: adapter.decidedBy ?? '',
    decisionReason: adapter.decisionReason ?? '',
  };
}

function keyRow(key: AdapterKey): Record<string, string> {
  const refusal = keyRefusal(key);
  return {
    adapter: key.adapter,
    keyId: key.keyId,
    state: key.state,
    verifies: refusal === undefined ? 'yes' : 'no',
    until: key.notAfter?.toISOString() ?? '',
    proposedBy: key.proposedBy,
    decidedBy: key.decidedBy ?? '',
    decisionReason: key.decisionReason ?? '',
  };
}

function entries(list: RegisteredRecordType[]): string {
  return list
    .map((entry) => `${describeRecordType(entry)}${entry.approved ? '' : ' (pending)'}`)
    .join(', ');
}

/** `land-title` or `land-title@2`; a message naming the option when it is neither. */
function recordTypes(given: string[] | undefined, option: string): RecordTypeRequest[] | string {
  const parsed: RecordTypeRequest[] = [];
  for (const text of given ?? []) {
    const match = /^([a-z][a-z0-9-]*)(?:@(\d+))?$/.exec(text.trim());
    if (!match)
      return `${option} must be <record-type> or <record-type>@<version>, e.g. land-title@1`;
    parsed.push({
      recordType: match[1]!,
      schemaVersion: match[2] === undefined ? null : Number(match[2]),
    });
  }
  return parsed;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      agency: { type: 'string' },
      title: { type: 'string' },
      publishes: { type: 'string', multiple: true },
      consumes: { type: 'string', multiple: true },
      reason: { type: 'string' },
      as: { type: 'string' },
      'overlap-hours': { type: 'string' },
      'key-file': { type: 'string' },
    },
  });
}
