// Errors of client credentials, by code; transports map them (GraphQL:
// BAD_USER_INPUT, NOT_FOUND, CONFLICT; CLI: the message and exit status 3).
// Messages name the field and the rule, never the value: a citizen's national
// id may be the value.
import { FieldException } from '#spean/contracts';

export enum ClientExceptionCode {
  INVALID_INPUT = 'INVALID_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  /** The client's state does not allow it: revoked, or a citizen who already has a client. */
  CONFLICT = 'CONFLICT',
}

export class ClientException extends FieldException<ClientExceptionCode> {}
