// consumerLag: each consumer group's backlog, for the stewards who watch data
// quality and the integrators who run adapters.
import { UseFilters } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { requireRole } from '#spean/access';
import { AccessDeniedGraphqlFilter } from '../common/access-denied-graphql.filter.js';
import type { GatewayContext } from '../common/gateway-context.js';
import { ConsoleQueryGraphqlFilter } from '../console-queries/console-query-graphql.filter.js';
import { ConsumerLagService } from './consumer-lag.service.js';
import { ConsumerGroupLagModel } from './models/consumer-lag.model.js';

export const CONSUMER_LAG_READERS = ['steward', 'integrator'] as const;

@Resolver()
@UseFilters(AccessDeniedGraphqlFilter, ConsoleQueryGraphqlFilter)
export class ConsumerLagResolver {
  constructor(private readonly lag: ConsumerLagService) {}

  @Query(() => [ConsumerGroupLagModel], {
    description:
      'Messages behind and the age of the oldest, per adapter (its reactions) and for the gateway’s read model.',
  })
  consumerLag(
    @Context() context: GatewayContext,
    @Args('group', { nullable: true, description: 'Only this consumer group' }) group?: string,
  ): Promise<ConsumerGroupLagModel[]> {
    requireRole(context.principal, CONSUMER_LAG_READERS, 'consumerLag');
    return this.lag.lag(group);
  }
}
