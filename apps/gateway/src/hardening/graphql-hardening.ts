// The Apollo Server options that put the gateway's limits on every GraphQL
// request: spread into GraphQLModule.forRoot({...}) in gateway.module.ts.
//   - depth, aliases and cost: validation rules (graphql-limit.rules.ts);
//   - lexical tokens: graphql-js stops parsing past parseOptions.maxTokens,
//     so a huge document is never even built into a tree;
//   - no "Did you mean …?" hints when schema details are hidden (production):
//     they would let a caller without introspection map the schema by typos;
//   - stack traces in error answers only in development;
//   - an error without a code we know (a database or driver error, a bug) is
//     answered with a generic INTERNAL_SERVER_ERROR and no text of its own —
//     in development too — and logged here with what it was, never its
//     message (which may quote a national id or a name).
// Each refusal is counted in spean_limit_refusals_total{limit}.
import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from '@nestjs/common';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { GraphQLFormattedError } from 'graphql';
import type { Metrics } from '#spean/observability';
import type { GatewayConfig } from '../config/gateway.config.js';
import { GATEWAY_ERROR_CODES } from '../common/graphql-error-filter.js';
import { describeFault } from './fault-description.js';
import { graphqlLimitRules } from './graphql-limit.rules.js';

/**
 * Codes an answer may carry as they are: the gateway's own (the one list the
 * GraphQL error filters draw from, see common/graphql-error-filter.ts) and
 * Apollo's own for a request it refused. Anything else is answered as an
 * internal error.
 */
export const CLIENT_ERROR_CODES: ReadonlySet<string> = new Set<string>([
  ...GATEWAY_ERROR_CODES,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export const INTERNAL_ERROR_MESSAGE =
  'The gateway could not answer this request; the fault is logged (not in your request).';

const log = new Logger('graphql');

/** What the log may say of an unexpected error: where, its kind and database code, never its text. */
function describeInternal(error: unknown, formatted: GraphQLFormattedError): string {
  const path = formatted.path?.join('.') ?? '(no path)';
  return `internal error at ${path}: ${describeFault(unwrapResolverError(error))}`;
}

export type GraphqlHardeningOptions = Pick<
  ApolloDriverConfig,
  | 'validationRules'
  | 'parseOptions'
  | 'hideSchemaDetailsFromClientErrors'
  | 'includeStacktraceInErrorResponses'
  | 'formatError'
>;

/** graphql-js's message when parseOptions.maxTokens stops the parser ("more that" in v16). */
const TOO_MANY_TOKENS = /Document contains more th(?:at|an) \d+ tokens/;
const SUGGESTION = / ?Did you mean(.+?)\?$/;
const COUNTED = new Set(['depth', 'aliases', 'cost', 'tokens']);

export function graphqlHardening(config: GatewayConfig, metrics: Metrics): GraphqlHardeningOptions {
  const { limits } = config;
  return {
    validationRules: graphqlLimitRules(limits),
    parseOptions: { maxTokens: limits.maxTokens },
    hideSchemaDetailsFromClientErrors: limits.hideSchemaDetails,
    includeStacktraceInErrorResponses: config.environment === 'development',
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
      const code = formatted.extensions?.code;
      if (typeof code !== 'string' || !CLIENT_ERROR_CODES.has(code)) {
        log.error(describeInternal(error, formatted));
        return {
          message: INTERNAL_ERROR_MESSAGE,
          ...(formatted.locations ? { locations: formatted.locations } : {}),
          ...(formatted.path ? { path: formatted.path } : {}),
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        };
      }
      let result = formatted;
      if (code === 'GRAPHQL_PARSE_FAILED' && TOO_MANY_TOKENS.test(formatted.message)) {
        // Said like the other limits; the parser stopped, so the real count is unknown.
        result = {
          ...formatted,
          message: `query token count exceeds the limit of ${limits.maxTokens}`,
          extensions: { ...formatted.extensions, limit: 'tokens', maximum: limits.maxTokens },
        };
      }
      const limit = result.extensions?.limit;
      if (
        (code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED') &&
        typeof limit === 'string' &&
        COUNTED.has(limit)
      ) {
        metrics.limitRefusals.inc({ limit });
      }
      // Apollo strips hints from validation errors; variable coercion errors carry them too.
      if (limits.hideSchemaDetails && SUGGESTION.test(result.message)) {
        result = { ...result, message: result.message.replace(SUGGESTION, '') };
      }
      return result;
    },
  };
}
