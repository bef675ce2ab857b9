// A lookup is a few hundred bytes, so /graphql reads JSON bodies up to
// GRAPHQL_MAX_BODY_BYTES (100 kB by default) rather than the gateway's general
// 1 MB. gateway.app.ts marks /graphql requests (Express's own route matching)
// before any body is read; the JSON parser for marked requests has the small
// limit, and the general one skips them because their body is already read.
// Body errors are answered here in JSON, with messages that never quote the
// body: the JSON parser's own message does, and a body may hold national ids.
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from '#spean/observability';
import type { GatewayLimits } from '../config/gateway-limits.config.js';
import type { Middleware } from './rate-limit.middleware.js';

const GRAPHQL_REQUEST = Symbol('spean.graphqlRequest');

type Marked = IncomingMessage & { [GRAPHQL_REQUEST]?: true };

/** Part of the /graphql middleware chain: says the request is for GraphQL. */
export const markGraphqlRequest: Middleware = (request, _response, next) => {
  (request as Marked)[GRAPHQL_REQUEST] = true;
  next();
};

/**
 * The `type` of the /graphql JSON parser: any JSON-like content type on a
 * marked request, so none of them is left to the general parser's larger limit.
 */
export function isGraphqlJson(request: IncomingMessage): boolean {
  return (
    (request as Marked)[GRAPHQL_REQUEST] === true &&
    /json/i.test(request.headers['content-type'] ?? '')
  );
}

interface BodyParserError {
  type?: unknown;
  status?: unknown;
}

/** Express error middleware for /graphql, registered after the body parsers. */
export function graphqlBodyErrors(limits: GatewayLimits, metrics: Metrics) {
  return (error: unknown, _request: Request, response: Response, next: NextFunction): void => {
    const { type, status } = (error ?? {}) as BodyParserError;
    if (typeof type !== 'string' || typeof status !== 'number' || status < 400 || status >= 500) {
      next(error);
      return;
    }
    let body: { error: string; message: string; limit?: string; maximum?: number };
    if (type === 'entity.too.large') {
      metrics.limitRefusals.inc({ limit: 'body_size' });
      body = {
        error: 'payload_too_large',
        message: `the request body exceeds the limit of ${limits.maxBodyBytes} bytes`,
        limit: 'GRAPHQL_MAX_BODY_BYTES',
        maximum: limits.maxBodyBytes,
      };
    } else if (type === 'entity.parse.failed') {
      body = { error: 'invalid_json', message: 'the request body is not valid JSON' };
    } else {
      body = { error: 'bad_request', message: STATUS_CODES[status] ?? 'Bad Request' };
    }
    response.status(status).setHeader('Cache-Control', 'no-store').json(body);
  };
}
