// dryRunIntake: what an adapter's intake would say about some records,
// without publishing or storing them.
import { UseFilters } from '@nestjs/common';
import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { AccessDeniedGraphqlFilter } from '../common/access-denied-graphql.filter.js';
import type { GatewayContext } from '../common/gateway-context.js';
import { ConsoleQueryGraphqlFilter } from '../console-queries/console-query-graphql.filter.js';
import { IntakeDryRunService } from './intake-dry-run.service.js';
import { IntakeDryRunModel } from './models/intake-dry-run.model.js';

@Resolver()
@UseFilters(AccessDeniedGraphqlFilter, ConsoleQueryGraphqlFilter)
export class IntakeDryRunResolver {
  constructor(private readonly dryRuns: IntakeDryRunService) {}

  @Query(() => IntakeDryRunModel, {
    description:
      'Checks records as intake would (schema, national ids, date rules), against one record type and version; nothing is published or stored.',
  })
  dryRunIntake(
    @Context() context: GatewayContext,
    @Args('recordType') recordType: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('records', {
      description:
        'JSON text: a canonical record or an array of them; recordType, schemaVersion and source may be left out',
    })
    records: string,
  ): Promise<IntakeDryRunModel> {
    return this.dryRuns.dryRun(context.principal, recordType, version, records);
  }
}
