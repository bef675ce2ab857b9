// Intake: canonical records in, published to the bus, event ids out.
// A request is all-or-nothing: if any record is invalid nothing is published
// and every problem is listed, so the publisher fixes and resends the whole
// request without wondering which part went through.
import { randomUUID } from 'node:crypto';
import type { Principal } from '#spean/access';
import { topicFor, type EventBus, type OutgoingMessage } from '#spean/bus';
import type { Metrics } from '#spean/observability';
import type { RecordValidator } from '#spean/schema-registry';
import type { AdapterDefinition } from '../adapter-definition.js';
import { IntakeException, IntakeExceptionCode, type RecordIssue } from './intake.exception.js';

export interface IntakeResult {
  accepted: number;
  eventIds: string[];
}

export class IntakeService {
  private readonly publishable: ReadonlySet<string>;

  constructor(
    private readonly definition: AdapterDefinition,
    private readonly validator: RecordValidator,
    private readonly bus: EventBus,
    private readonly metrics: Metrics,
    private readonly maxRecords: number,
  ) {
    this.publishable = new Set(definition.publishes);
  }

  async accept(principal: Principal, body: unknown): Promise<IntakeResult> {
    if (principal.role !== 'adapter' || principal.adapter !== this.definition.name) {
      throw new IntakeException(
        IntakeExceptionCode.NOT_AN_ADAPTER,
        `only clients of the ${this.definition.name} adapter may publish here`,
      );
    }
    const inputs = Array.isArray(body) ? body : [body];
    if (inputs.length === 0) {
      throw new IntakeException(IntakeExceptionCode.EMPTY_BATCH, 'the request holds no records');
    }
    if (inputs.length > this.maxRecords) {
      throw new IntakeException(
        IntakeExceptionCode.TOO_MANY_RECORDS,
        `a request may carry at most ${this.maxRecords} records; split it`,
      );
    }

    const issues: RecordIssue[] = [];
    const messages: OutgoingMessage[] = [];
    const eventIds: string[] = [];
    inputs.forEach((input, index) => {
      const stamped = this.stamp(input, index, issues);
      if (!stamped) return;
      const result = this.validator.validate(stamped);
      if (!result.ok) {
        for (const issue of result.errors) issues.push({ index, ...issue });
        return;
      }
      const record = result.record;
      if (!this.publishable.has(record.recordType)) {
        throw new IntakeException(
          IntakeExceptionCode.RECORD_TYPE_NOT_PUBLISHED,
          `record ${index}: the ${this.definition.name} adapter is not approved to publish ${record.recordType} records`,
        );
      }
      const eventId = record.eventId ?? randomUUID();
      const canonical = { ...record, eventId };
      eventIds.push(eventId);
      messages.push({
        topic: topicFor(record.recordType),
        key: record.subjectId,
        value: Buffer.from(JSON.stringify(canonical)),
        headers: {
          'record-type': record.recordType,
          'schema-version': String(record.schemaVersion),
          'event-id': eventId,
          source: record.source,
        },
      });
    });
    if (issues.length > 0) {
      const invalid = new Set(issues.map((issue) => issue.index)).size;
      throw new IntakeException(
        IntakeExceptionCode.INVALID_RECORDS,
        `${invalid} of ${inputs.length} record(s) are invalid; nothing was published`,
        issues,
      );
    }
    await this.bus.publish(messages);
    for (const message of messages) {
      this.metrics.recordsPublished.inc({
        source: this.definition.name,
        record_type: message.headers!['record-type']!,
      });
    }
    return { accepted: messages.length, eventIds };
  }

  /** The adapter is the source of what it publishes: fill it in, or refuse another name. */
  private stamp(input: unknown, index: number, issues: RecordIssue[]): unknown {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      issues.push({ index, path: '', rule: 'type', message: 'each record must be a JSON object' });
      return undefined;
    }
    const record = input as Record<string, unknown>;
    if (record.source === undefined) return { ...record, source: this.definition.name };
    if (record.source !== this.definition.name) {
      issues.push({
        index,
        path: '/source',
        rule: 'source',
        message: `/source must be "${this.definition.name}", the adapter publishing it (or be left out)`,
      });
      return undefined;
    }
    return record;
  }
}
