// Maps citizen-domain error codes to GraphQL errors with standard codes.
import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { CitizenException, CitizenExceptionCode } from './citizen.exception.js';

@Catch(CitizenException)
export class CitizenGraphqlFilter implements GqlExceptionFilter {
  catch(exception: CitizenException): GraphQLError {
    return new GraphQLError(exception.message, {
      extensions: {
        code: graphqlCode(exception.code),
        reason: exception.code,
        ...exception.details,
      },
    });
  }
}

function graphqlCode(code: CitizenExceptionCode): string {
  switch (code) {
    case CitizenExceptionCode.INVALID_NATIONAL_ID:
    case CitizenExceptionCode.INVALID_PURPOSE:
    case CitizenExceptionCode.INVALID_INPUT:
      return 'BAD_USER_INPUT';
    case CitizenExceptionCode.NOT_PERMITTED:
    case CitizenExceptionCode.NO_GRANT_FOR_PURPOSE:
    case CitizenExceptionCode.SECTION_DENIED:
    case CitizenExceptionCode.FIELD_DENIED:
      return 'FORBIDDEN';
    case CitizenExceptionCode.VERIFICATION_LOCKED:
      return 'VERIFICATION_LOCKED';
  }
}
