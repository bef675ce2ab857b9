// GraphQL over HTTP and its defences: depth, alias, cost and token limits,
// argument text checks, error masking (formatError) and operation metrics.
// Resolvers are found in every feature module the root imports.
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import type { ValidationRule } from 'graphql';
import type { AuthenticatedRequest } from '#spean/access';
import { Metrics } from '#spean/observability';
import type { GatewayContext } from '../common/gateway-context.js';
import type { GatewayConfig } from '../config/gateway.config.js';
import { GATEWAY_CONFIG } from '../gateway.tokens.js';
import { compiledLookups } from '../citizen/compiled-lookup.middleware.js';
import { CitizenService } from '../citizen/citizen.service.js';
import { argumentTextPlugin } from './argument-text.plugin.js';
import { GatewayApolloDriver, type GatewayDriverConfig } from './gateway-apollo.driver.js';
import { graphqlHardening } from './graphql-hardening.js';

/**
 * Apollo's options for the gateway, from its configuration and metrics; with
 * the module's providers, the compiled citizen lookups that answer before Apollo.
 */
export function gatewayGraphqlOptions(
  config: GatewayConfig,
  metrics: Metrics,
  modules?: ModuleRef,
): GatewayDriverConfig {
  const hardening = graphqlHardening(config, metrics);
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: config.introspection,
    graphiql: false,
    playground: false,
    // Apollo's CSRF prevention stays on: simple (form-like) requests are refused.
    csrfPrevention: true,
    // Depth, alias, cost and token limits; no schema hints in production.
    ...hardening,
    // Answers as compact JSON: Apollo's default indents every answer, which made
    // serialising 4 % of a lookup's CPU and the bytes written about a third larger.
    stringifyResult: (result) => JSON.stringify(result),
    // No cache hints are used: without the plugin, no resolver is wrapped to collect them.
    // Every string argument is checked for text the database cannot hold.
    // Nothing is reported to Apollo's cloud, whatever the environment holds (APOLLO_KEY).
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      argumentTextPlugin(),
    ],
    context: ({ req }: { req: Request & AuthenticatedRequest }): GatewayContext => ({
      principal: req.principal!,
    }),
    before:
      modules && config.compiledLookups
        ? (schema, apollo) =>
            compiledLookups({
              schema,
              citizens: modules.get(CitizenService, { strict: false }),
              metrics,
              // As Apollo has them: Nest wraps formatError in its own first.
              formatError: apollo.formatError ?? ((formatted) => formatted),
              includeStacktrace: apollo.includeStacktraceInErrorResponses === true,
              maxTokens: config.limits.maxTokens,
              validationRules: hardening.validationRules as ValidationRule[],
            })
        : undefined,
  };
}

@Module({
  imports: [
    GraphQLModule.forRootAsync<GatewayDriverConfig>({
      driver: GatewayApolloDriver,
      inject: [GATEWAY_CONFIG, Metrics, ModuleRef],
      useFactory: gatewayGraphqlOptions,
    }),
  ],
})
export class HardeningModule {}
