// Errors of the console's queries (dryRunIntake, consumerLag, grantUsage), by
// code; console-query-graphql.filter.ts maps them.
import { CodedException } from '#spean/contracts';

export enum ConsoleQueryExceptionCode {
  /** An argument that is not what the dry run needs; `argument` names it. */
  INVALID_ARGUMENT = 'INVALID_ARGUMENT',
  /** A caller whose role allows the query but not this subject of it (an adapter, another's record type). */
  NOT_APPROVED = 'NOT_APPROVED',
}

export class ConsoleQueryException extends CodedException<ConsoleQueryExceptionCode> {
  constructor(
    code: ConsoleQueryExceptionCode,
    message: string,
    readonly argument?: string,
  ) {
    super(code, message);
  }
}
