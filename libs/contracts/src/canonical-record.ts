// The canonical record as code sees it: the generated Envelope with its payload
// typed. The envelope schema cannot say which payload goes with which record
// type, so the pairing is made here, from the generated PayloadByRecordType.

import type { Envelope, PayloadByRecordType, RecordType } from './generated/index.js';

/** Any payload before it is known which record type it belongs to. */
export type AnyPayload = NonNullable<Envelope['payload']>;

type EnvelopeHeader = Omit<Envelope, 'op' | 'payload'>;

/** Carries the record's full current state. */
export type UpsertRecord<P extends object = AnyPayload> = EnvelopeHeader & {
  op: 'upsert';
  payload: P;
};

/** Withdraws the record; a delete has no payload (or an empty one). */
export type DeleteRecord = EnvelopeHeader & {
  op: 'delete';
  payload?: Record<string, never>;
};

/** A canonical record whose payload, when it has one, is a `P`. */
export type CanonicalRecord<P extends object = AnyPayload> = UpsertRecord<P> | DeleteRecord;

/** A record of a known type, its payload typed by that type's newest schema. */
export type RecordOf<T extends RecordType> = CanonicalRecord<PayloadByRecordType[T]> & {
  recordType: T;
};

/** A record as it is on the bus: intake has given it an eventId. */
export type PublishedRecord<P extends object = AnyPayload> = CanonicalRecord<P> & {
  eventId: string;
};

/**
 * What a store keeps of any record beside its payload: which record, whose
 * (and who else it concerns), at which version of it and of its schema.
 */
export interface StoredRecordHead {
  recordType: string;
  recordId: string;
  subjectId: string;
  relatedSubjects: string[];
  version: number;
  schemaVersion: number;
}

/** A record's head as stores keep it, with the related subjects its schema names. */
export function storedRecordHead(
  record: Pick<Envelope, keyof Omit<StoredRecordHead, 'relatedSubjects'>>,
  relatedSubjects: string[],
): StoredRecordHead {
  const { recordType, recordId, subjectId, version, schemaVersion } = record;
  return { recordType, recordId, subjectId, relatedSubjects, version, schemaVersion };
}
