// Purposes and grants over GraphQL: stewards change them; auditors read them
// all; an agency sees its own grants, and anyone signed in the purposes.
import { UseFilters } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AccessControlService,
  requireRole,
  type GrantableSections,
  type Grant,
  type Purpose,
} from '#spean/access';
import { AccessDeniedGraphqlFilter } from '../common/access-denied-graphql.filter.js';
import type { GatewayContext } from '../common/gateway-context.js';
import { GRANTABLE_SECTIONS } from '../gateway.tokens.js';
import { Inject } from '@nestjs/common';
import { AccessControlGraphqlFilter } from './access-control-graphql.filter.js';
import {
  GrantableSectionModel,
  GrantInput,
  GrantModel,
  PurposeInput,
  PurposeModel,
} from './models/access-control.model.js';

@Resolver()
@UseFilters(AccessDeniedGraphqlFilter, AccessControlGraphqlFilter)
export class AccessControlResolver {
  constructor(
    private readonly accessControl: AccessControlService,
    @Inject(GRANTABLE_SECTIONS) private readonly sections: GrantableSections,
  ) {}

  @Query(() => [PurposeModel], { description: 'The registered legal purposes a lookup may state.' })
  purposes(): Promise<Purpose[]> {
    return this.accessControl.purposes();
  }

  @Query(() => [GrantableSectionModel], { description: 'What a grant may name.' })
  grantableSections(): GrantableSectionModel[] {
    return [...this.sections].map(([name, { fields }]) => ({
      name,
      fields: fields ? [...fields] : null,
    }));
  }

  @Query(() => [GrantModel], {
    description:
      'Grants in force (or all, with includeEnded). Stewards and auditors see every agency’s; an agency its own.',
  })
  grants(
    @Context() context: GatewayContext,
    @Args('agencyId', { type: () => String, nullable: true }) agencyId?: string,
    @Args('includeEnded', { type: () => Boolean, defaultValue: false }) includeEnded = false,
  ): Promise<Grant[]> {
    const { principal } = context;
    if (principal.role !== 'steward' && principal.role !== 'auditor') {
      requireRole(principal, ['steward', 'auditor', 'agency'], 'reading grants');
      return this.accessControl.grants({ agencyId: principal.agencyId, includeEnded });
    }
    return this.accessControl.grants({ agencyId, includeEnded });
  }

  @Mutation(() => PurposeModel, { description: 'Register a legal purpose (stewards).' })
  registerPurpose(
    @Context() context: GatewayContext,
    @Args('input') input: PurposeInput,
  ): Promise<Purpose> {
    requireRole(context.principal, ['steward'], 'registering a purpose');
    return this.accessControl.registerPurpose(context.principal, input);
  }

  @Mutation(() => Boolean, {
    description:
      'Retire a purpose: it can no longer be stated and its grants stop applying (stewards).',
  })
  async retirePurpose(
    @Context() context: GatewayContext,
    @Args('code') code: string,
    @Args('reason') reason: string,
  ): Promise<boolean> {
    requireRole(context.principal, ['steward'], 'retiring a purpose');
    await this.accessControl.retirePurpose(context.principal, code, reason);
    return true;
  }

  @Mutation(() => GrantModel, {
    description: 'Grant an agency a section for a purpose (stewards).',
  })
  grantAccess(
    @Context() context: GatewayContext,
    @Args('input') input: GrantInput,
  ): Promise<Grant> {
    requireRole(context.principal, ['steward'], 'granting access');
    return this.accessControl.grant(context.principal, input);
  }

  @Mutation(() => GrantModel, { description: 'Revoke a grant at once (stewards).' })
  revokeGrant(
    @Context() context: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ): Promise<Grant> {
    requireRole(context.principal, ['steward'], 'revoking a grant');
    return this.accessControl.revoke(context.principal, id, reason);
  }
}
