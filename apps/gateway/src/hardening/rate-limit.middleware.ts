// Per-caller rate limits as Express middleware, answered with HTTP 429, a
// Retry-After header in whole seconds and a JSON body naming the limit:
//   - /graphql: per authenticated client (runs after bearer authentication);
//   - /auth/token: failed secret checks per source address, against guessing
//     secrets and against burning the CPU on scrypt. A request takes a token
//     on arrival (so parallel guesses count too) and gets it back unless the
//     credentials were wrong (401): clients that know their secret are never
//     slowed down, and refused attempts are never tried at all.
// Nothing of the request (query, variables, body) is logged or kept; refusals
// are counted in spean_limit_refusals_total{limit} without client or address.
import type { NextFunction, Request, Response } from 'express';
import type { AuthenticatedRequest } from '#spean/access';
import type { Metrics } from '#spean/observability';
import type { GatewayLimits } from './gateway-limits.config.js';
import { sourceAddressKey } from './source-address.js';
import { TokenBucketLimiter } from './token-bucket.js';

export type Middleware = (request: Request, response: Response, next: NextFunction) => void;

const PASS: Middleware = (_request, _response, next) => next();

export function graphqlClientRateLimit(limits: GatewayLimits, metrics: Metrics): Middleware {
  if (limits.clientRatePerSecond === 0) return PASS;
  const limiter = new TokenBucketLimiter({
    ratePerSecond: limits.clientRatePerSecond,
    burst: limits.clientBurst,
  });
  return (request, response, next) => {
    const clientId = (request as Request & AuthenticatedRequest).principal?.clientId;
    if (clientId === undefined) {
      next();
      return;
    }
    const taken = limiter.take(clientId);
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
  };
}

export function tokenEndpointRateLimit(limits: GatewayLimits, metrics: Metrics): Middleware {
  if (limits.tokenFailuresPerMinute === 0) return PASS;
  const limiter = new TokenBucketLimiter({
    ratePerSecond: limits.tokenFailuresPerMinute / 60,
    burst: limits.tokenFailureBurst,
  });
  return (request, response, next) => {
    const address = sourceAddressKey(request.ip ?? request.socket.remoteAddress);
    const taken = limiter.take(address);
    if (!taken.allowed) {
      metrics.limitRefusals.inc({ limit: 'token_failures' });
      refuse(response, taken.retryAfterSeconds, {
        error: 'rate_limited',
        error_description:
          `too many failed client authentications from this address: the limit is ` +
          `${limits.tokenFailuresPerMinute} per minute (burst ${limits.tokenFailureBurst}); ` +
          `retry after ${taken.retryAfterSeconds} s`,
        limit: 'AUTH_TOKEN_FAILURES_PER_MINUTE',
        perMinute: limits.tokenFailuresPerMinute,
        burst: limits.tokenFailureBurst,
        retryAfterSeconds: taken.retryAfterSeconds,
      });
      return;
    }
    response.once('finish', () => {
      if (response.statusCode !== 401) limiter.refund(address);
    });
    next();
  };
}

function refuse(response: Response, retryAfterSeconds: number, body: object): void {
  response.statusCode = 429;
  response.setHeader('Retry-After', String(retryAfterSeconds));
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Content-Type', 'application/json');
  response.end(JSON.stringify(body));
}
