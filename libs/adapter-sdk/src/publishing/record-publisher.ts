// The one path by which an adapter publishes: validate every record against
// exactly the schema version it names, stamp the adapter as its source, give
// it an event id, keep it in the adapter's store and put it on the bus.
// Intake, CSV import and life-event reactions all publish through
// Publishing.publish (publish.ts), which checks what the adapter may publish
// before it calls prepare() and publish() here.
//
// Keeping and publishing are one step (a transactional outbox). The store
// rows and one outbox row per message are written in ONE transaction; once it
// commits the records are never lost. Then, on the fast path, the publisher
// sends the messages itself and deletes their outbox rows when the bus
// acknowledges, so a healthy bus costs an insert and a delete per batch. If
// the bus refuses, the rows are given back to the adapter's relay
// (outbox-relay.ts), which sends them, oldest first per key, retrying with a
// back-off until acknowledged; if the process dies first, the rows' lease
// lapses and the relay of the next process sends them. The fast path and the
// relay never send one row at once: the publisher holds a lease on the rows it
// wrote (set in the same INSERT), the relay takes only unleased rows, and a
// row whose key has an older row waiting is left to the relay, so a subject's
// records reach the bus in the order they were kept. A crash after the bus
// acknowledged and before the delete, or a bus that holds a send past the
// lease, sends a record twice, which consumers absorb (they apply by
// version); nothing kept is ever dropped.
//
// So publish() resolves once the records are kept — not only once the bus
// holds them: an intake answers 202 for what is durable here and will be on
// the bus (a re-import finds it unchanged and rightly adds nothing), and a
// publisher retrying after an error (nothing was kept) adds no second version.
// It waits for the bus for at most a bound, to keep intake's latency honest
// when a broker hangs.
//
// On the embedded bus, whose log is in the adapter's own database, there is
// no outbox round trip: the messages are appended to the log in the same
// transaction that keeps the records (last, as its partition locks are held
// to the commit), so kept and published commit together or not at all. Only
// a message whose key has an older one still waiting in the outbox (left
// from before, or by a bus that refused) joins it there, for the relay, so a
// key's messages keep their order. The outbox's insert, its delete and the
// bus's own transaction were a third of an embedded intake's time under
// background ingest.
//
// Every message is signed here, with the adapter's own key, before it is
// kept — a batch's messages with one signature over their Merkle root, each
// with its proof (record-signature.ts in the contracts): the outbox stores the signed value and its headers, so what the relay
// sends later (after a crash, in another process) carries the same signature,
// and so does a dead letter replayed from it. Consumers apply only what
// verifies (see record-signature.ts in the contracts for what is signed).
import { Logger } from '@nestjs/common';
import { topicFor, type EventBus, type OutgoingMessage } from '#spean/bus';
import { signValues, storedRecordHead, withSignature, type RecordSigner } from '#spean/contracts';
import type { Metrics } from '#spean/observability';
import type { Database, Queryable } from '#spean/persistence';
import type { LineageRecorder, RecordValidator } from '#spean/schema-registry';
import type { AdapterDefinition } from '../adapter-definition.js';
import {
  IntakeException,
  IntakeExceptionCode,
  type RecordIssue,
} from '../intake/intake.exception.js';
import type {
  AdapterRecordRepository,
  KeptVerdict,
  RecordToStore,
} from '../store/adapter-record.repository.js';
import { OUTBOX_DEFAULTS, type OutboxSettings } from './outbox-relay.js';
import { prepareRecords, type Preparation, type PreparedRecord } from './prepare-records.js';
import { deliver, type OutboxEntry, type OutboxRepository } from './outbox.repository.js';

export type { Preparation, PreparedRecord } from './prepare-records.js';

/** Where kept records wait for the bus, and who sends what the publisher could not. */
export interface PublisherOutbox {
  /** The adapter's database: the store and the outbox are written in one of its transactions. */
  database: Database;
  outbox: OutboxRepository;
  /**
   * Told when messages were left for it, so it sends them now rather than at
   * its next poll; and when the bus took a send, so it ends a back-off.
   */
  relay?: { nudge(): void; busAnswered(): void };
  settings?: Partial<Pick<OutboxSettings, 'leaseMs' | 'fastPathWaitMs'>>;
}

/** How publish() treats a version already kept (see publish). */
export interface PublishRules {
  conflicts?: 'refuse' | 'leave';
  newestOnly?: boolean;
}

