// Maps purpose and grant errors (and role refusals) to GraphQL errors.
import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import {
  AccessControlException,
  AccessControlExceptionCode,
  AccessDeniedException,
} from '#spean/access';

@Catch(AccessControlException, AccessDeniedException)
export class AccessControlGraphqlFilter implements GqlExceptionFilter {
  catch(exception: AccessControlException | AccessDeniedException): GraphQLError {
    if (exception instanceof AccessDeniedException)
      return new GraphQLError(exception.message, { extensions: { code: 'FORBIDDEN' } });
    const code =
      exception.code === AccessControlExceptionCode.NOT_FOUND ? 'NOT_FOUND' : 'BAD_USER_INPUT';
    return new GraphQLError(exception.message, {
      extensions: {
        code,
        reason: exception.code,
        ...(exception.field ? { field: exception.field } : {}),
      },
    });
  }
}
