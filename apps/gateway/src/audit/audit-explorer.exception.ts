// Errors of the auditors' explorer, by code. Transports map the codes (GraphQL:
// audit-explorer-graphql.filter.ts; the CSV export: audit-http.filter.ts).
import { CodedException } from '#spean/contracts';

export enum AuditExplorerExceptionCode {
  /** A filter, page size or cursor the explorer cannot use; details name the field and the rule. */
  INVALID_INPUT = 'INVALID_INPUT',
}

export class AuditExplorerException extends CodedException<AuditExplorerExceptionCode> {
  constructor(
    code: AuditExplorerExceptionCode,
    message: string,
    readonly details: { field: string; rule: string },
  ) {
    super(code, message);
  }
}

/** Refuses an input of the explorer, naming the field and the rule it breaks. */
export function refuseAuditInput(field: string, rule: string, message: string): never {
  throw new AuditExplorerException(AuditExplorerExceptionCode.INVALID_INPUT, message, {
    field,
    rule,
  });
}
