// Errors of the audit domain, by code. An append that fails must fail the
// action it audits: nothing leaves unaudited.
import { CodedException } from '#spean/contracts';

export enum AuditExceptionCode {
  /** The entry cannot be stored as given (unknown kind, empty actor, text PostgreSQL refuses …). */
  INVALID_ENTRY = 'INVALID_ENTRY',
  /** The batch holding the entry was not committed; the entry is not in the log. */
  WRITE_FAILED = 'WRITE_FAILED',
  /** The log was closed: it takes no more entries. */
  CLOSED = 'CLOSED',
}

export class AuditException extends CodedException<AuditExceptionCode> {
  constructor(code: AuditExceptionCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
