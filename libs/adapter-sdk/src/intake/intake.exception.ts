// Errors of the intake, by code; the HTTP filter maps each to a status.
import type { ValidationIssue } from '#spean/schema-registry';

export enum IntakeExceptionCode {
  EMPTY_BATCH = 'EMPTY_BATCH',
  TOO_MANY_RECORDS = 'TOO_MANY_RECORDS',
  NOT_AN_ADAPTER = 'NOT_AN_ADAPTER',
  RECORD_TYPE_NOT_PUBLISHED = 'RECORD_TYPE_NOT_PUBLISHED',
  /** The adapter's registration does not (yet) allow it: not approved, pending, suspended. */
  NOT_APPROVED = 'NOT_APPROVED',
  INVALID_RECORDS = 'INVALID_RECORDS',
  NO_CSV_IMPORT = 'NO_CSV_IMPORT',
  MISSING_COLUMNS = 'MISSING_COLUMNS',
}

export interface RecordIssue extends ValidationIssue {
  /** Position of the record in the request (0 for a single record). */
  index: number;
}

export class IntakeException extends Error {
  constructor(
    readonly code: IntakeExceptionCode,
    message: string,
    readonly issues: RecordIssue[] = [],
  ) {
    super(message);
    this.name = 'IntakeException';
  }
}
