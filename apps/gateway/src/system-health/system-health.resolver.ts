// systemHealth: the steward's view of every part of the exchange at once.
import { UseFilters } from '@nestjs/common';
import { Context, Query, Resolver } from '@nestjs/graphql';
import { requireRole } from '#spean/access';
import { AccessDeniedGraphqlFilter } from '../common/access-denied-graphql.filter.js';
import type { GatewayContext } from '../common/gateway-context.js';
import { SystemHealthModel } from './models/system-health.model.js';
import { SystemHealthService, type SystemHealth } from './system-health.service.js';

export const SYSTEM_HEALTH_READERS = ['steward'] as const;

@Resolver()
@UseFilters(AccessDeniedGraphqlFilter)
export class SystemHealthResolver {
  constructor(private readonly health: SystemHealthService) {}

  @Query(() => SystemHealthModel, {
    description:
      'The health of the gateway, database, bus, read model and every registered adapter, as the gateway observes them (stewards).',
  })
  systemHealth(@Context() context: GatewayContext): Promise<SystemHealth> {
    requireRole(context.principal, SYSTEM_HEALTH_READERS, 'systemHealth');
    return this.health.health();
  }
}
