// Errors of the dead-letter domain, by code. Transports map the codes (GraphQL:
// apps/gateway/src/dead-letters/dead-letter-graphql.filter.ts; the CLI prints
// the message); domain code never imports GraphQL.
import { DetailedException } from '#spean/contracts';

export enum DeadLetterExceptionCode {
  /** A replay named neither ids nor a filter: replaying everything must be asked for explicitly. */
  REPLAY_NEEDS_SELECTION = 'REPLAY_NEEDS_SELECTION',
  INVALID_STATUS = 'INVALID_STATUS',
  INVALID_ID = 'INVALID_ID',
}

export class DeadLetterException extends DetailedException<DeadLetterExceptionCode> {}
