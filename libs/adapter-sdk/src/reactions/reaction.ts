// A reaction: what an adapter does when a record it subscribes to arrives —
// typically a life event ("tell us once"). It returns the canonical records
// the adapter publishes in consequence; the SDK validates and publishes them.
// Reactions must be idempotent: the bus may deliver an event twice, so a
// reaction looks at the adapter's store and publishes only what changes.
import type { PublishedRecord } from '#spean/contracts';
import type { AdapterRecordRepository, StoredRecord } from '../store/adapter-record.repository.js';

export interface ReactionContext {
  /** The adapter's own records, as last published. */
  store: AdapterRecordRepository;
}

export interface Reaction {
  /** The record type that triggers it, e.g. civil-event. */
  recordType: string;
  react(record: PublishedRecord, context: ReactionContext): Promise<unknown[]>;
}

/** The next version of a stored record with some payload fields changed. */
export function revise<P extends object>(
  stored: StoredRecord<P>,
  changes: Partial<P>,
  occurredAt: string,
  subjectId = stored.subjectId,
): Record<string, unknown> {
  return {
    recordType: stored.recordType,
    schemaVersion: stored.schemaVersion,
    recordId: stored.recordId,
    subjectId,
    version: stored.version + 1,
    op: 'upsert',
    occurredAt,
    payload: { ...stored.payload, ...changes },
  };
}
