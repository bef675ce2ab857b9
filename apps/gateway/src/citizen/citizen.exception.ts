// Errors of the citizen domain, by code. Transports map the codes (see
// citizen-error.mapper.ts for GraphQL); domain code never imports GraphQL.
export enum CitizenExceptionCode {
  INVALID_NATIONAL_ID = 'INVALID_NATIONAL_ID',
  INVALID_PURPOSE = 'INVALID_PURPOSE',
  NOT_PERMITTED = 'NOT_PERMITTED',
  SECTION_DENIED = 'SECTION_DENIED',
}

export class CitizenException extends Error {
  constructor(
    readonly code: CitizenExceptionCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CitizenException';
  }
}
