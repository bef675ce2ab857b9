// Maps dead-letter domain error codes to GraphQL errors with standard codes.
import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { DeadLetterException, DeadLetterExceptionCode } from '#spean/dead-letters';

@Catch(DeadLetterException)
export class DeadLetterGraphqlFilter implements GqlExceptionFilter {
  catch(exception: DeadLetterException): GraphQLError {
    return new GraphQLError(exception.message, {
      extensions: {
        code: graphqlCode(exception.code),
        reason: exception.code,
        ...exception.details,
      },
    });
  }
}

function graphqlCode(code: DeadLetterExceptionCode): string {
  switch (code) {
    case DeadLetterExceptionCode.REPLAY_NEEDS_SELECTION:
    case DeadLetterExceptionCode.INVALID_STATUS:
    case DeadLetterExceptionCode.INVALID_ID:
      return 'BAD_USER_INPUT';
  }
}
