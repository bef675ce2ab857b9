import { UseFilters } from '@nestjs/common';
import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CitizenGraphqlFilter } from '../citizen/citizen-graphql.filter.js';
import type { GatewayContext } from '../common/gateway-context.js';
import { AccessLogPageModel } from './models/access-log.model.js';
import { AccessLogService } from './access-log.service.js';

@Resolver(() => AccessLogPageModel)
@UseFilters(CitizenGraphqlFilter)
export class AccessLogResolver {
  constructor(private readonly log: AccessLogService) {}

  @Query(() => AccessLogPageModel, {
    description:
      'Who looked at this citizen’s record, when, for what purpose and which sections — every lookup, ' +
      'verification and refused attempt, newest first, and every lookup of another citizen that disclosed ' +
      'this one as a related party. For the citizen (a citizen client, own record only) and for auditors ' +
      '(whose reading is itself logged, as is a refused attempt by anyone else).',
  })
  accessLog(
    @Args('nationalId', { type: () => ID }) nationalId: string,
    @Context() context: GatewayContext,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: 'nextCursor of the previous page',
    })
    after?: string,
  ): Promise<AccessLogPageModel> {
    return this.log.read(context.principal, nationalId, first, after);
  }
}
