// Errors of citizens' questions, by code; access-question-graphql.filter.ts maps them.
import { FieldException } from '#spean/contracts';

export enum AccessQuestionExceptionCode {
  INVALID_INPUT = 'INVALID_INPUT',
  /** The entry is not in the asking citizen's access log. */
  NOT_OWN_ENTRY = 'NOT_OWN_ENTRY',
  NOT_FOUND = 'NOT_FOUND',
  ALREADY_ASKED = 'ALREADY_ASKED',
  ALREADY_ANSWERED = 'ALREADY_ANSWERED',
}

export class AccessQuestionException extends FieldException<AccessQuestionExceptionCode> {}
