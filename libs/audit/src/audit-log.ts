// The audit log writer, with group commit: an append resolves only once its
// entry is committed, and appends that arrive while a batch is in flight wait
// and go together in the next one — one lock of the chain head, one insert and
// one commit for many entries. A writer that knows the head (it wrote the last
// batch, or was told the head when another writer had moved it) sends the
// batch hashed onto it in one round trip, commit included; otherwise, and for
// a batch that seals a checkpoint, it takes three (begin with the lock and
// the head; the insert and checkpoint; commit). A failed batch rejects every
// append in it: the caller must then refuse the action it was about to audit.
import type { Database } from '#spean/persistence';
import {
  AUDIT_KINDS,
  type AuditEntry,
  type AuditEntryInput,
  type AuditPerson,
  type AuditSigner,
  type JsonValue,
} from './audit-entry.js';
import { AuditException, AuditExceptionCode } from './audit.exception.js';
import { checkpointMessage, GENESIS_HASH, hashEntry } from './audit-hash.js';
import { AuditRepository, type ChainHead } from './audit.repository.js';

export interface AuditLogOptions {
  /** Most entries in one transaction (default 1000). */
  maxBatch?: number;
  /** Seal the chain with a signed checkpoint at every seq divisible by this (default 1000). */
  checkpointEvery?: number;
  /** Without one, no checkpoints are written. */
  signer?: AuditSigner;
}

type Fields = Omit<AuditEntry, 'seq' | 'at' | 'prevHash' | 'hash'>;

interface Pending {
  fields: Fields;
  resolve(result: { seq: number }): void;
  reject(error: unknown): void;
}

export class AuditLog {
  private readonly repository: AuditRepository;
  private readonly maxBatch: number;
  private readonly checkpointEvery: number;
  private readonly queue: Pending[] = [];
  private running: Promise<void> | undefined;
  private closed = false;
  private counts = { batches: 0, entries: 0 };
  /** The chain head as this writer last committed or saw it; undefined until first known. */
  private head: ChainHead | undefined;

  constructor(
    private readonly db: Database,
    private readonly options: AuditLogOptions = {},
  ) {
    this.repository = new AuditRepository(db);
    this.maxBatch = positive(options.maxBatch ?? 1000, 'maxBatch');
    this.checkpointEvery = positive(options.checkpointEvery ?? 1000, 'checkpointEvery');
  }

  /** Committed batches and entries so far, for monitoring (and to prove batching). */
  get stats(): { batches: number; entries: number } {
    return { ...this.counts };
  }

