// What the fault suite checks, read from the system itself — the read model
// and dead letters in PostgreSQL, every message on the bus, the audit chain —
// never from what the apps say about themselves:
//
// - lost: an acknowledged (record type, record id, version) that the
//   gateway's read model does not hold at that version or a newer one;
// - duplicated: an acknowledged (record type, record id, version) that
//   reached the bus as more than one event (or whose applied event is not the
//   acknowledged one) — the publisher resends with the same event id, so a
//   second event id is the system's doing;
// - reactions duplicated: a record a reaction published (not the publisher)
//   whose (record type, record id, version) is on the bus as more than one event;
// - reactions missing: an acknowledged death whose consequences (the person
//   dead, the vehicles flagged, the taxpayer registration closed, a business
//   of which they were the sole owner flagged) are not all in the read model;
// - dead letters: open dead letters of any consumer group, in the store and on
//   the bus;
// - audit verify: the exit code of `spean audit verify`.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { createEventBus, topicFor, type EventBus } from '#spean/bus';
import { Database } from '#spean/persistence';
import type { AdapterDefinition } from '#spean/adapter-sdk';
import { distPath, fromDist, REPOSITORY_ROOT } from '../../bench/harness/dist.ts';
import type { Ack, Death } from './chaos-publisher.ts';
import type { ChaosSystem } from './chaos-system.ts';

/**
 * Every consumer group of the system and the record types it reads, from
 * the adapters' own definitions: the gateway's read model reads every type
 * an adapter publishes; each adapter with reactions reads what they react to.
 */
async function consumerGroups(): Promise<Record<string, string[]>> {
  const { ADAPTERS } = await fromDist<typeof import('../adapters.ts')>('tools/adapters.js');
  const definitions = Object.values(ADAPTERS) as AdapterDefinition[];
  const groups: Record<string, string[]> = {
    gateway: [...new Set(definitions.flatMap((adapter) => adapter.publishes))],
  };
  for (const adapter of definitions) {
    const reactsTo = (adapter.reactions ?? []).map((reaction) => reaction.recordType);
    if (reactsTo.length > 0) groups[adapter.name] = [...new Set(reactsTo)];
  }
  return groups;
}

export interface Verdict {
  acknowledged: number;
  lost: number;
  duplicated: number;
  reactionsDuplicated: number;
  reactionsMissing: number;
  deadLetters: number;
  /** Exit code of `spean audit verify`. */
  auditVerify: number | null;
  /** Up to ten examples of each problem, by record type and event id (never ids or payloads). */
  examples: Record<string, string[]>;
  /** The acknowledged records found lost or duplicated, to count per kill window. */
  lostAcks: Ack[];
  duplicatedAcks: Ack[];
}

export const recordKey = (recordType: string, recordId: string): string =>
  `${recordType}\u0000${recordId}`;
export const versionKey = (recordType: string, recordId: string, version: number): string =>
  `${recordKey(recordType, recordId)}\u0000${version}`;
/** Names a record by type, version and event id: record ids can hold national ids, which are never written out. */
const label = (recordType: string, version: number, eventIds: Iterable<string>): string =>
  `${recordType} v${version} (event ${[...eventIds].join(', ')})`;

export interface ReadRow {
  version: number;
  eventId: string;
}

/** Acknowledged records the read model does not hold (at their version or newer). */
export async function missingFromReadModel(appUrl: string, acks: readonly Ack[]): Promise<Ack[]> {
  const rows = await readModel(appUrl);
  return acks.filter(
    (ack) => (rows.get(recordKey(ack.recordType, ack.recordId))?.version ?? 0) < ack.version,
  );
}

export interface UnfinishedDeath extends Death {
  /**
   * Each consequence missing from the read model, by record type and where
   * it went missing: "never published" when the adapter's own store does not
   * hold it either, "stored by <adapter> but not in the read model" when it does.
   */
  missing: string[];
}

/** Acknowledged deaths whose consequences are not all in the read model. */
export async function deathsWithoutConsequences(
  appUrl: string,
  deaths: readonly Death[],
): Promise<UnfinishedDeath[]> {
  if (deaths.length === 0) return [];
  const client = new pg.Client({ connectionString: appUrl, application_name: 'spean-chaos' });
  await client.connect();
  try {
    // A subject is unfinished while any of their live records lacks its consequence;
    // the adapter's store tells whether the reaction ran but its record never arrived.
    const { rows } = await client.query<{
      subject: string;
      recordType: string;
      stored: string | null;
    }>(
      `SELECT r.subject_id AS subject, r.record_type AS "recordType",
              CASE WHEN a.version > r.version THEN a.adapter END AS stored
       FROM read_record r
       LEFT JOIN adapter_record a ON a.record_type = r.record_type AND a.record_id = r.record_id
       WHERE r.subject_id = ANY($1::text[]) AND NOT r.deleted AND (
         (r.record_type = 'person' AND (r.payload->>'alive')::boolean IS DISTINCT FROM false) OR
         (r.record_type = 'vehicle-registration' AND (r.payload->>'ownerDeceased')::boolean IS DISTINCT FROM true) OR
         (r.record_type = 'taxpayer' AND r.payload->>'status' IS DISTINCT FROM 'closed') OR
         (r.record_type = 'business-registration'
           AND (r.payload->>'soleOwnerDeceased')::boolean IS DISTINCT FROM true
           AND (SELECT array_agg(p->>'nationalId') FROM jsonb_array_elements(r.payload->'people') p
                WHERE p->'roles' ? 'owner') = ARRAY[r.subject_id]))`,
      [deaths.map((death) => death.subjectId)],
    );
    const missing = new Map<string, string[]>();
    for (const row of rows) {
      const list = missing.get(row.subject) ?? [];
      list.push(
        `${row.recordType} ${row.stored ? `stored by ${row.stored} but not in the read model` : 'never published'}`,
      );
      missing.set(row.subject, list);
    }
    return deaths
      .filter((death) => missing.has(death.subjectId))
      .map((death) => ({ ...death, missing: missing.get(death.subjectId)! }));
  } finally {
    await client.end();
  }
}

