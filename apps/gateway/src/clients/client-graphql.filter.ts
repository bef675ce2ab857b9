// Maps client-credential error codes to GraphQL errors with standard codes.
import { ClientException, ClientExceptionCode } from '#spean/access';
import { codedGraphqlErrorFilter } from '../common/graphql-error-filter.js';

export const ClientGraphqlFilter = codedGraphqlErrorFilter(
  ClientException,
  {
    [ClientExceptionCode.INVALID_INPUT]: 'BAD_USER_INPUT',
    [ClientExceptionCode.NOT_FOUND]: 'NOT_FOUND',
    [ClientExceptionCode.CONFLICT]: 'CONFLICT',
  },
  (exception) => ({ ...exception.details }),
);
