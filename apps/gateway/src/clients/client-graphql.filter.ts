// Maps client-credential error codes to GraphQL errors with standard codes.
import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { ClientException, ClientExceptionCode } from '#spean/access';

@Catch(ClientException)
export class ClientGraphqlFilter implements GqlExceptionFilter {
  catch(exception: ClientException): GraphQLError {
    return new GraphQLError(exception.message, {
      extensions: {
        code: graphqlCode(exception.code),
        reason: exception.code,
        ...(exception.field ? { field: exception.field } : {}),
        ...(exception.rule ? { rule: exception.rule } : {}),
      },
    });
  }
}

function graphqlCode(code: ClientExceptionCode): string {
  switch (code) {
    case ClientExceptionCode.INVALID_INPUT:
      return 'BAD_USER_INPUT';
    case ClientExceptionCode.NOT_FOUND:
      return 'NOT_FOUND';
    case ClientExceptionCode.CONFLICT:
      return 'CONFLICT';
  }
}
