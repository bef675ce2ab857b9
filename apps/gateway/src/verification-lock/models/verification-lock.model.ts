import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('VerificationLock', {
  description:
    'Claims of one kind about one citizen that verifyCitizen refuses (VERIFICATION_LOCKED) after too many ' +
    'wrong ones, to one agency or to all. Ends with its window, or when a steward lifts it.',
})
export class VerificationLockModel {
  @Field(() => ID)
  nationalId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The agency refused; null when the limit for all agencies together is reached',
  })
  agencyId!: string | null;

  @Field({ description: 'The kind of claim: name, dateOfBirth, alive or idCardNumber' })
  claim!: string;

  @Field(() => Int, { description: 'Wrong claims counted in the window' })
  failures!: number;

  @Field()
  lockedUntil!: Date;
}
