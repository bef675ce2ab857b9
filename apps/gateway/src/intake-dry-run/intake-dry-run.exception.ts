// Errors of the intake dry run, by code; intake-dry-run-graphql.filter.ts maps them.
import { CodedException } from '#spean/contracts';

export enum IntakeDryRunExceptionCode {
  /** An argument that is not what the dry run needs; `argument` names it. */
  INVALID_ARGUMENT = 'INVALID_ARGUMENT',
  /** An adapter client asking about a record type its adapter may not publish. */
  NOT_APPROVED = 'NOT_APPROVED',
}

export class IntakeDryRunException extends CodedException<IntakeDryRunExceptionCode> {
  constructor(
    code: IntakeDryRunExceptionCode,
    message: string,
    readonly argument?: string,
  ) {
    super(code, message);
  }
}
