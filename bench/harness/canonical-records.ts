// Hand-made canonical records for the scenarios that time one record's path
// (propagation, latency): a schema's ok/ fixture as the payload, posted to an
// adapter's intake as a client would, and the percentiles of what they timed.
import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT } from './dist.ts';

const OCCURRED_AT = '2026-11-21T10:00:00+07:00';

/** A schema's fixture from schemas/<type>/ok/<name>.json. */
export function fixture(recordType: string, name: string): Record<string, unknown> {
  return JSON.parse(
    fs.readFileSync(
      path.join(REPOSITORY_ROOT, 'schemas', recordType, 'ok', `${name}.json`),
      'utf8',
    ),
  ) as Record<string, unknown>;
}

/** A version-1 upsert of schema version 1, as intake takes it. */
export function canonicalRecord(
  recordType: string,
  recordId: string,
  subjectId: string,
  payload: object,
) {
  return {
    recordType,
    schemaVersion: 1,
    recordId,
    subjectId,
    version: 1,
    op: 'upsert',
    occurredAt: OCCURRED_AT,
    payload,
  };
}

/** POST /v1/records; throws unless the adapter answered 202. */
export async function postRecords(
  endpoint: { url: string; token: string },
  records: readonly object[],
): Promise<void> {
  const response = await fetch(`${endpoint.url}/v1/records`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${endpoint.token}` },
    body: JSON.stringify(records),
  });
  const text = await response.text();
  if (response.status !== 202)
    throw new Error(
      `${endpoint.url} refused the records: ${response.status} ${text.slice(0, 500)}`,
    );
}

/** Nearest-rank percentiles, in milliseconds. */
export function percentiles(values: readonly number[]): { p50Ms?: number; p99Ms?: number } {
  if (values.length === 0) return {};
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { p50Ms: at(0.5), p99Ms: at(0.99) };
}
