// orphans(...): the data-quality view of records whose subject interior does not know.
import { UseFilters } from '@nestjs/common';
import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { requireRole } from '#spean/access';
import { AccessDeniedGraphqlFilter } from '../common/access-denied-graphql.filter.js';
import type { GatewayContext } from '../common/gateway-context.js';
import { ReadModelRepository, type Orphan } from '../read-model/read-model.repository.js';
import { OrphanModel } from './models/orphan.model.js';

@Resolver(() => OrphanModel)
@UseFilters(AccessDeniedGraphqlFilter)
export class OrphansResolver {
  constructor(private readonly records: ReadModelRepository) {}

  @Query(() => [OrphanModel], {
    description: 'Records whose subject has no person record (stewards only).',
  })
  orphans(
    @Context() context: GatewayContext,
    @Args('recordType', { nullable: true }) recordType?: string,
    @Args('first', { type: () => Int, defaultValue: 100 }) first = 100,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
  ): Promise<Orphan[]> {
    requireRole(context.principal, ['steward'], 'the orphan report');
    return this.records.orphans({
      recordType,
      limit: Math.min(Math.max(first, 1), 1000),
      offset: Math.max(offset, 0),
    });
  }
}
