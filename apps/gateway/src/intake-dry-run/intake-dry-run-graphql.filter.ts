// Maps intake dry-run error codes to GraphQL errors, naming the argument.
import { codedGraphqlErrorFilter } from '../common/graphql-error-filter.js';
import { IntakeDryRunException, IntakeDryRunExceptionCode } from './intake-dry-run.exception.js';

export const IntakeDryRunGraphqlFilter = codedGraphqlErrorFilter(
  IntakeDryRunException,
  {
    [IntakeDryRunExceptionCode.INVALID_ARGUMENT]: 'BAD_USER_INPUT',
    [IntakeDryRunExceptionCode.NOT_APPROVED]: 'FORBIDDEN',
  },
  (exception) => (exception.argument ? { argument: exception.argument } : {}),
);
