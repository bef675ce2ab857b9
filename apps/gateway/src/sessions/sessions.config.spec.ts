import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, EnvReader } from '#spean/config';
import { readGatewayConfig } from '../config/gateway.config.js';

function problems(env: Record<string, string>): string[] {
  try {
    readGatewayConfig(new EnvReader(env));
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
  return [];
}

// What production needs beyond sign-in, so only sign-in's problems are left.
const PRODUCTION = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db.internal/spean' };

describe('sign-in settings', () => {
  it('runs the embedded provider for both audiences by default in development', () => {
    const { sessions } = readGatewayConfig(
      new EnvReader({ NODE_ENV: 'development', PORT: '3999' }),
    );
    expect(sessions).toMatchObject({
      publicUrl: 'http://127.0.0.1:3999',
      secureCookies: false,
      idleMinutes: 15,
      officers: { issuer: 'http://127.0.0.1:3999/oidc', claims: { role: 'spean_role' } },
      citizens: {
        issuer: 'http://127.0.0.1:3999/oidc',
        claims: { nationalId: 'spean_national_id' },
      },
    });
    expect(sessions.embeddedProvider?.accountsFile).toMatch(/demo-credentials\.json$/);
  });

  it('refuses to start the embedded provider in production, naming the setting', () => {
    expect(problems({ ...PRODUCTION, OIDC_EMBEDDED_PROVIDER: 'true' })).toContainEqual(
      expect.stringMatching(/^OIDC_EMBEDDED_PROVIDER must not be true in production/),
    );
    // Not asked for: off, and no audience can sign in until an issuer is set.
    const config = readGatewayConfig(new EnvReader(PRODUCTION));
    expect(config.sessions).toMatchObject({
      embeddedProvider: null,
      officers: null,
      citizens: null,
    });
  });

  it('reads an issuer with its client and claim mapping, and sets Secure cookies off loopback', () => {
    const { sessions } = readGatewayConfig(
      new EnvReader({
        PUBLIC_URL: 'https://spean.gov.kh/',
        OIDC_EMBEDDED_PROVIDER: 'false',
        OIDC_OFFICERS_ISSUER: 'https://login.gov.kh/realms/officers',
        OIDC_OFFICERS_CLIENT_ID: 'spean',
        OIDC_OFFICERS_CLIENT_SECRET: 's3cret',
        OIDC_OFFICERS_CLAIM_AGENCY: 'ministry',
        SESSION_IDLE_MINUTES: '30',
      }),
    );
    expect(sessions).toMatchObject({
      publicUrl: 'https://spean.gov.kh',
      secureCookies: true,
      idleMinutes: 30,
      officers: {
        issuer: 'https://login.gov.kh/realms/officers',
        clientId: 'spean',
        clientSecret: 's3cret',
        claims: { agency: 'ministry', role: 'spean_role', name: 'name' },
      },
      citizens: null,
    });
  });

  it('names every missing or malformed sign-in setting at boot, never a secret', () => {
    const found = problems({
      OIDC_CITIZENS_ISSUER: 'ftp://login.gov.kh',
      OIDC_OFFICERS_ISSUER: 'https://login.gov.kh',
      OIDC_OFFICERS_CLAIM_ROLE: 'role claim',
      OIDC_CITIZENS_CLIENT_SECRET: 'do-not-print-me',
      SESSION_IDLE_MINUTES: '0',
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'OIDC_CITIZENS_ISSUER must be a http: or https: URL',
        'OIDC_OFFICERS_CLIENT_ID is required when OIDC_OFFICERS_ISSUER is set',
        'OIDC_OFFICERS_CLIENT_SECRET is required when OIDC_OFFICERS_ISSUER is set',
        expect.stringMatching(/^OIDC_OFFICERS_CLAIM_ROLE must be a claim name/),
        expect.stringMatching(/^SESSION_IDLE_MINUTES must be a whole number/),
      ]),
    );
    expect(found.join('\n')).not.toContain('do-not-print-me');
  });

  it('refuses a plain-HTTP issuer in production unless it is on loopback', () => {
    expect(
      problems({
        ...PRODUCTION,
        OIDC_OFFICERS_ISSUER: 'http://login.gov.kh',
        OIDC_OFFICERS_CLIENT_ID: 'spean',
        OIDC_OFFICERS_CLIENT_SECRET: 's',
      }),
    ).toContain('OIDC_OFFICERS_ISSUER must be https in production');
  });
});
