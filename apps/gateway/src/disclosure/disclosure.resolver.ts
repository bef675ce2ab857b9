// setPurposeDisclosure: parse, authorise, one service call. The purposes and
// grants service belongs to the access-control feature; the delay's upper
// bound is the gateway's DISCLOSURE_DELAY_MAX_DAYS.
import { Inject, UseFilters, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Args, Context, Int, Mutation, Resolver } from '@nestjs/graphql';
import { AccessControlService, requireRole, type Purpose } from '#spean/access';
import { AccessControlGraphqlFilter } from '../access-control/access-control-graphql.filter.js';
import { PurposeModel } from '../access-control/models/access-control.model.js';
import { AccessDeniedGraphqlFilter } from '../common/access-denied-graphql.filter.js';
import type { GatewayContext } from '../common/gateway-context.js';
import type { GatewayConfig } from '../config/gateway.config.js';
import { GATEWAY_CONFIG } from '../gateway.tokens.js';

@Resolver(() => PurposeModel)
@UseFilters(AccessControlGraphqlFilter, AccessDeniedGraphqlFilter)
export class DisclosureResolver implements OnModuleInit {
  private accessControl!: AccessControlService;

  constructor(
    private readonly modules: ModuleRef,
    @Inject(GATEWAY_CONFIG) private readonly config: Pick<GatewayConfig, 'disclosureDelayMaxDays'>,
  ) {}

  /** The one purposes and grants service of this gateway, whichever module provides it. */
  onModuleInit(): void {
    this.accessControl = this.modules.get(AccessControlService, { strict: false });
  }

  @Mutation(() => PurposeModel, {
    description:
      'Mark a purpose as disclosed later: lookups under it reach the citizen’s access log ' +
      'discloseAfterDays after they happen (1 to DISCLOSURE_DELAY_MAX_DAYS, 180 by default), on the ' +
      'legalBasis stated; auditors see them at once. No days: disclosed at once again (stewards; audited).',
  })
  setPurposeDisclosure(
    @Context() context: GatewayContext,
    @Args('code') code: string,
    @Args('discloseAfterDays', { type: () => Int, nullable: true })
    discloseAfterDays?: number | null,
    @Args('legalBasis', {
      type: () => String,
      nullable: true,
      description: 'Required with discloseAfterDays: the law that allows the delay',
    })
    legalBasis?: string | null,
    @Args('reason', {
      type: () => String,
      nullable: true,
      description: 'Why, up to 500 characters; kept in the audit entry',
    })
    reason?: string | null,
  ): Promise<Purpose> {
    requireRole(context.principal, ['steward'], 'delaying the disclosure of a purpose');
    return this.accessControl.setPurposeDisclosure(
      context.principal,
      { code, days: discloseAfterDays ?? null, legalBasis: legalBasis ?? null, reason },
      this.config.disclosureDelayMaxDays,
    );
  }
}
