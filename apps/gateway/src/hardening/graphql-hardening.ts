// The Apollo Server options that put the gateway's limits on every GraphQL
// request: spread into GraphQLModule.forRoot({...}) in gateway.module.ts.
//   - depth, aliases and cost: validation rules (graphql-limit.rules.ts);
//   - lexical tokens: graphql-js stops parsing past parseOptions.maxTokens,
//     so a huge document is never even built into a tree;
//   - no "Did you mean …?" hints when schema details are hidden (production):
//     they would let a caller without introspection map the schema by typos;
//   - stack traces in error answers only in development.
// Each refusal is counted in spean_limit_refusals_total{limit}.
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { GraphQLFormattedError } from 'graphql';
import type { Metrics } from '#spean/observability';
import type { GatewayConfig } from '../config/gateway.config.js';
import { graphqlLimitRules } from './graphql-limit.rules.js';

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
    formatError: (formatted: GraphQLFormattedError): GraphQLFormattedError => {
      let result = formatted;
      const code = formatted.extensions?.code;
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
