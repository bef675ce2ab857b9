// previewAsAgency(agencyId, purpose, nationalId): a steward sees exactly what
// that agency's desk would see for that purpose. Parse, one call: the lookup
// itself (CitizenService), run with that agency's grants and pseudonyms and
// audited as the steward's lookup-preview — no second copy of what a section
// shows or withholds.
import { UseFilters, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Args, Context, ID, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CitizenGraphqlFilter } from '../citizen/citizen-graphql.filter.js';
import { answerLookup } from '../citizen/citizen.resolver.js';
import { CitizenService } from '../citizen/citizen.service.js';
import { CitizenModel } from '../citizen/models/citizen.model.js';
import type { GatewayContext } from '../common/gateway-context.js';
import { checkPreviewAgency } from './preview-agency.js';

@Resolver(() => CitizenModel)
@UseFilters(CitizenGraphqlFilter)
export class PreviewResolver implements OnModuleInit {
  private citizens!: CitizenService;

  constructor(private readonly modules: ModuleRef) {}

  /** The lookup service the citizen feature provides (one instance, whichever module holds it). */
  onModuleInit(): void {
    this.citizens = this.modules.get(CitizenService, { strict: false });
  }

  @Query(() => CitizenModel, {
    nullable: true,
    description:
      'What an agency’s desk would see of a citizen for a purpose, exactly as its lookup answers it: ' +
      'the same sections, refusals and pseudonyms (stewards). Audited as the steward’s preview ' +
      '(lookup-preview), which the citizen sees as such in their access log.',
  })
  async previewAsAgency(
    @Args('agencyId', { description: 'The agency whose view to preview, e.g. mef' })
    agencyId: string,
    @Args('purpose', { description: 'The code of a registered legal purpose' }) purpose: string,
    @Args('nationalId', { type: () => ID }) nationalId: string,
    @Context() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Record<string, unknown> | null> {
    const previewOf = { agencyId: checkPreviewAgency(agencyId) };
    return answerLookup(this.citizens, context, info, { nationalId, purpose, previewOf });
  }
}
