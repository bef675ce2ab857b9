// `spean backfill <adapter> <file>`: a ministry's initial load, run by an
// operator on the server (with the database's credentials, like the other
// commands), straight into PostgreSQL in bulk rather than one HTTP request per
// batch (libs/adapter-sdk/src/backfill/backfill.ts says how). The file is
// canonical records, one JSON object a line (NDJSON), as `POST /v1/records`
// takes them: the record says its type, schema version and version, so the
// ordering rule (a newer version wins, an older never overwrites) needs no
// guessing, and a re-run is idempotent by record and version.
//
// Refused lines go to a rejects file beside the input (line, every issue's
// path, rule and message, and the line itself), not to the dead letters: they
// were never acknowledged nor on the log, and the operator, who holds the
// file, fixes them there and backfills the rejects file's lines again. The
// console shows counts, line numbers, paths and rules only — never a value.
// One audit entry per run says who loaded what (kind `backfill`).
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  ApprovalGuard,
  Backfill,
  BACKFILL_CHUNK,
  IntakeException,
  noBackfillCounts,
  OutboxRepository,
  readAdapterConfig,
  type AdapterDefinition,
  type BackfillCounts,
  type RejectedLine,
  type StagedChunk,
} from '#spean/adapter-sdk';
import { AdapterApprovals, AdapterKeyRepository } from '#spean/adapter-registry';
import { topicFor } from '#spean/bus';
import { recordSigner } from '#spean/contracts';
import { EnvReader } from '#spean/config';
import type { Transaction } from '#spean/persistence';
import { openPlatform, type Platform } from '#spean/platform';
import { ReadModelRepository } from '../apps/gateway/src/gateway.app.js';
import { ADAPTERS, isAdapterName } from './adapters.js';
import { cliActor } from './cli-actor.js';
import { say, usageOf, warn } from './cli-output.js';

export const BACKFILL_HELP = `  backfill <adapter> <file>     Load a ministry's records in bulk (an initial load): NDJSON, one canonical
                                record a line, as POST /v1/records takes them. Validated, kept in the
                                adapter's store and the gateway's read model by COPY, and published to
                                the log. Refused lines go to <file>.rejects.ndjson; safe to run again.
      [--as <name>]             Who is loading (audited; default: your login).
      [--rejects <path>]        Where to write the refused lines instead.
      [--chunk <n>]             Records per transaction (default ${BACKFILL_CHUNK.toLocaleString('en')}).
`;

const usage = usageOf(BACKFILL_HELP);
/** Refused lines named on the console; the rest are in the rejects file. */
const SHOWN_REJECTS = 10;

type Outcome = 'completed' | 'refused' | 'failed';

export async function backfillCommand(
  args: string[],
  /** The settings (an adapter's: DATABASE_URL, ADAPTER_SIGNING_KEY_FILE …); the process's unless told. */
  env = new EnvReader(),
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        as: { type: 'string' },
        rejects: { type: 'string' },
        chunk: { type: 'string' },
      },
    });
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [adapter, file] = positionals;
  if (!adapter || !isAdapterName(adapter))
    return usage(`backfill needs an adapter: ${Object.keys(ADAPTERS).join(', ')}`);
  if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile())
    return usage('backfill needs the path of an existing NDJSON file');
  const chunkSize = Number(values.chunk ?? BACKFILL_CHUNK);
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > 200_000)
    return usage('--chunk must be a whole number from 1 to 200000');
  const rejectsFile = values.rejects ?? `${file.replace(/\.(nd)?jsonl?$/i, '')}.rejects.ndjson`;
  const definition: AdapterDefinition = ADAPTERS[adapter];
  const config = readAdapterConfig(definition, env);
  const quiet = { log: () => undefined, warn, error: warn };
  const platform = await openPlatform(config, { name: 'spean-backfill', logger: quiet });
  try {
    const readModel = new ReadModelRepository(platform.database);
    return await run(
      platform,
      definition,
      (tx, stage, staged) => readModel.applyStaged(tx, stage, staged),
      {
        file,
        rejectsFile,
        chunkSize,
        as: values.as,
        signingKeyFile: config.signingKeyFile,
      },
    );
  } finally {
    await platform.close();
  }
}

