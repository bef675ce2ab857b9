// schemaDiff: what changed between two versions of a record type and what
// each change breaks, for the stewards who decide, the integrators who build
// to it and the auditors who check the decisions.
import { Inject, UseFilters } from '@nestjs/common';
import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { requireRole } from '#spean/access';
import type { SchemaDiff, SchemaRegistryService } from '#spean/schema-registry';
import { AccessDeniedGraphqlFilter } from '../common/access-denied-graphql.filter.js';
import type { GatewayContext } from '../common/gateway-context.js';
import { SCHEMA_REGISTRY } from '../gateway.tokens.js';
import { SchemaRegistryGraphqlFilter } from '../schemas/schema-registry-graphql.filter.js';
import { SchemaDiffModel } from './models/schema-diff.model.js';

export const SCHEMA_DIFF_READERS = ['steward', 'integrator', 'auditor'] as const;

@Resolver()
@UseFilters(AccessDeniedGraphqlFilter, SchemaRegistryGraphqlFilter)
export class SchemaDiffResolver {
  constructor(@Inject(SCHEMA_REGISTRY) private readonly registry: SchemaRegistryService) {}

  @Query(() => SchemaDiffModel, {
    description: 'The change between any two versions of a record type (in either order).',
  })
  async schemaDiff(
    @Context() context: GatewayContext,
    @Args('recordType') recordType: string,
    @Args('from', { type: () => Int }) from: number,
    @Args('to', { type: () => Int }) to: number,
  ): Promise<SchemaDiffModel> {
    requireRole(context.principal, SCHEMA_DIFF_READERS, 'schemaDiff');
    return toModel(recordType, await this.registry.diff(recordType, from, to));
  }
}

function toModel(recordType: string, diff: SchemaDiff): SchemaDiffModel {
  return {
    ...diff,
    recordType,
    differences: diff.differences.map(({ before, after, ...difference }) => ({
      ...difference,
      beforeJson: before === undefined ? null : JSON.stringify(before),
      afterJson: after === undefined ? null : JSON.stringify(after),
    })),
  };
}
