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
import type { GatewayLimits } from '../config/gateway-limits.config.js';
import { sourceAddressKey } from '../hardening/source-address.js';
import { TokenBucketLimiter } from '../hardening/token-bucket.js';

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
  limiter: TokenBucketLimiter;
  limit: FailureRefusal['limit'];
  metric: FailureRefusal['metric'];
  perMinute: number;
  key: (clientId: string, address: string) => string;
}

export class TokenFailureLimiter {
  private readonly counts: Count[] = [];

  constructor(limits: GatewayLimits) {
    if (limits.tokenFailuresPerMinute > 0) {
      this.counts.push({
        limiter: new TokenBucketLimiter({
          ratePerSecond: limits.tokenFailuresPerMinute / 60,
          burst: limits.tokenFailureBurst,
        }),
        limit: 'AUTH_TOKEN_FAILURES_PER_MINUTE',
        metric: 'token_failures',
        perMinute: limits.tokenFailuresPerMinute,
        // A client id is printable ASCII (token-request.ts): a NUL cannot occur in it.
        key: (clientId, address) => `${clientId}\u0000${sourceAddressKey(address)}`,
      });
    }
    if (limits.tokenClientFailuresPerMinute > 0) {
      this.counts.push({
        limiter: new TokenBucketLimiter({
          ratePerSecond: limits.tokenClientFailuresPerMinute / 60,
          burst: limits.tokenClientFailureBurst,
        }),
        limit: 'AUTH_TOKEN_CLIENT_FAILURES_PER_MINUTE',
        metric: 'token_client_failures',
        perMinute: limits.tokenClientFailuresPerMinute,
        key: (clientId) => clientId,
      });
    }
  }

  /** Whether this client, from this address, has used up either count (nothing is taken). */
  isSuspect(clientId: string, address: string | undefined): boolean {
    const from = address ?? 'unknown';
    return this.counts.some((count) => !count.limiter.wouldAllow(count.key(clientId, from)));
  }

  /** Counts one wrong secret; says which limit it went past, if any. */
  recordFailure(clientId: string, address: string | undefined): FailureRefusal | undefined {
    const from = address ?? 'unknown';
    for (const count of this.counts) {
      const taken = count.limiter.take(count.key(clientId, from));
      if (!taken.allowed) {
        return {
          limit: count.limit,
          metric: count.metric,
          perMinute: count.perMinute,
          burst: count.limiter.burst,
          retryAfterSeconds: taken.retryAfterSeconds,
        };
      }
    }
    return undefined;
  }
}
