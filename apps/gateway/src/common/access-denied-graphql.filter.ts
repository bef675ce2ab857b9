import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { AccessDeniedException } from '#spean/access';

@Catch(AccessDeniedException)
export class AccessDeniedGraphqlFilter implements GqlExceptionFilter {
  catch(exception: AccessDeniedException): GraphQLError {
    return new GraphQLError(exception.message, { extensions: { code: 'FORBIDDEN' } });
  }
}
