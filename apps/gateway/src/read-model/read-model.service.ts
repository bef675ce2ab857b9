// Keeps the read model current: every canonical record from the bus is
// validated again (the gateway trusts no publisher blindly) and applied when
// its version is newer. A record that can never apply goes to the dead letters
// with its reason; a database fault is thrown so the bus delivers it again.
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

  async applyBatch(messages: ConsumedMessage[]): Promise<BatchOutcome> {
    const deadLetters: DeadLetterVerdict[] = [];
    const records: ReadRecord[] = [];
    for (const message of messages) {
      const verdict = this.decode(message);
      if ('code' in verdict)
        deadLetters.push({ message, reason: verdict.reason, code: verdict.code });
      else records.push(verdict);
    }
    const changed = await this.repository.apply(records);
    this.count(records, deadLetters, changed);
    return { deadLetters };
  }

  private decode(message: ConsumedMessage): ReadRecord | { code: string; reason: string } {
    const decoded = decodeCanonicalMessage(message.value, message.key, this.validator);
    if (!decoded.ok) return decoded;
    const { record, relatedSubjects } = decoded;
    this.lineage?.observe(READ_MODEL_GROUP, 'consumes', record.recordType, record.schemaVersion);
    return {
      recordType: record.recordType,
      recordId: record.recordId,
      subjectId: record.subjectId,
      relatedSubjects,
      version: record.version,
      schemaVersion: record.schemaVersion,
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