async function run(
  platform: Platform,
  definition: AdapterDefinition,
  landInReadModel: (tx: Transaction, stage: string, staged: StagedChunk) => Promise<number>,
  options: {
    file: string;
    rejectsFile: string;
    chunkSize: number;
    as?: string;
    signingKeyFile: string;
  },
): Promise<number> {
  const { database, audit, schemas, bus } = platform;
  const actor = cliActor(options.as);
  const approvals = new AdapterApprovals(database, { log: { warn } });
  await approvals.start();
  const hash = createHash('sha256');
  const input = fs.createReadStream(options.file);
  const hashed = input.pipe(hashing(hash));
  const rejects = new RejectsFile(options.rejectsFile);
  const progress = new Progress(fs.statSync(options.file).size, () => input.bytesRead);
  let counts: BackfillCounts | undefined;
  let outcome: Outcome = 'completed';
  let reason: string | undefined;
  const started = performance.now();
  try {
    const signer = recordSigner(await signingKey(definition.name, options.signingKeyFile));
    await approvedKey(database, definition.name, signer.keyId);
    await bus.ensureTopics(definition.publishes.map(topicFor));
    const backfill = new Backfill({
      definition,
      guard: new ApprovalGuard(definition, approvals, audit),
      validator: schemas.validator,
      database,
      outbox: new OutboxRepository(database, definition.name),
      bus,
      signer,
    });
    counts = await backfill.run({
      actor,
      input: hashed,
      chunkSize: options.chunkSize,
      onRejected: (line) => rejects.write(line),
      land: landInReadModel,
      onProgress: (now) => progress.update(now),
      onBusRefused: (error) => warn(busRefused(definition.name, error)),
    });
  } catch (error) {
    ({ outcome, reason } = endedBy(error));
  } finally {
    for (const stream of [input, hashed]) stream.destroy();
    await Promise.all([rejects.close(), approvals.stop()]);
  }
  const done = counts ?? progress.last;
  // A run stopped early has not read the whole file: its hash is taken again, whole.
  const sha256 = outcome === 'completed' ? hash.digest('hex') : await hashFile(options.file);
  await audit.append({
    kind: 'backfill',
    actorClient: actor.clientId,
    actorAgency: actor.agencyId,
    details: {
      ...runDetails(definition.name, options.file, sha256, outcome, done),
      ...(reason ? { reason } : {}),
    },
  });
  progress.done();
  return report(
    rejects,
    options.rejectsFile,
    done,
    (performance.now() - started) / 1000,
    outcome,
    reason,
  );
}

function busRefused(adapter: string, error: unknown): string {
  const why = error instanceof Error ? error.message : String(error);
  return `the bus refused a chunk (${why}); its records are kept and the ${adapter} adapter's relay sends them`;
}

/** Passes the file's bytes on, hashing them as they go (and at the backfill's pace). */
function hashing(hash: ReturnType<typeof createHash>): Transform {
  return new Transform({
    transform(bytes: Buffer, _encoding, done) {
      hash.update(bytes);
      done(null, bytes);
    },
  });
}

/** How an error ended the run: a refusal says why; a failure, only its kind (it may quote a value). */
function endedBy(error: unknown): { outcome: Outcome; reason: string } {
  if (error instanceof IntakeException || error instanceof BackfillRefusal)
    return { outcome: 'refused', reason: error.message };
  warn(`backfill: ${error instanceof Error ? error.message : String(error)}`);
  return { outcome: 'failed', reason: error instanceof Error ? error.name : 'error' };
}

/** What the audit entry says of a run: counts and names, never a record's value. */
function runDetails(
  adapter: string,
  file: string,
  sha256: string,
  outcome: Outcome,
  done: BackfillCounts,
): Record<string, unknown> {
  return {
    adapter,
    file: path.basename(file),
    sha256,
    outcome,
    lines: done.lines,
    written: done.written,
    unchanged: done.unchanged,
    rejected: done.rejected,
    readModelApplied: done.landed,
    leftToRelay: done.leftToRelay,
    recordTypes: done.recordTypes,
  };
}

