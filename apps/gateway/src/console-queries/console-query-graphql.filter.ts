// Maps console query error codes to GraphQL errors, naming the argument.
import { codedGraphqlErrorFilter } from '../common/graphql-error-filter.js';
import { ConsoleQueryException, ConsoleQueryExceptionCode } from './console-query.exception.js';

export const ConsoleQueryGraphqlFilter = codedGraphqlErrorFilter(
  ConsoleQueryException,
  {
    [ConsoleQueryExceptionCode.INVALID_ARGUMENT]: 'BAD_USER_INPUT',
    [ConsoleQueryExceptionCode.NOT_APPROVED]: 'FORBIDDEN',
  },
  (exception) => (exception.argument ? { argument: exception.argument } : {}),
);
