// Errors of purposes and grants, by code; transports map them (GraphQL:
// BAD_USER_INPUT, NOT_FOUND; CLI: a message and exit status 2).
import { FieldException } from '#spean/contracts';

export enum AccessControlExceptionCode {
  INVALID_INPUT = 'INVALID_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
}

export class AccessControlException extends FieldException<AccessControlExceptionCode> {}
