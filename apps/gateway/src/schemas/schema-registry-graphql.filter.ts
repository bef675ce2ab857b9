// Maps schema registry error codes to GraphQL errors with standard codes.
import { SchemaRegistryException, SchemaRegistryExceptionCode } from '#spean/schema-registry';
import { codedGraphqlErrorFilter } from '../common/graphql-error-filter.js';

export const SchemaRegistryGraphqlFilter = codedGraphqlErrorFilter(
  SchemaRegistryException,
  {
    [SchemaRegistryExceptionCode.INVALID_SCHEMA]: 'BAD_USER_INPUT',
    [SchemaRegistryExceptionCode.INCOMPATIBLE]: 'BAD_USER_INPUT',
    [SchemaRegistryExceptionCode.NOT_FOUND]: 'NOT_FOUND',
    [SchemaRegistryExceptionCode.WRONG_STATE]: 'BAD_USER_INPUT',
    [SchemaRegistryExceptionCode.IMMUTABLE]: 'BAD_USER_INPUT',
    [SchemaRegistryExceptionCode.INVALID_INPUT]: 'BAD_USER_INPUT',
  },
  (exception) =>
    exception.incompatibilities.length > 0
      ? { incompatibilities: exception.incompatibilities }
      : {},
);