/** Tells the operator how the run ended; returns the exit status. */
function report(
  rejects: RejectsFile,
  rejectsFile: string,
  done: BackfillCounts,
  seconds: number,
  outcome: Outcome,
  reason: string | undefined,
): number {
  for (const shown of rejects.shown) warn(shown);
  if (rejects.count > rejects.shown.length)
    warn(`… and ${rejects.count - rejects.shown.length} more refused line(s)`);
  if (outcome === 'refused') {
    warn(`backfill refused: ${reason}`);
    say(summary(done, seconds, 'before the refusal'));
    return 1;
  }
  if (outcome === 'failed') {
    say(summary(done, seconds, 'before the failure'));
    return 1;
  }
  say(summary(done, seconds, 'in all') + (done.rejected > 0 ? ` — see ${rejectsFile}` : ''));
  return done.rejected > 0 ? 3 : 0;
}

function summary(counts: BackfillCounts, seconds: number, when: string): string {
  const rate = seconds > 0 ? Math.round(counts.lines / seconds) : 0;
  return (
    `${counts.lines} lines ${when} in ${seconds.toFixed(1)} s (${rate} lines/s): ${counts.written} written and published, ` +
    `${counts.unchanged} unchanged, ${counts.rejected} refused; ${counts.landed} applied to the read model`
  );
}

/** A refusal of the run itself (before any line), as the audit entry records it. */
class BackfillRefusal extends Error {}

async function signingKey(adapter: string, file: string): Promise<KeyObject> {
  if (!fs.existsSync(file)) {
    throw new BackfillRefusal(
      `the ${adapter} adapter's signing key (${file}) does not exist: start the adapter once, which makes and proposes it, or set ADAPTER_SIGNING_KEY_FILE`,
    );
  }
  return createPrivateKey(fs.readFileSync(file));
}

/** Consumers apply only what an approved key signed: a backfill signed otherwise would be refused by all of them. */
async function approvedKey(
  database: Platform['database'],
  adapter: string,
  keyId: string,
): Promise<void> {
  const key = await new AdapterKeyRepository(database).get(keyId);
  if (
    key?.adapter === adapter &&
    key.state === 'approved' &&
    (!key.notAfter || key.notAfter > new Date())
  )
    return;
  throw new BackfillRefusal(
    `the ${adapter} adapter's signing key ${keyId} is ${key ? key.state : 'unknown to the registry'}: consumers would refuse what it signs (a steward approves it: spean adapters approve-key ${keyId})`,
  );
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const bytes of fs.createReadStream(file)) hash.update(bytes as Buffer);
  return hash.digest('hex');
}

/** Refused lines, one JSON object a line; made on the first refusal. */
class RejectsFile {
  count = 0;
  readonly shown: string[] = [];
  private out?: fs.WriteStream;

  constructor(private readonly file: string) {}

  async write(rejected: RejectedLine): Promise<void> {
    this.count++;
    if (this.shown.length < SHOWN_REJECTS) {
      const where = rejected.issues.map((issue) => `${issue.path || '/'} (${issue.rule})`);
      this.shown.push(`line ${rejected.line}: ${where.join(', ')}`);
    }
    this.out ??= fs.createWriteStream(this.file, { encoding: 'utf8' });
    if (!this.out.write(`${JSON.stringify(rejected)}\n`))
      await new Promise<void>((resolve) => this.out!.once('drain', () => resolve()));
  }

  async close(): Promise<void> {
    const out = this.out;
    if (!out) return;
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}

/** Progress on standard error: a bar on a terminal, a line every 5 s otherwise. */
class Progress {
  last: BackfillCounts = noBackfillCounts();
  private shownAt = 0;
  private readonly out = process.stderr;

  constructor(
    private readonly size: number,
    private readonly read: () => number,
  ) {}

  update(counts: BackfillCounts): void {
    this.last = counts;
    const now = Date.now();
    if (now - this.shownAt < (this.out.isTTY ? 200 : 5000)) return;
    this.shownAt = now;
    this.out.write(`${this.out.isTTY ? '\r' : ''}${this.line()}${this.out.isTTY ? '' : '\n'}`);
  }

  done(): void {
    if (this.out.isTTY) this.out.write('\n');
  }

  private line(): string {
    const share = this.size === 0 ? 1 : Math.min(1, this.read() / this.size);
    return `${String(Math.round(share * 100)).padStart(3)}%  ${this.last.lines} lines, ${this.last.written} written, ${this.last.rejected} refused`;
  }
}
