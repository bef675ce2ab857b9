// Step 2 of publishing (publish.ts), on its own: each input checked as the
// intake checks it — a JSON object, its source the adapter's own (filled in
// when left out), then the record validator (envelope, schema version,
// payload, national ids, date rules). Pure, so a dry run anywhere (the
// gateway's dryRunIntake, an adapter's /dry-run) answers exactly what a
// publish would, without keeping or sending anything.
import { randomUUID } from 'node:crypto';
import type { PublishedRecord } from '#spean/contracts';
import type { RecordValidator } from '#spean/schema-registry';
import type { RecordIssue } from '../intake/intake.exception.js';

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

/** Validates each input on its own as published by `source`; valid ones come back ready, the rest as issues. */
export function prepareRecords(
  inputs: readonly unknown[],
  source: string,
  validator: Pick<RecordValidator, 'validate'>,
): Preparation {
  const ready: PreparedRecord[] = [];
  const issues: RecordIssue[] = [];
  inputs.forEach((input, index) => {
    const stamped = stamp(input, index, source, issues);
    if (!stamped) return;
    const result = validator.validate(stamped);
    if (!result.ok) {
      for (const issue of result.errors) issues.push({ index, ...issue });
      return;
    }
    const record = result.record;
    ready.push({
      index,
      record: { ...record, eventId: record.eventId ?? randomUUID() } as PublishedRecord,
      relatedSubjects: result.relatedSubjects,
      deprecated: result.deprecated === true,
    });
  });
  return { ready, issues };
}

/** The adapter is the source of what it publishes: fill it in, or refuse another name. */
function stamp(input: unknown, index: number, source: string, issues: RecordIssue[]): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    issues.push({ index, path: '', rule: 'type', message: 'each record must be a JSON object' });
    return undefined;
  }
  const record = input as Record<string, unknown>;
  if (record.source === undefined) return { ...record, source };
  if (record.source !== source) {
    issues.push({
      index,
      path: '/source',
      rule: 'source',
      message: `/source must be "${source}", the adapter publishing it (or be left out)`,
    });
    return undefined;
  }
  return record;
}
