// GraphQL over HTTP and its defences: depth, alias, cost and token limits,
// argument text checks, error masking (formatError) and operation metrics.
// Resolvers are found in every feature module the root imports.
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import type { AuthenticatedRequest } from '#spean/access';
import { Metrics } from '#spean/observability';
import type { GatewayContext } from '../common/gateway-context.js';
import type { GatewayConfig } from '../config/gateway.config.js';
import { GATEWAY_CONFIG } from '../gateway.tokens.js';
import { argumentTextPlugin } from './argument-text.plugin.js';
import { GatewayApolloDriver } from './gateway-apollo.driver.js';
import { graphqlHardening } from './graphql-hardening.js';

/** Apollo's options for the gateway, from its configuration and metrics. */
export function gatewayGraphqlOptions(config: GatewayConfig, metrics: Metrics): ApolloDriverConfig {
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
    ...graphqlHardening(config, metrics),
    // Answers as compact JSON: Apollo's default indents every answer, which made
    // serialising 4 % of a lookup's CPU and the bytes written about a third larger.
    stringifyResult: (result) => JSON.stringify(result),
    // No cache hints are used: without the plugin, no resolver is wrapped to collect them.
    // Every string argument is checked for text the database cannot hold.
    plugins: [ApolloServerPluginCacheControlDisabled(), argumentTextPlugin()],
    context: ({ req }: { req: Request & AuthenticatedRequest }): GatewayContext => ({
      principal: req.principal!,
    }),
  };
}

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: GatewayApolloDriver,
      inject: [GATEWAY_CONFIG, Metrics],
      useFactory: gatewayGraphqlOptions,
    }),
  ],
})
export class HardeningModule {}
