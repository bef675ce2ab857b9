// The canonical serialisation an entry's hash is computed over. Changing it
// breaks every existing chain: the version tag is part of the hashed text so
// a future format can be told apart, never silently mixed.
import { createHash } from 'node:crypto';
import type { AuditEntry, JsonValue } from './audit-entry.js';

/** The prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

const FORMAT = 'spean-audit/1';

/**
 * JSON with object keys sorted (by UTF-16 code unit) at every depth, so the
 * text does not depend on insertion order — nor on jsonb, which reorders keys.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`not a JSON number: ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`not a JSON value: ${typeof value}`);
  }
}

export type HashedFields = Omit<AuditEntry, 'hash'>;

/** The exact text hashed: a JSON array in a fixed field order (nulls kept, so "" and null differ). */
export function canonicalEntry(entry: HashedFields): string {
  return canonicalJson([
    FORMAT,
    entry.seq,
    entry.at.toISOString(),
    entry.kind,
    entry.actorClient,
    entry.actorAgency,
    entry.subjectId,
    entry.purpose,
    entry.details as JsonValue,
    entry.prevHash,
  ]);
}

/** Hex SHA-256 of the canonical serialisation. */
export function hashEntry(entry: HashedFields): string {
  return createHash('sha256').update(canonicalEntry(entry), 'utf8').digest('hex');
}

/** What a checkpoint signs: the sealed entry's seq and hash. */
export function checkpointMessage(seq: number, hash: string): Buffer {
  return Buffer.from(`${seq}:${hash}`, 'utf8');
}
