import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, EnvReader } from '#spean/config';
import { readVerificationLimits } from './verification-limits.config.js';

describe('readVerificationLimits', () => {
  it('defaults to 3 wrong claims per agency and 10 per citizen in 24 hours', () => {
    expect(readVerificationLimits(new EnvReader({}))).toEqual({
      failuresPerAgency: 3,
      failuresPerCitizen: 10,
      windowHours: 24,
    });
  });

  it('refuses a limit of 0 at boot, naming the setting', () => {
    const env = new EnvReader({
      VERIFICATION_FAILURES_PER_AGENCY: '0',
      VERIFICATION_WINDOW_HOURS: 'a day',
    });
    readVerificationLimits(env);
    expect(() => env.done()).toThrow(ConfigurationError);
    expect(() => env.done()).toThrow(
      /VERIFICATION_FAILURES_PER_AGENCY.*\n.*VERIFICATION_WINDOW_HOURS/,
    );
  });
});