export interface PublishedRecords {
  /** The records kept (or found kept already), in input order. */
  published: PreparedRecord[];
  /** Their event ids: for a resend, the one kept. */
  eventIds: string[];
  /** Records whose version is kept with other content (with 'leave'). */
  conflicts: RecordIssue[];
}

export class RecordPublisher {
  private readonly logger: Logger;
  private readonly leaseMs: number;
  private readonly fastPathWaitMs: number;

  constructor(
    private readonly definition: AdapterDefinition,
    private readonly validator: RecordValidator,
    private readonly store: AdapterRecordRepository,
    private readonly bus: EventBus,
    private readonly metrics: Metrics,
    private readonly lineage: LineageRecorder | undefined,
    private readonly delivery: PublisherOutbox,
    private readonly signer: RecordSigner,
  ) {
    this.logger = new Logger(`${definition.name}-publisher`);
    this.leaseMs = delivery.settings?.leaseMs ?? OUTBOX_DEFAULTS.leaseMs;
    this.fastPathWaitMs = delivery.settings?.fastPathWaitMs ?? OUTBOX_DEFAULTS.fastPathWaitMs;
  }

  /** Validates each input on its own; valid ones come back ready, the rest as issues. */
  prepare(inputs: readonly unknown[]): Preparation {
    return prepareRecords(inputs, this.definition.name, this.validator);
  }

  /**
   * Keeps the records and their messages in one transaction, then sends the
   * messages; resolves once they are kept (see the header).
   *
   * One version of a record has one content. A record whose version is kept
   * already — a resend, with its event id or its content — is answered with
   * the kept event id and sent nothing twice. One whose version is kept with
   * other content is a conflict: with `conflicts: 'refuse'` nothing is kept
   * and VERSION_CONFLICT is thrown; with 'leave' the others are kept and the
   * conflicts returned. With `newestOnly`, a record older than the kept one is
   * a conflict too (a reaction computed it from what it read, which is stale);
   * otherwise it is published as before, and consumers skip it by version.
   */
  async publish(
    prepared: readonly PreparedRecord[],
    { conflicts = 'refuse', newestOnly = false }: PublishRules = {},
  ): Promise<PublishedRecords> {
    if (prepared.length === 0) return { published: [], eventIds: [], conflicts: [] };
    const { database } = this.delivery;
    const { verdicts, found, leased, waiting } = await database.transaction(async (tx) => {
      const verdicts = await this.store.save(prepared.map(toStored), tx);
      const found = conflictsOf(prepared, verdicts, newestOnly);
      if (found.length > 0 && conflicts === 'refuse') {
        throw new IntakeException(
          IntakeExceptionCode.VERSION_CONFLICT,
          `${found.length} of ${prepared.length} record(s) name a version already kept with other content; nothing was published`,
          { issues: found },
        );
      }
      const sending = prepared.filter(
        (_, i) => sends(verdicts[i]!) && !isConflict(verdicts[i]!, newestOnly),
      );
      return {
        verdicts,
        found,
        ...(await this.keep(tx, signedMessages(sending, this.signer))),
      };
    });
    if (waiting > 0) this.delivery.relay?.nudge();
    await this.sendNow(leased);
    const result: PublishedRecords = { published: [], eventIds: [], conflicts: found };
    prepared.forEach((each, i) => {
      const verdict = verdicts[i]!;
      if (isConflict(verdict, newestOnly)) return;
      result.published.push(each);
      result.eventIds.push(verdict.kept === 'same' ? verdict.eventId : each.record.eventId);
      if (sends(verdict)) this.observe(each);
    });
    return result;
  }

  /**
   * The messages' way to the bus, in the publishing transaction: on a log in
   * this database (the embedded bus), appended to it right there — but a
   * key with an older message waiting in the outbox, whose message waits
   * behind it for the relay; otherwise into the outbox, leased for the fast
   * path.
   */
  private async keep(
    tx: Queryable,
    messages: OutgoingMessage[],
  ): Promise<{ leased: OutboxEntry[]; waiting: number }> {
    const { outbox } = this.delivery;
    const log = this.bus.transactionalLog;
    if (!log) return outbox.add(tx, messages, this.leaseMs);
    const waitingKeys = await outbox.waitingKeys(
      tx,
      messages.map((message) => message.key),
    );
    const behind = messages.filter((message) => waitingKeys.has(message.key));
    // Leased to nobody (a lease that lapses at once): the relay's from the commit on.
    if (behind.length > 0) await outbox.add(tx, behind, 0);
    // Last: the log's partition locks are held until the commit.
    await log.append(
      tx,
      messages.filter((message) => !waitingKeys.has(message.key)),
    );
    return { leased: [], waiting: behind.length };
  }

