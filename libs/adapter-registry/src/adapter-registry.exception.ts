// Errors of adapter registration, by code; transports map them (GraphQL:
// BAD_USER_INPUT, NOT_FOUND; CLI: a message and exit status 2). Role refusals
// are AccessDeniedException from #spean/access (FORBIDDEN, HTTP 403).
import { FieldException } from '#spean/contracts';

export enum AdapterRegistryExceptionCode {
  INVALID_INPUT = 'INVALID_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  /** The adapter is not in a state that allows the action, e.g. approving an approved adapter. */
  WRONG_STATE = 'WRONG_STATE',
  /** The name is taken by another ministry's adapter. */
  CONFLICT = 'CONFLICT',
}

export class AdapterRegistryException extends FieldException<AdapterRegistryExceptionCode> {}
