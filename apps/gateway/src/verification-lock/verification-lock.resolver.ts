// verificationLocks / liftVerificationLock: parse, authorise, one service call.
import { UseFilters } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AccessDeniedGraphqlFilter } from '../common/access-denied-graphql.filter.js';
import { CitizenGraphqlFilter } from '../citizen/citizen-graphql.filter.js';
import type { GatewayContext } from '../common/gateway-context.js';
import type { VerificationLock } from './verification-lock.repository.js';
import { VerificationLockService } from './verification-lock.service.js';
import { VerificationLockModel } from './models/verification-lock.model.js';

@Resolver(() => VerificationLockModel)
@UseFilters(CitizenGraphqlFilter, AccessDeniedGraphqlFilter)
export class VerificationLockResolver {
  constructor(private readonly locks: VerificationLockService) {}

  @Query(() => [VerificationLockModel], {
    description: 'Verification locks in force, newest first (stewards and auditors).',
  })
  verificationLocks(
    @Context() context: GatewayContext,
    @Args('nationalId', { type: () => ID, nullable: true }) nationalId?: string,
  ): Promise<VerificationLock[]> {
    return this.locks.list(context.principal, nationalId);
  }

  @Mutation(() => [VerificationLockModel], {
    description:
      'Lift every verification lock on a citizen and clear their counts of wrong claims (stewards); ' +
      'audited with the reason. Returns the locks lifted.',
  })
  liftVerificationLock(
    @Context() context: GatewayContext,
    @Args('nationalId', { type: () => ID }) nationalId: string,
    @Args('reason', { description: 'Why, e.g. "the citizen corrected the date at the desk"' })
    reason: string,
  ): Promise<VerificationLock[]> {
    return this.locks.lift(context.principal, nationalId, reason);
  }
}