  private observe({ record, deprecated }: PreparedRecord): void {
    const source = this.definition.name;
    this.metrics.recordsPublished.inc({ source, record_type: record.recordType });
    this.lineage?.observe(source, 'publishes', record.recordType, record.schemaVersion);
    if (deprecated) {
      this.metrics.deprecatedPublished.inc({
        source,
        record_type: record.recordType,
        schema_version: String(record.schemaVersion),
      });
    }
  }

  /**
   * The fast path: sends what this publisher holds the lease on, and forgets
   * it once acknowledged; a refusal hands it to the relay. Waits for the bus's
   * acknowledgement (not for the rows to be forgotten) at most
   * fastPathWaitMs; what is still in flight then finishes on its own.
   */
  private async sendNow(leased: OutboxEntry[]): Promise<void> {
    if (leased.length === 0) return;
    const { outbox, relay } = this.delivery;
    const onBus = Promise.withResolvers<void>();
    const sending = deliver(this.bus, outbox, leased, onBus.resolve).then(
      () => relay?.busAnswered(),
      (error: unknown) => {
        // Refused (the rows are the relay's again), or sent but not forgotten (sent again later).
        this.logger.warn(
          `sending ${leased.length} kept record(s) did not finish; the outbox relay will see to them: ${describe(error)}`,
        );
        relay?.nudge();
      },
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      onBus.promise,
      sending,
      new Promise((resolve) => (timer = setTimeout(resolve, this.fastPathWaitMs))),
    ]);
    clearTimeout(timer);
  }
}

/** Written, or older than what is kept: on its way to the bus. A resend is not sent again. */
function sends(verdict: KeptVerdict): boolean {
  return verdict.kept === 'written' || verdict.kept === 'older';
}

function isConflict(verdict: KeptVerdict, newestOnly: boolean): boolean {
  return verdict.kept === 'conflict' || (newestOnly && verdict.kept === 'older');
}

function conflictsOf(
  prepared: readonly PreparedRecord[],
  verdicts: readonly KeptVerdict[],
  newestOnly: boolean,
): RecordIssue[] {
  return prepared.flatMap(({ index, record }, i) => {
    const verdict = verdicts[i]!;
    if (!isConflict(verdict, newestOnly)) return [];
    const stored = 'storedVersion' in verdict ? verdict.storedVersion : record.version;
    return [
      {
        index,
        path: '/version',
        rule: 'version-taken',
        message: `version ${record.version} of ${record.recordType} ${record.recordId} is not newer than the kept version ${stored}, which has other content; publish version ${stored + 1}`,
      },
    ];
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function toStored({ record, relatedSubjects }: PreparedRecord): RecordToStore {
  return {
    ...storedRecordHead(record, relatedSubjects),
    deleted: record.op === 'delete',
    payload: record.payload ?? null,
    eventId: record.eventId,
    occurredAt: record.occurredAt,
  };
}

/**
 * The records' messages on the bus: their JSON bytes, signed with the
 * adapter's key a topic at a time, so a consumer of one topic (a reaction
 * to life events) finds whole runs of its own records under each signature
 * it checks, not a few among others it never sees.
 */
export function signedMessages(
  prepared: readonly PreparedRecord[],
  signer: RecordSigner,
): OutgoingMessage[] {
  const messages = prepared.map(unsignedMessage);
  const byTopic = new Map<string, number[]>();
  messages.forEach((message, i) => {
    const indexes = byTopic.get(message.topic);
    if (indexes) indexes.push(i);
    else byTopic.set(message.topic, [i]);
  });
  const signed: OutgoingMessage[] = new Array(messages.length);
  for (const indexes of byTopic.values()) {
    const signatures = signValues(
      signer,
      indexes.map((i) => messages[i]!.value),
    );
    indexes.forEach((i, n) => {
      const message = messages[i]!;
      signed[i] = {
        ...message,
        headers: withSignature(signer.keyId, signatures[n]!, message.headers),
      };
    });
  }
  return signed;
}

function unsignedMessage({
  record,
}: PreparedRecord): OutgoingMessage & { headers: Record<string, string> } {
  return {
    topic: topicFor(record.recordType),
    key: record.subjectId,
    value: Buffer.from(JSON.stringify(record)),
    headers: {
      'record-type': record.recordType,
      'schema-version': String(record.schemaVersion),
      'event-id': record.eventId,
      source: record.source,
    },
  };
}
