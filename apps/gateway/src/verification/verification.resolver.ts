// verifyCitizen(...): yes or no to claims, for desks that need an answer and
// not the data (most of them).
import { UseFilters } from '@nestjs/common';
import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { CitizenGraphqlFilter } from '../citizen/citizen-graphql.filter.js';
import type { GatewayContext } from '../common/gateway-context.js';
import { CitizenExceptionCode } from '../citizen/citizen.exception.js';
import { refuse } from '../citizen/granted-fields.js';
import { CitizenClaimsInput, VerificationModel } from './models/verification.model.js';
import { VerificationService } from './verification.service.js';

@Resolver(() => VerificationModel)
@UseFilters(CitizenGraphqlFilter)
export class VerificationResolver {
  constructor(private readonly verifications: VerificationService) {}

  @Query(() => VerificationModel, {
    description:
      'Confirm claims about a citizen (name, date of birth, alive, ID card number) without receiving the data. ' +
      'Needs a verification grant for the stated purpose; audited like a lookup. After a few wrong claims ' +
      'of one kind about one citizen (per agency, and from all agencies together) claims of that kind are ' +
      'null with a VERIFICATION_LOCKED error, right or wrong, until the lock ends or a steward lifts it.',
  })
  async verifyCitizen(
    @Args('nationalId', { type: () => ID }) nationalId: string,
    @Args('purpose', { description: 'The code of a registered legal purpose' }) purpose: string,
    @Args('claims', { type: () => CitizenClaimsInput }) claims: CitizenClaimsInput,
    @Context() context: GatewayContext,
    @Args('reference', {
      type: () => String,
      nullable: true,
      description: 'Your case or file number',
    })
    reference?: string,
  ): Promise<Record<string, unknown>> {
    const verification = await this.verifications.verify(
      context.principal,
      nationalId,
      purpose,
      claims,
      reference,
    );
    const answer: Record<string, unknown> = {
      nationalId: verification.nationalId,
      known: verification.known,
      ...Object.fromEntries(verification.results),
    };
    // Denied claims answer FORBIDDEN on their own paths.
    for (const claim of verification.denied) {
      refuse(answer, claim, `your agency holds no grant to verify ${claim} for this purpose`, {
        reason: CitizenExceptionCode.FIELD_DENIED,
        claim,
      });
    }
    // Locked claims too, with one message whatever the claim held.
    for (const claim of verification.locked) {
      refuse(
        answer,
        claim,
        `too many wrong ${claim} claims about this citizen: ${claim} cannot be verified until the ` +
          'lock ends or a data steward lifts it',
        {
          code: CitizenExceptionCode.VERIFICATION_LOCKED,
          reason: CitizenExceptionCode.VERIFICATION_LOCKED,
          claim,
        },
      );
    }
    return answer;
  }
}
