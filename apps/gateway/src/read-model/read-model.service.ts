// Keeps the read model current: every canonical record from the bus is
// validated again (the gateway trusts no publisher blindly) and applied when
// its version is newer. A record that can never apply goes to the dead letters
// with its reason; a database fault is thrown so the bus delivers it again.
import type { BatchOutcome, ConsumedMessage, DeadLetterVerdict } from '#spean/bus';
import type { Metrics } from '#spean/observability';
import type { RecordValidator } from '#spean/schema-registry';
import type { ReadModelRepository, ReadRecord } from './read-model.repository.js';

export const READ_MODEL_GROUP = 'gateway';

export class ReadModelService {
  constructor(
    private readonly repository: ReadModelRepository,
    private readonly validator: RecordValidator,
    private readonly metrics: Metrics,
  ) {}

  async applyBatch(messages: ConsumedMessage[]): Promise<BatchOutcome> {
    const deadLetters: DeadLetterVerdict[] = [];
    const records: ReadRecord[] = [];
    for (const message of messages) {
      const verdict = this.decode(message);
      if (typeof verdict === 'string') deadLetters.push({ message, reason: verdict });
      else records.push(verdict);
    }
    const changed = await this.repository.apply(records);
    this.count(records, deadLetters, changed);
    return { deadLetters };
  }

  private decode(message: ConsumedMessage): ReadRecord | string {
    let input: unknown;
    try {
      input = JSON.parse(message.value.toString('utf8'));
    } catch {
      return 'the message is not valid JSON';
    }
    const result = this.validator.validate(input);
    if (!result.ok) {
      return `the record does not validate: ${result.errors.map((issue) => issue.message).join('; ')}`;
    }
    const record = result.record;
    if (record.subjectId !== message.key) {
      return 'the message key is not the record subjectId, so per-citizen ordering cannot hold';
    }
    if (!record.eventId) return 'the record has no eventId (intake assigns one before publishing)';
    return {
      recordType: record.recordType,
      recordId: record.recordId,
      subjectId: record.subjectId,
      relatedSubjects: result.relatedSubjects,
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
