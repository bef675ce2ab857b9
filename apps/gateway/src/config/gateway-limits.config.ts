// The gateway's protective limits: what one GraphQL document may ask for, how
// big a request may be, how fast one client may call, how many wrong secrets
// may be tried for one client, and how many secrets are checked at once. Read once at boot with the rest of the gateway
// configuration; every default admits a busy desk system (the lookup benchmark
// runs 5,000 lookups a second from a few clients) and can be lowered.
import type { EnvReader } from '#spean/config';

export interface GatewayLimits {
  /** Deepest nesting of fields in one operation (`{ citizen { person { sex } } }` is 3). */
  maxDepth: number;
  /** Most aliased fields in one operation, fragments expanded. */
  maxAliases: number;
  /** Most fields one operation may select, each field of a list counted listFactor times. */
  maxCost: number;
  /** How many items a list field is assumed to hold when the cost is estimated. */
  listFactor: number;
  /** Most lexical tokens in one GraphQL document; the parser stops past it. */
  maxTokens: number;
  /** Largest JSON body accepted on /graphql, in bytes. */
  maxBodyBytes: number;
  /** Validation errors without "Did you mean …?" hints naming fields the caller did not ask for. */
  hideSchemaDetails: boolean;
  /** Sustained GraphQL requests per second per client; 0 turns the limit off. */
  clientRatePerSecond: number;
  /** GraphQL requests a client may make at once before the sustained rate applies. */
  clientBurst: number;
  /**
   * Tokens a gateway process leases at a time from a client's bucket shared by
   * every process (hardening/leased-rate-limiter.ts); 0: a tenth of a second's
   * rate, at most a quarter of the burst. Larger: fewer statements, a looser bound.
   */
  clientLease: number;
  /** Wrong secrets at /auth/token per client id and source address per minute; 0 turns the limit off. */
  tokenFailuresPerMinute: number;
  /** Wrong secrets for one client from one address in a row before the per-minute rate applies. */
  tokenFailureBurst: number;
  /** Wrong secrets at /auth/token per client id, all addresses together, per minute; 0: off. */
  tokenClientFailuresPerMinute: number;
  /** Wrong secrets for one client in a row, all addresses together, before the rate applies. */
  tokenClientFailureBurst: number;
  /** Client secrets checked at once (each check is two scrypt hashes). */
  tokenCheckConcurrency: number;
  /** Token requests that may wait for a check; past it, 503 at once. */
  tokenCheckQueue: number;
}

export function readGatewayLimits(
  env: EnvReader,
  environment: 'development' | 'production' | 'test',
): GatewayLimits {
  return {
    maxDepth: env.int('GRAPHQL_MAX_DEPTH', 10, { min: 2, max: 100 }),
    maxAliases: env.int('GRAPHQL_MAX_ALIASES', 20, { min: 0, max: 10_000 }),
    maxCost: env.int('GRAPHQL_MAX_COST', 5_000, { min: 1, max: 10_000_000 }),
    listFactor: env.int('GRAPHQL_LIST_FACTOR', 10, { min: 1, max: 1_000 }),
    maxTokens: env.int('GRAPHQL_MAX_TOKENS', 5_000, { min: 50, max: 1_000_000 }),
    maxBodyBytes: env.int('GRAPHQL_MAX_BODY_BYTES', 102_400, { min: 1_024, max: 16_777_216 }),
    hideSchemaDetails: env.bool('GRAPHQL_HIDE_SCHEMA_DETAILS', environment === 'production'),
    // A whole ministry back office behind one client rarely needs more; raise it per deployment.
    clientRatePerSecond: env.int('GRAPHQL_RATE_LIMIT_PER_SECOND', 200, {
      min: 0,
      max: 1_000_000,
    }),
    clientBurst: env.int('GRAPHQL_RATE_LIMIT_BURST', 400, { min: 1, max: 1_000_000 }),
    clientLease: env.int('GRAPHQL_RATE_LIMIT_LEASE', 0, { min: 0, max: 1_000_000 }),
    tokenFailuresPerMinute: env.int('AUTH_TOKEN_FAILURES_PER_MINUTE', 30, {
      min: 0,
      max: 1_000_000,
    }),
    tokenFailureBurst: env.int('AUTH_TOKEN_FAILURE_BURST', 20, { min: 1, max: 1_000_000 }),
    tokenClientFailuresPerMinute: env.int('AUTH_TOKEN_CLIENT_FAILURES_PER_MINUTE', 120, {
      min: 0,
      max: 1_000_000,
    }),
    tokenClientFailureBurst: env.int('AUTH_TOKEN_CLIENT_FAILURE_BURST', 100, {
      min: 1,
      max: 1_000_000,
    }),
    // scrypt runs on libuv's pool of 4 threads; more at once only makes each wait longer.
    tokenCheckConcurrency: env.int('AUTH_TOKEN_CHECK_CONCURRENCY', 4, { min: 1, max: 1_024 }),
    tokenCheckQueue: env.int('AUTH_TOKEN_CHECK_QUEUE', 200, { min: 0, max: 100_000 }),
  };
}
