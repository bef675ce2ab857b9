// Reads what a dead letter is about without trusting it: a dead letter is by
// definition a message something could not read, so every field is optional,
// checked for its type and length, and nothing here ever throws. Headers come
// first (publishers set them and they survive a body that is not JSON); the
// JSON body fills what they leave out.
import { recordTypeOf, type ConsumedMessage } from '#spean/bus';
import type { DeadLetterMetadata } from './dead-letter.js';

/** Longer values are not identifiers but noise (or an attempt to fill a listing). */
const MAX_TEXT = 200;
/** Shorter keys are not national ids, and masking them would blot out ordinary characters. */
const MIN_MASKED = 4;

export function deadLetterMetadata(message: ConsumedMessage): DeadLetterMetadata {
  const headers = isObject(message.headers) ? message.headers : {};
  const body = parseBody(message.value);
  const recordType =
    text(headers['record-type']) ??
    text(body?.recordType) ??
    text(recordTypeOf(message.topic)) ??
    'unknown';
  const recordId = text(body?.recordId);
  return {
    recordType,
    schemaVersion: version(headers['schema-version']) ?? version(body?.schemaVersion),
    source: text(headers.source) ?? text(body?.source),
    recordId: recordId === null ? null : maskSubjects(recordId, [message.key, body?.subjectId]),
    eventId: text(headers['event-id']) ?? text(body?.eventId),
  };
}

/**
 * Some record ids are built from their subject's national id (MOI-P-<id>);
 * stewards' listings must not show national ids, so those characters are
 * masked. The key and the subjectId are the national ids a message names.
 */
function maskSubjects(recordId: string, subjects: unknown[]): string {
  let masked = recordId;
  for (const subject of subjects) {
    if (typeof subject !== 'string' || subject.length < MIN_MASKED) continue;
    masked = masked.split(subject).join('*'.repeat(subject.length));
  }
  return masked;
}

function parseBody(value: unknown): Record<string, unknown> | undefined {
  if (!Buffer.isBuffer(value)) return undefined;
  try {
    const parsed: unknown = JSON.parse(value.toString('utf8'));
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.normalize('NFC').trim();
  return trimmed.length > 0 && trimmed.length <= MAX_TEXT ? trimmed : null;
}

function version(value: unknown): number | null {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{1,9}$/.test(value.trim())
        ? Number(value)
        : NaN;
  return Number.isSafeInteger(number) && number > 0 && number <= 2_147_483_647 ? number : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
