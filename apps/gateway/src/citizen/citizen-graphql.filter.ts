// Maps citizen-domain error codes to GraphQL errors with standard codes.
import { codedGraphqlErrorFilter } from '../common/graphql-error-filter.js';
import { CitizenException, CitizenExceptionCode } from './citizen.exception.js';

export const CitizenGraphqlFilter = codedGraphqlErrorFilter(
  CitizenException,
  {
    [CitizenExceptionCode.INVALID_NATIONAL_ID]: 'BAD_USER_INPUT',
    [CitizenExceptionCode.INVALID_PURPOSE]: 'BAD_USER_INPUT',
    [CitizenExceptionCode.INVALID_INPUT]: 'BAD_USER_INPUT',
    [CitizenExceptionCode.NOT_PERMITTED]: 'FORBIDDEN',
    [CitizenExceptionCode.NO_GRANT_FOR_PURPOSE]: 'FORBIDDEN',
    [CitizenExceptionCode.SECTION_DENIED]: 'FORBIDDEN',
    [CitizenExceptionCode.FIELD_DENIED]: 'FORBIDDEN',
    [CitizenExceptionCode.VERIFICATION_LOCKED]: 'VERIFICATION_LOCKED',
    [CitizenExceptionCode.OFFICER_REQUIRED]: 'OFFICER_REQUIRED',
  },
  (exception) => ({ ...exception.details }),
);
