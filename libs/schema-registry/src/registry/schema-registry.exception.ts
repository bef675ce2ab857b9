// Errors of the schema registry, by code; each transport maps them (GraphQL:
// BAD_USER_INPUT, NOT_FOUND, FORBIDDEN; CLI: a message and exit status).
import { DetailedException } from '#spean/contracts';
import type { Incompatibility } from '../compatibility/index.js';

export enum SchemaRegistryExceptionCode {
  INVALID_SCHEMA = 'INVALID_SCHEMA',
  INCOMPATIBLE = 'INCOMPATIBLE',
  NOT_FOUND = 'NOT_FOUND',
  WRONG_STATE = 'WRONG_STATE',
  IMMUTABLE = 'IMMUTABLE',
  INVALID_INPUT = 'INVALID_INPUT',
}

export class SchemaRegistryException extends DetailedException<
  SchemaRegistryExceptionCode,
  { incompatibilities?: Incompatibility[] }
> {
  /** Why a version is not compatible (INCOMPATIBLE); empty otherwise. */
  get incompatibilities(): Incompatibility[] {
    return this.details.incompatibilities ?? [];
  }
}
