// Maps adapter registry errors to GraphQL errors (role refusals: AccessDeniedGraphqlFilter).
import { AdapterRegistryException, AdapterRegistryExceptionCode } from '#spean/adapter-registry';
import { codedGraphqlErrorFilter } from '../common/graphql-error-filter.js';

export const AdapterRegistryGraphqlFilter = codedGraphqlErrorFilter(
  AdapterRegistryException,
  {
    [AdapterRegistryExceptionCode.NOT_FOUND]: 'NOT_FOUND',
    [AdapterRegistryExceptionCode.INVALID_INPUT]: 'BAD_USER_INPUT',
    [AdapterRegistryExceptionCode.WRONG_STATE]: 'BAD_USER_INPUT',
    [AdapterRegistryExceptionCode.CONFLICT]: 'BAD_USER_INPUT',
  },
  (exception) => ({ ...exception.details }),
);
