// A ministry's initial load, in bulk: canonical records, one JSON object a
// line (NDJSON), read as a stream and landed chunk by chunk. Each chunk takes
// the steps of publish() (publish.ts), set-based:
//   1. Check: the adapter must declare and be approved for every record type
//      and version in the chunk — the ApprovalGuard's rules, messages and
//      audited refusals. A refusal stops the backfill: chunks before it are
//      landed (they were allowed), nothing after it is.
//   2. Validate every record against the schema version it names
//      (prepareRecords: the same validator, compiled once per version). A bad
//      line is handed to onRejected with its line number and every issue's
//      path and rule; it was never acknowledged, so nothing is lost — the
//      operator fixes it and backfills the rejects.
//   3. Sign the records' messages with the adapter's key, as publish() does:
//      a run of up to 64 under one signature over their Merkle root.
//   4. One transaction: COPY the chunk into a staging table, merge it into the
//      adapter's store (newer versions only) with an outbox row per record
//      written, and into whatever `land` adds (the gateway's read model).
//   5. Once committed, send the chunk's messages to the bus and forget their
//      outbox rows (the publisher's fast path). If the process dies first, the
//      rows' lease lapses and the adapter's relay sends them: every consumer
//      (the other adapters' reactions) sees every record written. The read
//      model's consumer receives them too and skips them by version.
//      On the embedded bus, whose log is in the same database, step 4 appends
//      the chunk to the log itself, last in its transaction: kept, landed and
//      published commit together, and a process killed at any point leaves a
//      chunk either whole or absent — a re-run sends what is absent.
// A re-run is safe: a version kept already with the same content changes
// nothing and is not sent again; with other content it is a conflict, refused
// by line (rule version-taken). Memory is bounded by one chunk being read
// while the one before it lands.
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import type { EventBus } from '#spean/bus';
import type { RecordSigner } from '#spean/contracts';
import type { Database, Transaction } from '#spean/persistence';
import type { RecordValidator } from '#spean/schema-registry';
import type { AdapterDefinition } from '../adapter-definition.js';
import type { ApprovalGuard, RefusedActor } from '../approval/approval-guard.js';
import type { RecordIssue } from '../intake/intake.exception.js';
import { deliver, type OutboxRepository } from '../publishing/outbox.repository.js';
import { prepareRecords } from '../publishing/prepare-records.js';
import { signedMessages } from '../publishing/record-publisher.js';
import {
  BACKFILL_STAGE,
  BackfillStageRepository,
  type StagedChunk,
  type StagedRecord,
} from './backfill-stage.repository.js';

/** A refused line: its number in the file (from 1), its text, and why. */
export interface RejectedLine {
  line: number;
  text: string;
  issues: Array<Omit<RecordIssue, 'index'>>;
}

export interface BackfillCounts {
  /** Non-empty lines read. */
  lines: number;
  /** Records kept now and published. */
  written: number;
  /** Valid records whose version was kept already (the same content: a re-run), or older than the kept one. */
  unchanged: number;
  /** Lines refused: not JSON, invalid, or a version kept with other content. */
  rejected: number;
  /** Records that changed the read model (the `land` step). */
  landed: number;
  /** Records written but left in the outbox for the adapter's relay to send (the bus refused, or an older message of their key waited). */
  leftToRelay: number;
  /** Valid records by record type and schema version, e.g. { "person@1": 120 }. */
  recordTypes: Record<string, number>;
}

export interface BackfillOptions {
  actor: RefusedActor;
  input: Readable;
  /** Records per chunk (one transaction, one COPY). */
  chunkSize?: number;
  onRejected: (rejected: RejectedLine) => void | Promise<void>;
  /** Merges the staged chunk elsewhere in its transaction (the read model); returns how many changed. */
  land?: (tx: Transaction, stage: string, staged: StagedChunk) => Promise<number>;
  onProgress?: (counts: BackfillCounts) => void;
  /** The bus refused a chunk's messages (kept: the relay sends them later). */
  onBusRefused?: (error: unknown) => void;
}

export interface BackfillParts {
  definition: AdapterDefinition;
  guard: ApprovalGuard;
  validator: RecordValidator;
  database: Database;
  outbox: OutboxRepository;
  bus: EventBus;
  signer: RecordSigner;
  /** Told when messages were left for the relay (a key with an older message waiting). */
  relay?: { nudge(): void };
}

interface Chunk {
  lines: number[];
  texts: string[];
}

export const BACKFILL_CHUNK = 20_000;
/** Records validated and signed between two turns of the event loop. */
const PREPARE_SLICE = 500;

/** The counts of a backfill that has read nothing yet. */
export function noBackfillCounts(): BackfillCounts {
  return {
    lines: 0,
    written: 0,
    unchanged: 0,
    rejected: 0,
    landed: 0,
    leftToRelay: 0,
    recordTypes: {},
  };
}

export class Backfill {
  private readonly stage: BackfillStageRepository;

  constructor(private readonly parts: BackfillParts) {
    this.stage = new BackfillStageRepository(parts.definition.name);
  }

