// Keeps the read model current: every canonical record from the bus is
// decoded once, through the consumer's checked decoder (its signature checked
// on the bytes before, its source's claims after: record-verifier.ts),
// validated again (the gateway trusts no publisher blindly) and applied when
// its version is newer. A record that can never apply goes to the dead letters
// with its reason; a database fault is thrown so the bus delivers it again.
//
// A large batch is a catch-up or a bulk load — `spean backfill` lands its
// records in the model itself, and the bus then brings every one of them
// here. Before its signatures are checked, such a batch is looked up by
// record, version and event id, and a message naming exactly the record the
// model holds (same version, same event id) is skipped as stale, unverified:
// it would change nothing, so its signature check, schema validation and
// upsert would only have decided which way it changed nothing. The value is
// parsed once, for the look-up, and that parse is the decoder's. Anything else — an
// older version, another event id — is verified as always, so a forged
// message still becomes a dead letter that stewards see, however stale.
import type { CheckedDecoder } from '#spean/adapter-registry';
import { storedRecordHead, type PublishedRecord } from '#spean/contracts';
import { CITIZEN_SECTIONS } from '#spean/access';
import {
  topicFor,
  type BatchOutcome,
  type ConsumedMessage,
  type DeadLetterVerdict,
} from '#spean/bus';
import type { Metrics } from '#spean/observability';
import {
  decodeCanonicalMessage,
  parseValue,
  type LineageRecorder,
  type ParsedValue,
  type RecordValidator,
} from '#spean/schema-registry';
import type { ReadModelRepository, ReadRecord } from './read-model.repository.js';

export const READ_MODEL_GROUP = 'gateway';

/** Batches of at least this many are looked up for records held already (a live record comes alone). */
export const STALE_CHECK_BATCH = 100;

interface RecordHead {
  recordType: string;
  recordId: string;
  version: number;
  eventId: string;
  schemaVersion: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The topics the read model consumes: one per record type a citizen section shows. */
export function readModelTopics(): string[] {
  return [...new Set(CITIZEN_SECTIONS.map((section) => topicFor(section.recordType)))];
}

export class ReadModelService {
  constructor(
    private readonly repository: ReadModelRepository,
    private readonly validator: RecordValidator,
    private readonly metrics: Metrics,
    private readonly lineage?: LineageRecorder,
  ) {}

  async applyBatch(batch: ConsumedMessage[], decoder: CheckedDecoder): Promise<BatchOutcome> {
    const deadLetters: DeadLetterVerdict[] = [];
    const records: ReadRecord[] = [];
    const { messages, parsed, held } = await this.withoutHeld(batch);
    // All at once: their signatures are checked on the thread pool side by side; kept in order.
    const decodings = await Promise.all(
      messages.map((message, index) =>
        decoder(message, (each) =>
          decodeCanonicalMessage(each.value, each.key, this.validator, parsed?.[index]),
        ),
      ),
    );
    decodings.forEach((decoded, index) => {
      const message = messages[index]!;
      if (!decoded.ok) deadLetters.push({ message, reason: decoded.reason, code: decoded.code });
      else records.push(this.readRecord(decoded.record, decoded.relatedSubjects));
    });
    const changed = await this.repository.apply(records);
    this.count(records, deadLetters, changed);
    this.countHeld(held);
    return { deadLetters };
  }

  /**
   * A large batch less the messages naming exactly a record the model holds
   * (see the top of the file); a small one whole. A message whose
   * head cannot be read is kept: decoding it says why it is a dead letter.
   */
  private async withoutHeld(batch: ConsumedMessage[]): Promise<{
    messages: ConsumedMessage[];
    /** Each message's value as read for its head, so it is parsed once. */
    parsed?: ParsedValue[];
    held: RecordHead[];
  }> {
    if (batch.length < STALE_CHECK_BATCH) return { messages: batch, held: [] };
    const parsed = batch.map((message) => parseValue(message.value));
    const heads = parsed.map(headOf);
    const readable = heads.flatMap((head, index) => (head ? [{ ...head, index }] : []));
    const positions = await this.repository.heldAlready(readable);
    if (positions.length === 0) return { messages: batch, parsed, held: [] };
    const skipped = new Set(positions.map((position) => readable[position]!.index));
    const kept = (_: unknown, index: number): boolean => !skipped.has(index);
    return {
      messages: batch.filter(kept),
      parsed: parsed.filter(kept),
      held: [...skipped].map((index) => heads[index]!),
    };
  }

  private readRecord(record: PublishedRecord, relatedSubjects: string[]): ReadRecord {
    this.lineage?.observe(READ_MODEL_GROUP, 'consumes', record.recordType, record.schemaVersion);
    return {
      ...storedRecordHead(record, relatedSubjects),
      op: record.op,
      payload: record.payload ?? null,
      source: record.source,
      eventId: record.eventId,
      occurredAt: record.occurredAt,
    };
  }

  /** Messages skipped as the records held already: received, and stale. */
  private countHeld(held: RecordHead[]): void {
    if (held.length === 0) return;
    const consumed = this.metrics.recordsConsumed;
    for (const head of held) {
      if (typeof head.schemaVersion === 'number')
        this.lineage?.observe(READ_MODEL_GROUP, 'consumes', head.recordType, head.schemaVersion);
      consumed.inc({ group: READ_MODEL_GROUP, record_type: head.recordType, outcome: 'received' });
    }
    consumed.inc({ group: READ_MODEL_GROUP, record_type: 'any', outcome: 'stale' }, held.length);
  }

  private count(records: ReadRecord[], deadLetters: DeadLetterVerdict[], changed: number): void {
    const consumed = this.metrics.recordsConsumed;
    for (const record of records)
      consumed.inc({
        group: READ_MODEL_GROUP,
        record_type: record.recordType,
        outcome: 'received',
      });
    if (records.length > changed) {
      consumed.inc(
        { group: READ_MODEL_GROUP, record_type: 'any', outcome: 'stale' },
        records.length - changed,
      );
    }
    for (const letter of deadLetters) {
      consumed.inc({
        group: READ_MODEL_GROUP,
        record_type: letter.message.headers['record-type'] ?? 'unknown',
        outcome: 'dead_letter',
      });
    }
  }
}

/** A message's record type, id and version, read without checking anything else; undefined if not there. */
function headOf(parsed: ParsedValue): RecordHead | undefined {
  if (!parsed.json) return undefined;
  const { input } = parsed;
  if (typeof input !== 'object' || input === null) return undefined;
  const { recordType, recordId, version, eventId, schemaVersion } = input as Record<
    string,
    unknown
  >;
  if (typeof recordType !== 'string' || typeof recordId !== 'string') return undefined;
  if (typeof version !== 'number' || !Number.isSafeInteger(version)) return undefined;
  if (typeof eventId !== 'string' || !UUID.test(eventId)) return undefined;
  return { recordType, recordId, version, eventId, schemaVersion };
}
