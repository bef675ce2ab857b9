// The canonical serialisation an entry's hash is computed over. Changing it
// breaks every existing chain: the version tag is part of the hashed text so
// a future format can be told apart, never silently mixed.
//
// Two formats, chosen per entry, so one chain may hold both:
// - spean-audit/1, for every entry with no person (a system acting alone):
//   [tag, seq, at, kind, actorClient, actorAgency, subjectId, purpose, details, prevHash]
//   This is exactly the text entries were hashed over before persons existed,
//   so existing chains verify unchanged.
// - spean-audit/2, for an entry with a person: the same fields, then the
//   person as canonical JSON {issuer, name, statedBy, subject} appended last:
//   [tag, seq, at, kind, actorClient, actorAgency, subjectId, purpose, details, prevHash, person]
// The tag is hashed, so an entry cannot be passed off in the other format:
// removing the person from a /2 entry changes the text it recomputes to.
import { createHash } from 'node:crypto';
import type { AuditEntry, JsonValue } from './audit-entry.js';

/** The prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

const FORMAT_WITHOUT_PERSON = 'spean-audit/1';
const FORMAT_WITH_PERSON = 'spean-audit/2';

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
  const person = entry.actorPerson;
  const fields: JsonValue[] = [
    person ? FORMAT_WITH_PERSON : FORMAT_WITHOUT_PERSON,
    entry.seq,
    entry.at.toISOString(),
    entry.kind,
    entry.actorClient,
    entry.actorAgency,
    entry.subjectId,
    entry.purpose,
    entry.details,
    entry.prevHash,
  ];
  if (person)
    fields.push({
      issuer: person.issuer,
      subject: person.subject,
      name: person.name,
      statedBy: person.statedBy,
    });
  return canonicalJson(fields);
}

/** Hex SHA-256 of the canonical serialisation. */
export function hashEntry(entry: HashedFields): string {
  return createHash('sha256').update(canonicalEntry(entry), 'utf8').digest('hex');
}

/** What a checkpoint signs: the sealed entry's seq and hash. */
export function checkpointMessage(seq: number, hash: string): Buffer {
  return Buffer.from(`${seq}:${hash}`, 'utf8');
}
