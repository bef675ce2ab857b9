// Errors of the intake, by code; the HTTP filter maps each to a status.
import { DetailedException } from '#spean/contracts';
import type { ValidationIssue } from '#spean/schema-registry';

export enum IntakeExceptionCode {
  EMPTY_BATCH = 'EMPTY_BATCH',
  /** The body is not sent as application/json (or with no content type at all). */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  /** An import chunk that is not {columns, rows, firstRow} of strings: the path and the rule say where. */
  MALFORMED_CHUNK = 'MALFORMED_CHUNK',
  TOO_MANY_RECORDS = 'TOO_MANY_RECORDS',
  NOT_AN_ADAPTER = 'NOT_AN_ADAPTER',
  RECORD_TYPE_NOT_PUBLISHED = 'RECORD_TYPE_NOT_PUBLISHED',
  /** The adapter's registration does not (yet) allow it: not approved, pending, suspended. */
  NOT_APPROVED = 'NOT_APPROVED',
  INVALID_RECORDS = 'INVALID_RECORDS',
  /** A record names a version already kept with other content: publish a newer version. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  NO_CSV_IMPORT = 'NO_CSV_IMPORT',
  MISSING_COLUMNS = 'MISSING_COLUMNS',
}

export interface RecordIssue extends ValidationIssue {
  /** Position of the record in the request (0 for a single record). */
  index: number;
}

/** Where a request that is not records (an import chunk) breaks its shape. */
export interface ShapeIssue {
  path: string;
  rule: string;
  message: string;
}

export class IntakeException extends DetailedException<
  IntakeExceptionCode,
  { issues?: ReadonlyArray<RecordIssue | ShapeIssue> }
> {
  /** Where the records or the request break their rules; empty when the refusal is about the whole request. */
  get issues(): ReadonlyArray<RecordIssue | ShapeIssue> {
    return this.details.issues ?? [];
  }
}
