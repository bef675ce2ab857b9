// Settings of the credential lifecycle, read by every process that rotates
// secrets (the gateway for GraphQL, the CLI) so both default alike.
import type { EnvReader } from '#spean/config';

/** After a rotation the previous secret keeps working this long unless the caller says otherwise. */
export const DEFAULT_SECRET_OVERLAP_HOURS = 24;
/** A week: long enough for a change window, short enough that a forgotten old secret dies. */
export const MAX_SECRET_OVERLAP_HOURS = 168;

export interface CredentialSettings {
  /** Hours the previous secret stays valid after a rotation (CLIENT_SECRET_OVERLAP_HOURS). */
  secretOverlapHours: number;
}

export function readCredentialSettings(env: EnvReader): CredentialSettings {
  return {
    secretOverlapHours: env.int('CLIENT_SECRET_OVERLAP_HOURS', DEFAULT_SECRET_OVERLAP_HOURS, {
      min: 0,
      max: MAX_SECRET_OVERLAP_HOURS,
    }),
  };
}
