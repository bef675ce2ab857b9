// How many wrong claims verifyCitizen answers before it refuses further claims
// of that kind about that citizen: per agency, and from all agencies together,
// within a window that opens with the first wrong claim. Read once at boot with
// the rest of the gateway configuration (and by the CLI, to list locks).
import type { EnvReader } from '#spean/config';

export interface VerificationLimits {
  /** Wrong claims of one kind about one citizen one agency may make per window. */
  failuresPerAgency: number;
  /** Wrong claims of one kind about one citizen all agencies together may make per window. */
  failuresPerCitizen: number;
  /** Hours a window lasts from its first wrong claim; a lock ends with its window. */
  windowHours: number;
}

export function readVerificationLimits(env: EnvReader): VerificationLimits {
  return {
    failuresPerAgency: env.int('VERIFICATION_FAILURES_PER_AGENCY', 3, { min: 1, max: 1000 }),
    failuresPerCitizen: env.int('VERIFICATION_FAILURES_PER_CITIZEN', 10, { min: 1, max: 10_000 }),
    windowHours: env.int('VERIFICATION_WINDOW_HOURS', 24, { min: 1, max: 24 * 366 }),
  };
}
