// grantUsage and unusedGrants: stewards and auditors see which grants are used.
import { UseFilters } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { requireRole } from '#spean/access';
import { AccessDeniedGraphqlFilter } from '../common/access-denied-graphql.filter.js';
import type { GatewayContext } from '../common/gateway-context.js';
import { ConsoleQueryGraphqlFilter } from '../console-queries/console-query-graphql.filter.js';
import { GrantUsageService } from './grant-usage.service.js';
import { GrantUsageModel } from './models/grant-usage.model.js';

export const GRANT_USAGE_READERS = ['steward', 'auditor'] as const;

@Resolver()
@UseFilters(AccessDeniedGraphqlFilter, ConsoleQueryGraphqlFilter)
export class GrantUsageResolver {
  constructor(private readonly usage: GrantUsageService) {}

  @Query(() => [GrantUsageModel], {
    description: 'Every grant ever made (ended ones too), with when it was last used.',
  })
  grantUsage(
    @Context() context: GatewayContext,
    @Args('agencyId', { nullable: true }) agencyId?: string,
  ): Promise<GrantUsageModel[]> {
    requireRole(context.principal, GRANT_USAGE_READERS, 'grantUsage');
    return this.usage.usageOf(agencyId);
  }

  @Query(() => [GrantUsageModel], { description: 'The grants no lookup or verification has used.' })
  unusedGrants(
    @Context() context: GatewayContext,
    @Args('agencyId', { nullable: true }) agencyId?: string,
  ): Promise<GrantUsageModel[]> {
    requireRole(context.principal, GRANT_USAGE_READERS, 'unusedGrants');
    return this.usage.unused(agencyId);
  }
}