  /** Lands every line of `input`; resolves with the counts, or throws the refusal that stopped it. */
  async run(options: BackfillOptions): Promise<BackfillCounts> {
    const counts = noBackfillCounts();
    // The adapter as a whole must be approved before a line is read.
    await this.parts.guard.checkPublish(options.actor, []);
    const chunkSize = options.chunkSize ?? BACKFILL_CHUNK;
    const lines = readline.createInterface({ input: options.input, crlfDelay: Infinity });
    let chunk: Chunk = { lines: [], texts: [] };
    // One chunk lands while the next is read and validated.
    let landing: Promise<void> = Promise.resolve();
    let number = 0;
    const flush = async (): Promise<void> => {
      const full = chunk;
      chunk = { lines: [], texts: [] };
      const prepared = await this.prepare(full, options, counts);
      await landing;
      landing = this.land(prepared, options, counts);
      // Surface a landing failure now rather than after the next chunk.
      landing.catch(() => undefined);
    };
    try {
      for await (const text of lines) {
        number++;
        if (text.trim() === '') continue;
        counts.lines++;
        chunk.lines.push(number);
        chunk.texts.push(text);
        if (chunk.texts.length >= chunkSize) await flush();
      }
      if (chunk.texts.length > 0) await flush();
      await landing;
    } finally {
      lines.close();
      await landing.catch(() => undefined);
    }
    return counts;
  }

  /** Steps 1–3 for one chunk: check, validate, sign. Rejected lines are reported here. */
  private async prepare(
    chunk: Chunk,
    options: BackfillOptions,
    counts: BackfillCounts,
  ): Promise<StagedRecord[]> {
    const { definition, guard, validator, signer } = this.parts;
    const inputs: unknown[] = [];
    const rejected = new Map<number, RejectedLine>();
    const reject = (index: number, issue: Omit<RecordIssue, 'index'>): void => {
      let entry = rejected.get(index);
      if (!entry) {
        entry = { line: chunk.lines[index]!, text: chunk.texts[index]!, issues: [] };
        rejected.set(index, entry);
      }
      entry.issues.push(issue);
    };
    chunk.texts.forEach((text, index) => {
      try {
        inputs.push(JSON.parse(text));
      } catch {
        inputs.push(undefined);
        reject(index, { path: '', rule: 'json', message: 'the line is not JSON' });
      }
    });
    const notJson = new Set(rejected.keys());
    await guard.checkPublish(options.actor, inputs, (index) => `line ${chunk.lines[index]}`);
    // Validated and signed a slice at a time, giving way between slices: the
    // chunk before this one is being COPied meanwhile, and its stream is fed
    // from this same thread.
    const staged: StagedRecord[] = [];
    for (let start = 0; start < inputs.length; start += PREPARE_SLICE) {
      const slice = inputs.slice(start, start + PREPARE_SLICE);
      const { ready, issues } = prepareRecords(slice, definition.name, validator);
      for (const { index, ...issue } of issues)
        if (!notJson.has(start + index)) reject(start + index, issue);
      const prepared = ready.map((each) => ({ ...each, index: start + each.index }));
      const messages = signedMessages(prepared, signer);
      prepared.forEach((each, i) => {
        const key = `${each.record.recordType}@${each.record.schemaVersion}`;
        counts.recordTypes[key] = (counts.recordTypes[key] ?? 0) + 1;
        staged.push({
          line: chunk.lines[each.index]!,
          text: chunk.texts[each.index]!,
          prepared: each,
          message: messages[i]!,
        });
      });
      await new Promise((resolve) => setImmediate(resolve));
    }
    await this.report(rejected, options, counts);
    return staged;
  }

  /** Steps 4 and 5 for one chunk: stage, merge, commit, send. */
  private async land(
    records: StagedRecord[],
    options: BackfillOptions,
    counts: BackfillCounts,
  ): Promise<void> {
    if (records.length === 0) return;
    const { database, outbox, bus, relay } = this.parts;
    // A log in this database takes the chunk in its own transaction (step 5 then has nothing to send).
    const log = bus.transactionalLog;
    const { kept, landed } = await database.transaction(async (tx) => {
      const staged = await this.stage.stage(tx, records, log);
      const kept = await this.stage.keep(tx, records.length, staged, log ? 'log' : 'outbox');
      const landed = options.land ? await options.land(tx, BACKFILL_STAGE, staged) : 0;
      if (log) await this.stage.appendToLog(tx, log);
      return { kept, landed };
    });
    counts.written += kept.written;
    counts.landed += landed;
    counts.unchanged += records.length - kept.written - kept.conflicts.length;
    const byLine = new Map(records.map((record) => [record.line, record]));
    const conflicts = new Map<number, RejectedLine>();
    kept.conflicts.forEach(({ line, storedVersion }, index) => {
      const { prepared, text } = byLine.get(line)!;
      const { record } = prepared;
      conflicts.set(index, {
        line,
        text,
        issues: [
          {
            path: '/version',
            rule: 'version-taken',
            message: `version ${record.version} of ${record.recordType} ${record.recordId} is not newer than the kept version ${storedVersion}, which has other content; publish version ${storedVersion + 1}`,
          },
        ],
      });
    });
    await this.report(conflicts, options, counts);
    if (kept.waiting > 0) relay?.nudge();
    // Sent, and forgotten once acknowledged. Refused, they are kept all the
    // same: the adapter's relay sends them when their lease lapses.
    if (kept.leased.length > 0) {
      await deliver(bus, outbox, kept.leased).catch((error: unknown) => {
        counts.leftToRelay += kept.leased.length;
        options.onBusRefused?.(error);
      });
    }
    counts.leftToRelay += kept.waiting;
    options.onProgress?.(counts);
  }

  private async report(
    rejected: Map<number, RejectedLine>,
    options: BackfillOptions,
    counts: BackfillCounts,
  ): Promise<void> {
    for (const index of [...rejected.keys()].sort((a, b) => a - b)) {
      counts.rejected++;
      await options.onRejected(rejected.get(index)!);
    }
  }
}
