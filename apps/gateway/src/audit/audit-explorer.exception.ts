// Errors of the auditors' explorer, by code. Transports map the codes (GraphQL:
// audit-explorer-graphql.filter.ts; the CSV export: audit-http.filter.ts).
import { DetailedException } from '#spean/contracts';

export enum AuditExplorerExceptionCode {
  /** A filter, page size or cursor the explorer cannot use; details name the field and the rule. */
  INVALID_INPUT = 'INVALID_INPUT',
}

export class AuditExplorerException extends DetailedException<
  AuditExplorerExceptionCode,
  { field: string; rule: string }
> {}

/** Refuses an input of the explorer, naming the field and the rule it breaks. */
export function refuseAuditInput(field: string, rule: string, message: string): never {
  throw new AuditExplorerException(AuditExplorerExceptionCode.INVALID_INPUT, message, {
    field,
    rule,
  });
}
