// Canonical records for suites that publish them: a schema's ok fixture as a
// payload, and the envelope around it, version 1 of schema version 1 unless told.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

/** The payload of `schemas/<recordType>/ok/<name>.json`. */
export function fixture<T = Record<string, unknown>>(recordType: string, name: string): T {
  return JSON.parse(
    fs.readFileSync(path.join(root, 'schemas', recordType, 'ok', `${name}.json`), 'utf8'),
  ) as T;
}

/** An upsert of `payload` as `recordId` about `subjectId`; `version` is left as given (a bad one too). */
export function record(
  recordType: string,
  recordId: string,
  subjectId: string,
  payload: object,
  version: unknown = 1,
) {
  return {
    recordType,
    schemaVersion: 1,
    recordId,
    subjectId,
    version,
    op: 'upsert',
    occurredAt: '2026-11-21T10:00:00+07:00',
    payload,
  };
}
