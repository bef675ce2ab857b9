// Wrong secrets at /auth/token, counted after the secret was checked — so a
// client that knows its secret is never refused, whatever others did from its
// address (behind a reverse proxy, one address may be a whole country). Two
// counts, each a token bucket: per client id and source address (one caller
// guessing one client's secret), and per client id over all addresses (many
// callers guessing one client's secret). A wrong secret past either is
// answered 429 with Retry-After instead of 401. Guessing a 256-bit secret is
// hopeless anyway; the counts tell a misconfigured or hostile caller to stop,
// and mark its requests as the ones to serve last (see SecretCheckGate), so a
// flood of wrong secrets for one client does not delay the others.
//
// The buckets are the ones every gateway process shares (BucketStore): a
// lockout earned at one gateway holds at all of them. Wrong secrets are rare,
// so each one is a statement on the database, and each token request reads
// the two buckets once (isSuspect) — exact across processes, no lease.
import type { GatewayLimits } from '../config/gateway-limits.config.js';
import {
  secondsUntilToken,
  type BucketLimit,
  type BucketStore,
} from '../hardening/bucket-store.js';
import { sourceAddressKey } from '../hardening/source-address.js';

export interface FailureRefusal {
  /** The setting that names the limit reached. */
  limit: 'AUTH_TOKEN_FAILURES_PER_MINUTE' | 'AUTH_TOKEN_CLIENT_FAILURES_PER_MINUTE';
  /** The metrics label the refusal is counted under. */
  metric: 'token_failures' | 'token_client_failures';
  perMinute: number;
  burst: number;
  retryAfterSeconds: number;
}

interface Count {
  bucket: BucketLimit;
  limit: FailureRefusal['limit'];
  metric: FailureRefusal['metric'];
  perMinute: number;
  key: (clientId: string, address: string) => string;
}

export class TokenFailureLimiter {
  private readonly counts: Count[];

  constructor(
    limits: GatewayLimits,
    private readonly buckets: BucketStore,
  ) {
    this.counts = [
      failureCount(
        'AUTH_TOKEN_FAILURES_PER_MINUTE',
        limits.tokenFailuresPerMinute,
        limits.tokenFailureBurst,
        // A client id is printable ASCII (token-request.ts): a NUL cannot occur in it.
        (clientId, address) => `${clientId}\u0000${sourceAddressKey(address)}`,
      ),
      failureCount(
        'AUTH_TOKEN_CLIENT_FAILURES_PER_MINUTE',
        limits.tokenClientFailuresPerMinute,
        limits.tokenClientFailureBurst,
        (clientId) => clientId,
      ),
    ].filter((each) => each.perMinute > 0);
  }

  /** Whether this client, from this address, has used up either count (nothing is taken). */
  async isSuspect(clientId: string, address: string | undefined): Promise<boolean> {
    const from = address ?? 'unknown';
    const tokens = await Promise.all(
      this.counts.map((count) => this.buckets.peek(count.key(clientId, from), count.bucket)),
    );
    return tokens.some((left) => left < 1);
  }

  /** Counts one wrong secret; says which limit it went past, if any. */
  async recordFailure(
    clientId: string,
    address: string | undefined,
  ): Promise<FailureRefusal | undefined> {
    const from = address ?? 'unknown';
    for (const count of this.counts) {
      const { granted, tokens } = await this.buckets.take(
        count.key(clientId, from),
        count.bucket,
        1,
      );
      if (granted < 1) {
        return {
          limit: count.limit,
          metric: count.metric,
          perMinute: count.perMinute,
          burst: count.bucket.burst,
          retryAfterSeconds: secondsUntilToken(tokens, count.bucket),
        };
      }
    }
    return undefined;
  }
}

const METRIC_OF = {
  AUTH_TOKEN_FAILURES_PER_MINUTE: 'token_failures',
  AUTH_TOKEN_CLIENT_FAILURES_PER_MINUTE: 'token_client_failures',
} as const satisfies Record<FailureRefusal['limit'], FailureRefusal['metric']>;

/** One count: a token bucket, named as its metric, refilled `perMinute` a minute up to `burst`. */
function failureCount(
  limit: FailureRefusal['limit'],
  perMinute: number,
  burst: number,
  key: Count['key'],
): Count {
  const metric = METRIC_OF[limit];
  return {
    bucket: { name: metric, ratePerSecond: perMinute / 60, burst },
    limit,
    metric,
    perMinute,
    key,
  };
}
