// Maps purpose and grant errors to GraphQL errors (role refusals: AccessDeniedGraphqlFilter).
import { AccessControlException, AccessControlExceptionCode } from '#spean/access';
import { codedGraphqlErrorFilter } from '../common/graphql-error-filter.js';

export const AccessControlGraphqlFilter = codedGraphqlErrorFilter(
  AccessControlException,
  {
    [AccessControlExceptionCode.INVALID_INPUT]: 'BAD_USER_INPUT',
    [AccessControlExceptionCode.NOT_FOUND]: 'NOT_FOUND',
    [AccessControlExceptionCode.CONFLICT]: 'BAD_USER_INPUT',
  },
  (exception) => ({ ...exception.details }),
);