  append(input: AuditEntryInput): Promise<{ seq: number }> {
    if (this.closed)
      return Promise.reject(
        new AuditException(AuditExceptionCode.CLOSED, 'the audit log is closed'),
      );
    let fields: Fields;
    try {
      fields = normalise(input);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ fields, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Seal the chain head with a signed checkpoint if entries were appended since
   * the last one (by any writer: adapters and the CLI append without a key).
   * Returns the sealed seq, or undefined when there was nothing to seal.
   */
  async seal(): Promise<number | undefined> {
    const signer = this.options.signer;
    if (!signer) return undefined;
    return this.repository.inChain(this.db, async (tx, head) => {
      if (!head || head.seq <= (await this.repository.latestCheckpointSeq(tx))) return undefined;
      await this.repository.insertCheckpoint(tx, {
        seq: head.seq,
        hash: head.hash,
        signedAt: new Date(),
        keyId: signer.keyId,
        signature: signer.sign(checkpointMessage(head.seq, head.hash)).toString('base64url'),
      });
      return head.seq;
    });
  }

  /** Stop taking entries and wait until every queued one is committed or rejected. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.running) await this.running;
  }

  private schedule(): void {
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      // An append may have queued after the loop's last check.
      if (this.queue.length > 0) this.schedule();
    });
  }

  private async drain(): Promise<void> {
    // Let the rest of a synchronous burst of appends join the first batch.
    await Promise.resolve();
    while (this.queue.length > 0) await this.commit(this.queue.splice(0, this.maxBatch));
  }

  /** Never throws: settles every append of the batch. */
  private async commit(batch: Pending[]): Promise<void> {
    try {
      const entries = (await this.appendOntoKnownHead(batch)) ?? (await this.appendLocked(batch));
      this.head = { seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash };
      this.counts.batches += 1;
      this.counts.entries += entries.length;
      entries.forEach((entry, index) => batch[index]!.resolve({ seq: entry.seq }));
    } catch (error) {
      // Whether it was committed is not known: the head is read again next time.
      this.head = undefined;
      const failure = new AuditException(
        AuditExceptionCode.WRITE_FAILED,
        `the audit log could not commit a batch of ${batch.length} entries`,
        { cause: error },
      );
      for (const pending of batch) pending.reject(failure);
    }
  }

  /**
   * The usual path: the batch hashed onto the head this writer last wrote or
   * read, locked, checked, inserted and committed in one round trip. When
   * another writer (another gateway process, an adapter, the CLI) moved the
   * head, the batch is hashed onto the head found and sent again. Undefined
   * when the head is not known, or the batch seals a checkpoint: the locked path does that.
   */
  private async appendOntoKnownHead(batch: Pending[]): Promise<AuditEntry[] | undefined> {
    for (let attempt = 0; attempt < 3 && this.head; attempt++) {
      const entries = chain(batch, this.head);
      if (this.options.signer && entries.some((entry) => this.sealsCheckpoint(entry))) return;
      const answer = await this.repository.appendOnto(this.head, entries);
      if (answer.appended) return entries;
      this.head = answer.head;
    }
    return undefined;
  }

  /** Holds the chain lock in a transaction while it reads the head, inserts and seals. */
  private appendLocked(batch: Pending[]): Promise<AuditEntry[]> {
    return this.repository.inChain(this.db, async (tx, head) => {
      const chained = chain(batch, head ?? { seq: 0, hash: GENESIS_HASH });
      await this.repository.insertEntries(tx, chained);
      const signer = this.options.signer;
      if (signer) {
        for (const entry of chained) {
          if (!this.sealsCheckpoint(entry)) continue;
          await this.repository.insertCheckpoint(tx, {
            seq: entry.seq,
            hash: entry.hash,
            signedAt: entry.at,
            keyId: signer.keyId,
            signature: signer.sign(checkpointMessage(entry.seq, entry.hash)).toString('base64url'),
          });
        }
      }
      return chained;
    });
  }

  private sealsCheckpoint(entry: AuditEntry): boolean {
    return entry.seq % this.checkpointEvery === 0;
  }
}

/** The batch's entries hashed one onto the other, the first onto `head`. */
function chain(batch: Pending[], head: ChainHead): AuditEntry[] {
  let { seq, hash: prevHash } = head;
  // One time per batch, so at never goes backwards along the chain within a process.
  const at = new Date();
  return batch.map(({ fields }): AuditEntry => {
    seq += 1;
    const hash = hashEntry({ ...fields, seq, at, prevHash });
    const entry = { ...fields, seq, at, prevHash, hash };
    prevHash = hash;
    return entry;
  });
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a whole number above 0`);
  return value;
}

// Checked here, per entry, so one bad entry is refused alone instead of failing
// the batch it would have joined. Text is stored as NFC; the hash covers the
// stored values.
function normalise(input: AuditEntryInput): Fields {
  const invalid = (message: string): never => {
    throw new AuditException(AuditExceptionCode.INVALID_ENTRY, message);
  };
  if (!(AUDIT_KINDS as readonly string[]).includes(input.kind))
    invalid(`kind must be one of ${AUDIT_KINDS.join(', ')}`);
  const required = (value: unknown, field: string): string => {
    if (typeof value !== 'string' || value.trim() === '') return invalid(`${field} is required`);
    return text(value, field);
  };
  const optional = (value: unknown, field: string): string | null => {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') return invalid(`${field} must be text`);
    return text(value, field);
  };
  const text = (value: string, field: string): string => {
    // PostgreSQL refuses NUL in text and lone surrogates in jsonb.
    if (!value.isWellFormed() || value.includes('\u0000'))
      invalid(`${field} holds text PostgreSQL cannot store`);
    return value.normalize('NFC');
  };
  const json = (value: unknown, field: string): JsonValue => {
    if (value === null || typeof value === 'boolean') return value;
    if (typeof value === 'string') return text(value, field);
    if (typeof value === 'number')
      return Number.isFinite(value) ? value : invalid(`${field} must be a finite number`);
    if (Array.isArray(value)) return value.map((item, index) => json(item, `${field}[${index}]`));
    if (typeof value === 'object') {
      const out: { [key: string]: JsonValue } = {};
      for (const [key, item] of Object.entries(value)) {
        if (item === undefined) continue;
        out[text(key, `${field} key`)] = json(item, `${field}.${key}`);
      }
      return out;
    }
    return invalid(`${field} must be JSON`);
  };
  const details = input.details ?? {};
  if (typeof details !== 'object' || details === null || Array.isArray(details))
    invalid('details must be an object');
  return {
    kind: input.kind,
    actorClient: required(input.actorClient, 'actorClient'),
    actorAgency: required(input.actorAgency, 'actorAgency'),
    actorPerson: person(input.actorPerson, required),
    subjectId: optional(input.subjectId, 'subjectId'),
    purpose: optional(input.purpose, 'purpose'),
    details: json(details, 'details'),
  };
}

/** Only the four named fields are kept: the hash covers exactly what is stored. */
function person(
  value: AuditPerson | null | undefined,
  required: (value: unknown, field: string) => string,
): AuditPerson | null {
  if (value === undefined || value === null) return null;
  const statedBy = value.statedBy;
  if (statedBy !== 'session' && statedBy !== 'client')
    throw new AuditException(
      AuditExceptionCode.INVALID_ENTRY,
      "actorPerson.statedBy must be 'session' or 'client'",
    );
  return {
    issuer: required(value.issuer, 'actorPerson.issuer'),
    subject: required(value.subject, 'actorPerson.subject'),
    name: required(value.name, 'actorPerson.name'),
    statedBy,
  };
}
