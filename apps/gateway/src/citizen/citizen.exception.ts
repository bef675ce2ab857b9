// Errors of the citizen domain, by code. Transports map the codes (see
// citizen-graphql.filter.ts for GraphQL); domain code never imports GraphQL.
import { DetailedException } from '#spean/contracts';

export enum CitizenExceptionCode {
  INVALID_NATIONAL_ID = 'INVALID_NATIONAL_ID',
  INVALID_PURPOSE = 'INVALID_PURPOSE',
  INVALID_INPUT = 'INVALID_INPUT',
  NOT_PERMITTED = 'NOT_PERMITTED',
  NO_GRANT_FOR_PURPOSE = 'NO_GRANT_FOR_PURPOSE',
  SECTION_DENIED = 'SECTION_DENIED',
  FIELD_DENIED = 'FIELD_DENIED',
  /** Too many wrong claims of this kind about this citizen: refused, right or wrong, until the lock ends. */
  VERIFICATION_LOCKED = 'VERIFICATION_LOCKED',
  /** The agency's grant for this purpose requires the officer who asks, and none was named. */
  OFFICER_REQUIRED = 'OFFICER_REQUIRED',
}

export class CitizenException extends DetailedException<CitizenExceptionCode> {}
