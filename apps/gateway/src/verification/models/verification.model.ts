import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';

@InputType('NameClaim', {
  description:
    'A name as written on a form, in Latin letters or Khmer script; case and spacing do not matter.',
})
export class NameClaimInput {
  @Field()
  familyName!: string;

  @Field()
  givenName!: string;
}

@InputType('CitizenClaims', { description: 'What the desk wants confirmed; give one or more.' })
export class CitizenClaimsInput {
  @Field(() => NameClaimInput, { nullable: true })
  name?: NameClaimInput;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  dateOfBirth?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: the citizen is alive' })
  alive?: boolean;

  @Field(() => String, { nullable: true, description: 'The 9 digits on the Khmer ID card' })
  idCardNumber?: string;
}

@ObjectType('Verification', {
  description:
    'Yes or no to each claim asked. A claim not asked is null; a claim your agency may not check is null ' +
    'with a FORBIDDEN error. Nothing of the record itself is returned.',
})
export class VerificationModel {
  @Field(() => ID, {
    description:
      'The national id, or your agency’s pseudonym for it if you are not granted the id itself',
  })
  nationalId!: string;

  @Field({ description: 'Whether the state knows this citizen at all' })
  known!: boolean;

  @Field(() => Boolean, { nullable: true })
  name?: boolean;

  @Field(() => Boolean, { nullable: true })
  dateOfBirth?: boolean;

  @Field(() => Boolean, { nullable: true })
  alive?: boolean;

  @Field(() => Boolean, { nullable: true })
  idCardNumber?: boolean;
}
