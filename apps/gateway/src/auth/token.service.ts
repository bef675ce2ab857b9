// The client-credentials exchange as the token endpoint runs it: the secret
// is always checked (bounded by SecretCheckGate), a right one always gets a
// token, and only a wrong one is counted (TokenFailureLimiter) — answered 401,
// or 429 once the client went past a failure limit. Refusals are counted in
// spean_limit_refusals_total{limit}, never labelled by client or address.
import type { ClientCredentialsService, IssuedToken } from '#spean/access';
import type { Metrics } from '#spean/observability';
import type { GatewayLimits } from '../config/gateway-limits.config.js';
import type { BucketStore } from '../hardening/bucket-store.js';
import { GATE_FULL, SecretCheckGate } from './secret-check-gate.js';
import { TokenFailureLimiter, type FailureRefusal } from './token-failure-limiter.js';
import type { TokenCredentials } from './token-request.js';

export type TokenOutcome =
  | { kind: 'issued'; token: IssuedToken }
  | { kind: 'refused' }
  | { kind: 'limited'; refusal: FailureRefusal }
  | { kind: 'busy' };

export class TokenService {
  private readonly gate: SecretCheckGate;
  private readonly failures: TokenFailureLimiter;

  constructor(
    private readonly credentials: ClientCredentialsService,
    limits: GatewayLimits,
    private readonly metrics: Metrics,
    buckets: BucketStore,
  ) {
    this.gate = new SecretCheckGate(limits.tokenCheckConcurrency, limits.tokenCheckQueue);
    this.failures = new TokenFailureLimiter(limits, buckets);
  }

  async exchange(request: TokenCredentials, address: string | undefined): Promise<TokenOutcome> {
    const { clientId, clientSecret } = request;
    const issued = await this.gate.run(
      () => this.credentials.exchange(clientId, clientSecret),
      await this.failures.isSuspect(clientId, address),
    );
    if (issued === GATE_FULL) {
      this.metrics.limitRefusals.inc({ limit: 'token_checks_busy' });
      return { kind: 'busy' };
    }
    if (issued) return { kind: 'issued', token: issued };
    const refusal = await this.failures.recordFailure(clientId, address);
    if (!refusal) return { kind: 'refused' };
    this.metrics.limitRefusals.inc({ limit: refusal.metric });
    return { kind: 'limited', refusal };
  }
}
