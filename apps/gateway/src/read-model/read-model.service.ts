// Keeps the read model current: every canonical record from the bus is
// decoded once, through the consumer's checked decoder (its signature checked
// on the bytes before, its source's claims after: record-verifier.ts),
// validated again (the gateway trusts no publisher blindly) and applied when
// its version is newer. A record that can never apply goes to the dead letters
// with its reason; a database fault is thrown so the bus delivers it again.
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
  type LineageRecorder,
  type RecordValidator,
} from '#spean/schema-registry';
import type { ReadModelRepository, ReadRecord } from './read-model.repository.js';

export const READ_MODEL_GROUP = 'gateway';

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

  async applyBatch(messages: ConsumedMessage[], decoder: CheckedDecoder): Promise<BatchOutcome> {
    const deadLetters: DeadLetterVerdict[] = [];
    const records: ReadRecord[] = [];
    // All at once: their signatures are checked on the thread pool side by side; kept in order.
    const decodings = await Promise.all(
      messages.map((message) =>
        decoder(message, (each) => decodeCanonicalMessage(each.value, each.key, this.validator)),
      ),
    );
    decodings.forEach((decoded, index) => {
      const message = messages[index]!;
      if (!decoded.ok) deadLetters.push({ message, reason: decoded.reason, code: decoded.code });
      else records.push(this.readRecord(decoded.record, decoded.relatedSubjects));
    });
    const changed = await this.repository.apply(records);
    this.count(records, deadLetters, changed);
    return { deadLetters };
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
