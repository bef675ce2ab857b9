import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { SchemaRegistryException, SchemaRegistryExceptionCode } from '#spean/schema-registry';

@Catch(SchemaRegistryException)
export class SchemaRegistryGraphqlFilter implements GqlExceptionFilter {
  catch(exception: SchemaRegistryException): GraphQLError {
    return new GraphQLError(exception.message, {
      extensions: {
        code:
          exception.code === SchemaRegistryExceptionCode.NOT_FOUND ? 'NOT_FOUND' : 'BAD_USER_INPUT',
        reason: exception.code,
        ...(exception.incompatibilities.length > 0
          ? { incompatibilities: exception.incompatibilities }
          : {}),
      },
    });
  }
}