/** Where the system stood when it was last looked at, waiting for it to catch up. */
export interface CatchUp {
  quiet: boolean;
  /** Acknowledged records the read model did not hold yet. */
  missing: number;
  /** Messages the consumer groups had not read yet (-1: not counted, records were missing). */
  lag: number;
}

/**
 * Waits until the read model holds every acknowledged record and no consumer
 * group has anything left to read, twice in a row a second apart (a
 * reaction's output is published after its trigger is consumed); not quiet
 * when `timeoutMs` passes first, with what was still missing then. A death
 * whose consequences are still missing then will never get them: verify()
 * reports it.
 */
export async function waitForQuiescence(
  system: ChaosSystem,
  acks: readonly Ack[],
  timeoutMs: number,
): Promise<CatchUp> {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  let last: CatchUp = { quiet: false, missing: acks.length, lag: -1 };
  // At least one look, even with no time to wait.
  for (;;) {
    try {
      const missing = await missingFromReadModel(system.appUrl, acks);
      const lag = missing.length === 0 ? await withBus(system, (bus) => totalLag(bus)) : -1;
      last = { quiet: false, missing: missing.length, lag };
      quiet = lag === 0 ? quiet + 1 : 0;
      if (quiet === 2) return { ...last, quiet: true };
    } catch {
      quiet = 0; // the database or the broker is still coming back
    }
    if (Date.now() >= deadline) return last;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** The full verdict over everything acknowledged; run once the system is quiet. */
export async function verify(
  system: ChaosSystem,
  acks: readonly Ack[],
  deaths: readonly Death[],
): Promise<Verdict> {
  const rows = await readModel(system.appUrl);
  const events = await withBus(system, (bus) => eventsOnBus(bus));
  const records = classifyRecords(acks, rows, events);
  const unfinished = await deathsWithoutConsequences(system.appUrl, deaths);
  for (const death of unfinished)
    note(
      records.examples,
      'reactionsMissing',
      `death ${death.recordId} (acknowledged ${windowText(death.window)}): ${death.missing.join(', ')}`,
    );
  const deadLetterCount = await deadLetters(system);
  const auditExit = await auditVerify(system, (line) =>
    note(records.examples, 'auditVerify', line),
  );
  return {
    acknowledged: acks.length,
    lost: records.lostAcks.length,
    duplicated: records.duplicatedAcks.length,
    reactionsDuplicated: records.reactionsDuplicated,
    reactionsMissing: unfinished.length,
    deadLetters: deadLetterCount,
    auditVerify: auditExit,
    examples: records.examples,
    lostAcks: records.lostAcks,
    duplicatedAcks: records.duplicatedAcks,
  };
}

export interface RecordClassification {
  lostAcks: Ack[];
  duplicatedAcks: Ack[];
  reactionsDuplicated: number;
  examples: Record<string, string[]>;
}

/**
 * Sorts what was acknowledged against what the read model holds and what
 * the bus carried. `readModel` is keyed by `recordKey`, `busEvents` by
 * `versionKey`: the event ids each (record type, record id, version) was
 * published as.
 */
export function classifyRecords(
  acks: readonly Ack[],
  readModel: ReadonlyMap<string, ReadRow>,
  busEvents: ReadonlyMap<string, ReadonlySet<string>>,
): RecordClassification {
  const examples: Record<string, string[]> = {};
  const lostAcks: Ack[] = [];
  const duplicatedAcks: Ack[] = [];
  const acknowledged = new Set<string>();
  for (const ack of acks) {
    const at = versionKey(ack.recordType, ack.recordId, ack.version);
    acknowledged.add(at);
    const row = readModel.get(recordKey(ack.recordType, ack.recordId));
    if (!row || row.version < ack.version) {
      lostAcks.push(ack);
      const where = busEvents.has(at) ? 'on the bus, not applied' : 'never on the bus';
      note(examples, 'lost', `${label(ack.recordType, ack.version, [ack.eventId])}: ${where}`);
      continue;
    }
    const onBus = busEvents.get(at) ?? new Set<string>();
    // A newer version has replaced it: what was applied at its version is no longer visible.
    const applied = row.version === ack.version ? row.eventId : ack.eventId;
    if (onBus.size > 1 || applied !== ack.eventId) {
      duplicatedAcks.push(ack);
      note(
        examples,
        'duplicated',
        label(ack.recordType, ack.version, new Set([...onBus, applied])),
      );
    }
  }
  let reactionsDuplicated = 0;
  for (const [at, eventIds] of busEvents) {
    if (acknowledged.has(at) || eventIds.size < 2) continue;
    reactionsDuplicated++;
    const [recordType, , version] = at.split('\u0000');
    note(examples, 'reactionsDuplicated', label(recordType!, Number(version), eventIds));
  }
  return { lostAcks, duplicatedAcks, reactionsDuplicated, examples };
}

/** Keeps up to ten examples of each problem. */
function note(examples: Record<string, string[]>, problem: string, what: string): void {
  const list = (examples[problem] ??= []);
  if (list.length < 10) list.push(what);
}

function windowText(window: string): string {
  if (window === 'start') return 'before the first kill';
  if (window === 'end') return 'after the last kill';
  return `after a kill of ${window}`;
}

async function readModel(appUrl: string): Promise<Map<string, ReadRow>> {
  const client = new pg.Client({ connectionString: appUrl, application_name: 'spean-chaos' });
  await client.connect();
  try {
    const { rows } = await client.query<{
      recordType: string;
      recordId: string;
      version: number;
      eventId: string;
    }>(
      `SELECT record_type AS "recordType", record_id AS "recordId", version::float8 AS version,
              event_id::text AS "eventId"
       FROM read_record`,
    );
    return new Map(rows.map((row) => [recordKey(row.recordType, row.recordId), row]));
  } finally {
    await client.end();
  }
}

/** Opens the system's bus as the apps do (same transport, brokers and namespace). */
async function withBus<T>(system: ChaosSystem, use: (bus: EventBus) => Promise<T>): Promise<T> {
  const database = new Database({ url: system.appUrl, applicationName: 'spean-chaos' });
  const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
  try {
    const bus = await createEventBus({
      kafkaBrokers: system.kafkaBrokers ? [system.kafkaBrokers] : [],
      partitions: 6,
      clientId: 'spean-chaos',
      database,
      logger: quiet,
      ...(system.busNamespace ? { namespace: system.busNamespace } : {}),
    });
    try {
      return await use(bus);
    } finally {
      await bus.close();
    }
  } finally {
    await database.close();
  }
}

async function totalLag(bus: EventBus): Promise<number> {
  let lag = 0;
  for (const [group, recordTypes] of Object.entries(await consumerGroups()))
    lag += await bus.lag(group, recordTypes.map(topicFor));
  return lag;
}

let readers = 0;

/**
 * Every canonical message on the bus, read from the beginning by a consumer
 * group of its own: (record type, record id, version) → the event ids it was
 * published as.
 */
async function eventsOnBus(bus: EventBus): Promise<Map<string, Set<string>>> {
  const events = new Map<string, Set<string>>();
  const group = `chaos-ledger-${process.pid}-${Date.now().toString(36)}-${++readers}`;
  const topics = (await consumerGroups()).gateway!.map(topicFor);
  let lastMessageAt = Date.now();
  const subscription = await bus.subscribe({ group, topics, maxBatchSize: 1000 }, async (batch) => {
    lastMessageAt = Date.now();
    for (const message of batch) {
      const record = JSON.parse(message.value.toString('utf8')) as {
        recordType: string;
        recordId: string;
        version: number;
        eventId: string;
      };
      const at = versionKey(record.recordType, record.recordId, record.version);
      let ids = events.get(at);
      if (!ids) events.set(at, (ids = new Set()));
      ids.add(record.eventId);
    }
  });
  try {
    const deadline = Date.now() + 120_000;
    // Caught up when the group has nothing left to read and nothing came for a moment.
    while ((await bus.lag(group, topics)) > 0 || Date.now() - lastMessageAt < 1_000) {
      if (Date.now() > deadline) throw new Error('reading the bus back did not finish in 120 s');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await subscription.close();
  }
  return events;
}

/** Open dead letters in the dead-letter store (cheap enough to ask after every kill). */
export async function storedDeadLetters(appUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: appUrl, application_name: 'spean-chaos' });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM dead_letter WHERE status = 'open'`,
    );
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

/** Open dead letters: the dead-letter store is their one copy, whichever bus set them aside. */
function deadLetters(system: ChaosSystem): Promise<number> {
  return storedDeadLetters(system.appUrl);
}

/** `spean audit verify` against the system's database, with the gateway's signing key. */
function auditVerify(system: ChaosSystem, say: (line: string) => void): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [distPath('tools/spean.js'), 'audit', 'verify'], {
      cwd: REPOSITORY_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        DATABASE_URL: system.appUrl,
        DATA_DIR: system.gatewayDataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // It prints counts, seqs and problems only, never an entry's content.
    let output = '';
    for (const stream of [child.stdout, child.stderr])
      stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', () => resolve(null));
    child.on('close', (code) => {
      output.split('\n').filter(Boolean).slice(0, 5).forEach(say);
      resolve(code);
    });
  });
}
