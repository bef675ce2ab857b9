// Settings of persons' sign-in: the two identity providers (officers and
// citizens), each by discovery URL, client and claim mapping; the session's
// idle timeout; the gateway's public address (where the provider sends the
// browser back); and the embedded demo provider. Read once at boot by the
// gateway's config, validated with everything else.
import path from 'node:path';
import type { EnvReader } from '#spean/config';

/** Who signs in through an issuer: officers of agencies, or citizens. */
export const AUDIENCES = ['officer', 'citizen'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Which claim of the ID token (or userinfo) gives each fact. */
export interface ClaimMapping {
  name: string;
  /** Officers: the Spean role (agency, steward, integrator, auditor). */
  role: string;
  /** Officers: the registered agency id. */
  agency: string;
  /** Citizens: the national id, checked by the national id scheme. */
  nationalId: string;
}

export interface IssuerSettings {
  audience: Audience;
  /** The issuer URL; discovery reads `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  claims: ClaimMapping;
}

export interface EmbeddedProviderSettings {
  /** The demo persons (entries with `username` in demo-credentials.json). */
  accountsFile: string;
}

export interface SessionSettings {
  /** Where browsers reach the gateway; the callback is `<publicUrl>/auth/callback`. */
  publicUrl: string;
  /** Cookies carry Secure unless the gateway is reached over plain HTTP on loopback. */
  secureCookies: boolean;
  idleMinutes: number;
  officers: IssuerSettings | null;
  citizens: IssuerSettings | null;
  /** The OpenID provider the gateway runs at /oidc for the demo; never in production. */
  embeddedProvider: EmbeddedProviderSettings | null;
}

/** The path the embedded provider is served under. */
export const EMBEDDED_PROVIDER_PATH = '/oidc';
/** The embedded provider's clients: one per audience, secrets generated per process. */
export const EMBEDDED_CLIENT_IDS: Record<Audience, string> = {
  officer: 'spean-console-officers',
  citizen: 'spean-console-citizens',
};

const DEFAULT_CLAIMS: ClaimMapping = {
  name: 'name',
  role: 'spean_role',
  agency: 'spean_agency',
  nationalId: 'spean_national_id',
};

export function readSessionSettings(
  env: EnvReader,
  context: { environment: string; host: string; port: number; dataDir: string },
): SessionSettings {
  const loopbackHost = ['0.0.0.0', '::', '127.0.0.1', 'localhost', '::1'].includes(context.host)
    ? '127.0.0.1'
    : context.host;
  const publicUrl = (
    env.url('PUBLIC_URL', ['http:', 'https:']) ?? `http://${loopbackHost}:${context.port}`
  ).replace(/\/+$/, '');
  // On for development (npm start); tests ask for it where they use it.
  const embedded = env.bool('OIDC_EMBEDDED_PROVIDER', context.environment === 'development');
  if (embedded && context.environment === 'production')
    env.problem(
      'OIDC_EMBEDDED_PROVIDER must not be true in production: the embedded provider signs in demo persons; ' +
        'set OIDC_OFFICERS_* and OIDC_CITIZENS_* to your identity providers',
    );
  const embeddedIssuer = `${publicUrl}${EMBEDDED_PROVIDER_PATH}`;
  const issuer = (audience: Audience): IssuerSettings | null =>
    readIssuer(env, audience, {
      embeddedIssuer: embedded ? embeddedIssuer : undefined,
      production: context.environment === 'production',
    });
  return {
    publicUrl,
    secureCookies: !isPlainLoopback(publicUrl),
    idleMinutes: env.int('SESSION_IDLE_MINUTES', 15, { min: 1, max: 24 * 60 }),
    officers: issuer('officer'),
    citizens: issuer('citizen'),
    embeddedProvider: embedded
      ? {
          accountsFile: path.resolve(
            env.string(
              'OIDC_EMBEDDED_ACCOUNTS_FILE',
              path.join(context.dataDir, 'demo-credentials.json'),
            ),
          ),
        }
      : null,
  };
}

/**
 * OIDC_OFFICERS_ISSUER, _CLIENT_ID, _CLIENT_SECRET and _CLAIM_NAME|ROLE|AGENCY|NATIONAL_ID
 * (and the same under OIDC_CITIZENS_). No issuer and no embedded provider: that
 * audience cannot sign in.
 */
function readIssuer(
  env: EnvReader,
  audience: Audience,
  { embeddedIssuer, production }: { embeddedIssuer: string | undefined; production: boolean },
): IssuerSettings | null {
  const prefix = `OIDC_${audience === 'officer' ? 'OFFICERS' : 'CITIZENS'}_`;
  const configured = env.url(`${prefix}ISSUER`, ['http:', 'https:']);
  const clientId = env.string(`${prefix}CLIENT_ID`);
  const clientSecret = env.secret(`${prefix}CLIENT_SECRET`);
  const claims: ClaimMapping = {
    name: claim(env, `${prefix}CLAIM_NAME`, DEFAULT_CLAIMS.name),
    role: claim(env, `${prefix}CLAIM_ROLE`, DEFAULT_CLAIMS.role),
    agency: claim(env, `${prefix}CLAIM_AGENCY`, DEFAULT_CLAIMS.agency),
    nationalId: claim(env, `${prefix}CLAIM_NATIONAL_ID`, DEFAULT_CLAIMS.nationalId),
  };
  if (configured) {
    if (!clientId) env.problem(`${prefix}CLIENT_ID is required when ${prefix}ISSUER is set`);
    if (!clientSecret)
      env.problem(`${prefix}CLIENT_SECRET is required when ${prefix}ISSUER is set`);
    // Tokens and the client secret cross this connection.
    if (production && !isHttpsOrLoopback(configured))
      env.problem(`${prefix}ISSUER must be https in production`);
    return {
      audience,
      issuer: configured.replace(/\/+$/, ''),
      clientId: clientId ?? '',
      clientSecret: clientSecret ?? '',
      claims,
    };
  }
  if (clientId || clientSecret) env.problem(`${prefix}ISSUER is required with ${prefix}CLIENT_ID`);
  if (!embeddedIssuer) return null;
  // The embedded provider's own client; its secret is made when the provider starts.
  return {
    audience,
    issuer: embeddedIssuer,
    clientId: EMBEDDED_CLIENT_IDS[audience],
    clientSecret: '',
    claims: DEFAULT_CLAIMS,
  };
}

function claim(env: EnvReader, name: string, fallback: string): string {
  const value = env.string(name, fallback);
  if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(value))
    env.problem(`${name} must be a claim name (letters, digits, _ . : -)`);
  return value;
}

function isHttpsOrLoopback(url: string): boolean {
  return new URL(url).protocol === 'https:' || isPlainLoopback(url);
}

function isPlainLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}
