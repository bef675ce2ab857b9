// The gateway's settings, read and validated once at boot.
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { readCredentialSettings, type CredentialSettings } from '#spean/access';
import { EnvReader, readCommonConfig, type CommonConfig } from '#spean/config';
import { readGatewayLimits, type GatewayLimits } from './gateway-limits.config.js';
import {
  readVerificationLimits,
  type VerificationLimits,
} from '../verification-lock/verification-limits.config.js';
import { defaultConsoleDir } from '../console/console-static.js';
import { readSessionSettings, type SessionSettings } from '../sessions/sessions.config.js';

export interface GatewayConfig extends CommonConfig, CredentialSettings {
  host: string;
  port: number;
  tokenTtlSeconds: number;
  tokenSigningKeyFile: string;
  /** GraphQL introspection; off in production unless asked for. */
  introspection: boolean;
  /**
   * Citizen lookups answered by their compiled plan, outside Apollo's pipeline
   * (citizen/compiled-lookup.middleware.ts); on unless GRAPHQL_COMPILED_LOOKUPS=false.
   */
  compiledLookups: boolean;
  /** Ed25519 key that signs the audit log's checkpoints. */
  auditSigningKeyFile: string;
  /** Seconds between signed checkpoints of the audit log's head (when it moved). */
  auditCheckpointSeconds: number;
  /** The longest a steward may delay the citizen's sight of lookups under a purpose (days). */
  disclosureDelayMaxDays: number;
  /** Secret from which each agency's pseudonym key is derived. */
  pseudonymKeyFile: string;
  /** GraphQL document limits, request size and rate limits (see hardening/). */
  limits: GatewayLimits;
  /** Wrong verification claims answered before claims of that kind are locked. */
  verification: VerificationLimits;
  /**
   * Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed:
   * the client's address is then the last one before them. Empty: the
   * connection's own address, X-Forwarded-For ignored.
   */
  trustedProxies: string[];
  /** Persons' sign-in with OpenID Connect (see sessions/). */
  sessions: SessionSettings;
  /** The built console served at /console/ (dist/console of this checkout by default). */
  consoleDir: string;
  /** Gateway processes serving the port on this machine (gateway.cluster.ts); 1: this one alone. */
  workers: number;
  /** Which of them this process is, 0 … workers − 1 (set by the primary); worker 0 seals the audit log. */
  workerIndex: number;
}

export function readGatewayConfig(env = new EnvReader()): GatewayConfig {
  const common = readCommonConfig(env);
  const host = env.string('HOST', '127.0.0.1');
  const port = env.port('PORT', 3000);
  const config: GatewayConfig = {
    ...common,
    ...readCredentialSettings(env),
    host,
    port,
    tokenTtlSeconds: env.int('TOKEN_TTL_SECONDS', 900, { min: 60, max: 86_400 }),
    tokenSigningKeyFile: path.resolve(
      env.string(
        'TOKEN_SIGNING_KEY_FILE',
        path.join(common.dataDir, 'keys', 'token-signing-key.pem'),
      ),
    ),
    introspection: env.bool('GRAPHQL_INTROSPECTION', common.environment !== 'production'),
    compiledLookups: env.bool('GRAPHQL_COMPILED_LOOKUPS', true),
    auditSigningKeyFile: path.resolve(
      env.string(
        'AUDIT_SIGNING_KEY_FILE',
        path.join(common.dataDir, 'keys', 'audit-signing-key.pem'),
      ),
    ),
    auditCheckpointSeconds: env.int('AUDIT_CHECKPOINT_SECONDS', 60, { min: 1, max: 86_400 }),
    disclosureDelayMaxDays: env.int('DISCLOSURE_DELAY_MAX_DAYS', 180, { min: 1, max: 3660 }),
    pseudonymKeyFile: path.resolve(
      env.string('PSEUDONYM_KEY_FILE', path.join(common.dataDir, 'keys', 'pseudonym-key')),
    ),
    limits: readGatewayLimits(env, common.environment),
    verification: readVerificationLimits(env),
    trustedProxies: readTrustedProxies(env),
    sessions: readSessionSettings(env, { ...common, host, port }),
    consoleDir: path.resolve(env.string('CONSOLE_DIR', defaultConsoleDir())),
    workers: 1,
    workerIndex: env.int('GATEWAY_WORKER_INDEX', 0, { min: 0, max: MAX_WORKERS - 1 }),
  };
  config.workers = readWorkers(env, config);
  env.done();
  return config;
}

const MAX_WORKERS = 64;

/**
 * GATEWAY_WORKERS: one per core by default; 1 in tests, and with the embedded
 * OpenID provider, whose keys and sign-ins live in one process's memory (a
 * code issued by one worker would be redeemed at another).
 */
function readWorkers(env: EnvReader, config: GatewayConfig): number {
  const embedded = config.sessions.embeddedProvider !== null;
  const fallback = config.environment === 'test' || embedded ? 1 : availableParallelism();
  const workers = env.int('GATEWAY_WORKERS', Math.min(fallback, MAX_WORKERS), {
    min: 1,
    max: MAX_WORKERS,
  });
  if (workers > 1 && embedded)
    env.problem(
      'GATEWAY_WORKERS above 1 needs OIDC_EMBEDDED_PROVIDER=false: the embedded provider keeps ' +
        "its keys and sign-ins in one process's memory",
    );
  return workers;
}

/** TRUSTED_PROXIES: comma-separated IPv4/IPv6 addresses or CIDR ranges, e.g. `10.0.0.0/8, ::1`. */
function readTrustedProxies(env: EnvReader): string[] {
  const entries = env.list('TRUSTED_PROXIES');
  for (const [index, entry] of entries.entries()) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (family === 0 || !prefixOk || rest.length > 0) {
      env.problem(
        `TRUSTED_PROXIES entry ${index + 1} ("${entry}") must be an IP address or a CIDR range such as 10.0.0.0/8`,
      );
    }
  }
  return entries;
}
