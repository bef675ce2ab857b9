// Maps the explorer's error codes to GraphQL errors with standard codes.
import { codedGraphqlErrorFilter } from '../common/graphql-error-filter.js';
import { AuditExplorerException, AuditExplorerExceptionCode } from './audit-explorer.exception.js';

export const AuditExplorerGraphqlFilter = codedGraphqlErrorFilter(
  AuditExplorerException,
  { [AuditExplorerExceptionCode.INVALID_INPUT]: 'BAD_USER_INPUT' },
  (exception) => ({ ...exception.details }),
);
