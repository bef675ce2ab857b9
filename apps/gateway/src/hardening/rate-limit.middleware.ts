// The per-client GraphQL rate limit as Express middleware (after bearer
// authentication), answered with HTTP 429, a Retry-After header in whole
// seconds and a JSON body naming the limit. (Wrong secrets at /auth/token are
// limited after the secret was checked: auth/token.service.ts.)
// Nothing of the request (query, variables, body) is logged or kept; refusals
// are counted in spean_limit_refusals_total{limit} without client or address.
// The limit holds across every gateway process on the database: each leases
// its client's tokens from a shared bucket (leased-rate-limiter.ts, with the
// bound on how far N processes can go past it).
import type { NextFunction, Request, Response } from 'express';
import type { AuthenticatedRequest } from '#spean/access';
import type { Metrics } from '#spean/observability';
import type { GatewayLimits } from '../config/gateway-limits.config.js';
import type { BucketStore } from './bucket-store.js';
import { LeasedRateLimiter } from './leased-rate-limiter.js';

export type Middleware = (request: Request, response: Response, next: NextFunction) => void;

const PASS: Middleware = (_request, _response, next) => next();

export function graphqlClientRateLimit(
  limits: GatewayLimits,
  metrics: Metrics,
  buckets: BucketStore,
): Middleware {
  if (limits.clientRatePerSecond === 0) return PASS;
  const limiter = new LeasedRateLimiter(
    buckets,
    { name: 'graphql_rate', ratePerSecond: limits.clientRatePerSecond, burst: limits.clientBurst },
    { lease: limits.clientLease > 0 ? limits.clientLease : undefined },
  );
  return (request, response, next) => {
    const principal = (request as Request & AuthenticatedRequest).principal;
    if (principal === undefined) {
      next();
      return;
    }
    // Persons signed in through the console share its client id, so each has a
    // bucket of their own; a client that names officers itself keeps one.
    const person = principal.person;
    const key =
      person?.statedBy === 'session'
        ? `${principal.clientId}\u0000${person.issuer}\u0000${person.subject}`
        : principal.clientId;
    limiter.take(key).then((taken) => {
      if (taken.allowed) {
        next();
        return;
      }
      metrics.limitRefusals.inc({ limit: 'graphql_rate' });
      refuse(response, taken.retryAfterSeconds, {
        error: 'rate_limited',
        message:
          `client rate limit of ${limits.clientRatePerSecond} requests per second ` +
          `(burst ${limits.clientBurst}) exceeded; retry after ${taken.retryAfterSeconds} s`,
        limit: 'GRAPHQL_RATE_LIMIT_PER_SECOND',
        ratePerSecond: limits.clientRatePerSecond,
        burst: limits.clientBurst,
        retryAfterSeconds: taken.retryAfterSeconds,
      });
    }, next);
  };
}

function refuse(response: Response, retryAfterSeconds: number, body: object): void {
  response.statusCode = 429;
  response.setHeader('Retry-After', String(retryAfterSeconds));
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Content-Type', 'application/json');
  response.end(JSON.stringify(body));
}
