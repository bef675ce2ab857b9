// Maps the question codes to GraphQL errors with standard codes.
import { codedGraphqlErrorFilter } from '../common/graphql-error-filter.js';
import {
  AccessQuestionException,
  AccessQuestionExceptionCode,
} from './access-question.exception.js';

export const AccessQuestionGraphqlFilter = codedGraphqlErrorFilter(
  AccessQuestionException,
  {
    [AccessQuestionExceptionCode.INVALID_INPUT]: 'BAD_USER_INPUT',
    [AccessQuestionExceptionCode.NOT_OWN_ENTRY]: 'FORBIDDEN',
    [AccessQuestionExceptionCode.NOT_FOUND]: 'NOT_FOUND',
    [AccessQuestionExceptionCode.ALREADY_ASKED]: 'CONFLICT',
    [AccessQuestionExceptionCode.ALREADY_ANSWERED]: 'CONFLICT',
  },
  (exception) => ({ ...exception.details }),
);
