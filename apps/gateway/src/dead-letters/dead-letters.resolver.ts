// deadLetters(...), deadLetterCounts(...) and replayDeadLetters(...): the
// dead letters of every consumer group for stewards; for an integrator, those
// of its agency's adapters only (in their groups, or of records they
// published). Parse, authorise, scope, one service call.
import { Inject, UseFilters } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { requireRole, type Principal } from '#spean/access';
import { AdapterRegistryService } from '#spean/adapter-registry';
import { DeadLetterService, type DeadLetterSummary } from '#spean/dead-letters';
import type { GatewayContext } from '../common/gateway-context.js';
import { AccessDeniedGraphqlFilter } from '../common/access-denied-graphql.filter.js';
import { DeadLetterGraphqlFilter } from './dead-letter-graphql.filter.js';
import { DeadLetterReplayService } from './dead-letter-replay.service.js';
import { DeadLetterFilterArgs } from './dto/dead-letter-filter.args.js';
import { DeadLetterCountsModel } from './models/dead-letter-counts.model.js';
import { DeadLetterModel } from './models/dead-letter.model.js';
import { ReplayResultModel } from './models/replay-result.model.js';

const ALLOWED = ['steward', 'integrator'] as const;

@Resolver(() => DeadLetterModel)
@UseFilters(AccessDeniedGraphqlFilter, DeadLetterGraphqlFilter)
export class DeadLettersResolver {
  constructor(
    private readonly service: DeadLetterService,
    private readonly replays: DeadLetterReplayService,
    @Inject(AdapterRegistryService)
    private readonly adapters: Pick<AdapterRegistryService, 'list'>,
  ) {}

  /** The adapters whose letters the principal sees: all (undefined) for a steward. */
  private async scopeOf(principal: Principal | undefined): Promise<readonly string[] | undefined> {
    if (principal?.role !== 'integrator') return undefined;
    return (await this.adapters.list())
      .filter((adapter) => adapter.agencyId === principal.agencyId)
      .map((adapter) => adapter.name);
  }

  @Query(() => [DeadLetterModel], {
    description:
      'Messages a consumer group could not apply, newest failure first (stewards; integrators see their own adapters’ letters only: in their groups, or of records they published).',
  })
  async deadLetters(
    @Context() context: GatewayContext,
    @Args() filter: DeadLetterFilterArgs,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100 }) first = 100,
    @Args('offset', { type: () => Int, nullable: true, defaultValue: 0 }) offset = 0,
  ): Promise<DeadLetterSummary[]> {
    requireRole(context.principal, ALLOWED, 'the dead-letter report');
    const adapters = await this.scopeOf(context.principal);
    return this.service.list({ ...filter, adapters, first, offset });
  }

  @Query(() => DeadLetterCountsModel, {
    description:
      'How many dead letters the filter selects, in total and by group, source, record type and code, ' +
      'counted by the server however many there are (stewards and integrators only, who see the letters ' +
      'deadLetters lists). The filter is that of deadLetters.',
  })
  async deadLetterCounts(
    @Context() context: GatewayContext,
    @Args() filter: DeadLetterFilterArgs,
  ): Promise<DeadLetterCountsModel> {
    requireRole(context.principal, ALLOWED, 'the dead-letter report');
    const adapters = await this.scopeOf(context.principal);
    const counts = await this.service.countMatching({ ...filter, adapters });
    return {
      total: counts.total,
      byGroup: counts.by.group,
      bySource: counts.by.source,
      byRecordType: counts.by.recordType,
      byCode: counts.by.code,
    };
  }

  @Mutation(() => ReplayResultModel, {
    description:
      'Asks the consumers to apply open dead letters again, once their cause is fixed: by ids, by filter, ' +
      'or both (a letter must match all). At least one is required (stewards and integrators only). ' +
      'With dryRun, only counts them (nothing marked); a replay is audited.',
  })
  async replayDeadLetters(
    @Context() context: GatewayContext,
    @Args('ids', { type: () => [ID], nullable: true }) ids?: string[],
    @Args('group', { nullable: true }) group?: string,
    @Args('recordType', { nullable: true }) recordType?: string,
    @Args('code', { nullable: true }) code?: string,
    @Args('source', { nullable: true }) source?: string,
    @Args('reason', { nullable: true, description: 'Why: recorded with who asked' })
    reason?: string,
    @Args('dryRun', {
      type: () => Boolean,
      nullable: true,
      defaultValue: false,
      description: 'Only count what would be replayed: nothing is marked or recorded',
    })
    dryRun: boolean = false,
  ): Promise<ReplayResultModel> {
    requireRole(context.principal, ALLOWED, 'replaying dead letters');
    const result = await this.replays.replay(context.principal, {
      adapters: await this.scopeOf(context.principal),
      ids,
      group,
      recordType,
      code,
      source,
      reason,
      dryRun,
    });
    return { requested: result.requested, groups: result.groups.map((entry) => entry.group) };
  }
}
