// Maps adapter registry errors (and role refusals) to GraphQL errors.
import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { AccessDeniedException } from '#spean/access';
import { AdapterRegistryException, AdapterRegistryExceptionCode } from '#spean/adapter-registry';

@Catch(AdapterRegistryException, AccessDeniedException)
export class AdapterRegistryGraphqlFilter implements GqlExceptionFilter {
  catch(exception: AdapterRegistryException | AccessDeniedException): GraphQLError {
    if (exception instanceof AccessDeniedException)
      return new GraphQLError(exception.message, { extensions: { code: 'FORBIDDEN' } });
    return new GraphQLError(exception.message, {
      extensions: {
        code: graphqlCode(exception.code),
        reason: exception.code,
        ...(exception.field ? { field: exception.field } : {}),
      },
    });
  }
}

function graphqlCode(code: AdapterRegistryExceptionCode): string {
  switch (code) {
    case AdapterRegistryExceptionCode.NOT_FOUND:
      return 'NOT_FOUND';
    case AdapterRegistryExceptionCode.INVALID_INPUT:
    case AdapterRegistryExceptionCode.WRONG_STATE:
    case AdapterRegistryExceptionCode.CONFLICT:
      return 'BAD_USER_INPUT';
  }
}
