// The one path by which an adapter publishes: validate every record against
// exactly the schema version it names, stamp the adapter as its source, give
// it an event id, keep it in the adapter's store, then put it on the bus.
// Intake, CSV import and life-event reactions all publish through here.
import { randomUUID } from 'node:crypto';
import { topicFor, type EventBus, type OutgoingMessage } from '#spean/bus';
import type { PublishedRecord } from '#spean/contracts';
import type { Metrics } from '#spean/observability';
import type { LineageRecorder, RecordValidator } from '#spean/schema-registry';
import type { AdapterDefinition } from '../adapter-definition.js';
import type { RecordIssue } from '../intake/intake.exception.js';
import type { AdapterRecordRepository, RecordToStore } from '../store/adapter-record.repository.js';

export interface PreparedRecord {
  index: number;
  record: PublishedRecord;
  relatedSubjects: string[];
  /** Its schema version is deprecated: accepted, and its publisher is warned. */
  deprecated: boolean;
}

export interface Preparation {
  ready: PreparedRecord[];
  issues: RecordIssue[];
}

export class RecordPublisher {
  private readonly publishable: ReadonlySet<string>;

  constructor(
    private readonly definition: AdapterDefinition,
    private readonly validator: RecordValidator,
    private readonly store: AdapterRecordRepository,
    private readonly bus: EventBus,
    private readonly metrics: Metrics,
    private readonly lineage?: LineageRecorder,
  ) {
    this.publishable = new Set(definition.publishes);
  }

  /** Validates each input on its own; valid ones come back ready, the rest as issues. */
  prepare(inputs: readonly unknown[]): Preparation {
    const ready: PreparedRecord[] = [];
    const issues: RecordIssue[] = [];
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
        issues.push({
          index,
          path: '/recordType',
          rule: 'publishes',
          message: `the ${this.definition.name} adapter is not approved to publish ${record.recordType} records`,
        });
        return;
      }
      ready.push({
        index,
        record: { ...record, eventId: record.eventId ?? randomUUID() } as PublishedRecord,
        relatedSubjects: result.relatedSubjects,
        deprecated: result.deprecated === true,
      });
    });
    return { ready, issues };
  }

  /** Stores, then publishes; resolves once the bus holds every record durably. */
  async publish(prepared: readonly PreparedRecord[]): Promise<string[]> {
    if (prepared.length === 0) return [];
    await this.store.save(prepared.map(toStored));
    await this.bus.publish(prepared.map(toMessage));
    const source = this.definition.name;
    for (const { record, deprecated } of prepared) {
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
    return prepared.map(({ record }) => record.eventId);
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

function toStored({ record, relatedSubjects }: PreparedRecord): RecordToStore {
  return {
    recordType: record.recordType,
    recordId: record.recordId,
    subjectId: record.subjectId,
    relatedSubjects,
    version: record.version,
    schemaVersion: record.schemaVersion,
    deleted: record.op === 'delete',
    payload: record.payload ?? null,
    eventId: record.eventId,
    occurredAt: record.occurredAt,
  };
}

function toMessage({ record }: PreparedRecord): OutgoingMessage {
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
