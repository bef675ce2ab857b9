// What every consumer does first with a message from the bus: parse it,
// validate it again (a consumer trusts no publisher blindly), and check that
// its key is its subject. A message that fails gets a stable code and a
// reason for the dead letters; neither ever quotes a payload value.
import type { PublishedRecord } from '#spean/contracts';
import { mayBreakTextRules } from './input-rules.js';
import { isNfcJson } from './nfc.js';
import type { RecordValidator } from './record-validator.js';

export type DecodedMessage =
  | { ok: true; record: PublishedRecord; relatedSubjects: string[] }
  | { ok: false; code: string; reason: string };

const SCHEMA_CODES = new Set([
  'unknown-record-type',
  'unknown-schema-version',
  'schema-version-not-active',
]);

/** A message's value read once: its text, and its JSON when it is JSON. */
export type ParsedValue =
  { text: string; json: true; input: unknown } | { text: string; json: false };

export function parseValue(value: Buffer): ParsedValue {
  const text = value.toString('utf8');
  try {
    return { text, json: true, input: JSON.parse(text) as unknown };
  } catch {
    return { text, json: false };
  }
}

/** Decodes a message's value; `parsed` when the caller has read it already (parseValue). */
export function decodeCanonicalMessage(
  value: Buffer,
  key: string,
  validator: RecordValidator,
  parsed: ParsedValue = parseValue(value),
): DecodedMessage {
  if (!parsed.json) return { ok: false, code: 'not-json', reason: 'the message is not valid JSON' };
  const { text, input } = parsed;
  const result = validator.validate(input, {
    nfc: isNfcJson(text),
    textChecked: !mayBreakTextRules(text),
  });
  if (!result.ok) {
    const known = result.errors.find((issue) => SCHEMA_CODES.has(issue.rule));
    return {
      ok: false,
      code: known?.rule ?? 'schema-invalid',
      reason: `the record does not validate: ${result.errors.map((issue) => issue.message).join('; ')}`,
    };
  }
  const record = result.record as PublishedRecord;
  if (record.subjectId !== key) {
    return {
      ok: false,
      code: 'key-mismatch',
      reason: 'the message key is not the record subjectId, so per-citizen ordering cannot hold',
    };
  }
  if (!record.eventId) {
    return {
      ok: false,
      code: 'no-event-id',
      reason: 'the record has no eventId (intake assigns one before publishing)',
    };
  }
  return { ok: true, record, relatedSubjects: result.relatedSubjects };
}
