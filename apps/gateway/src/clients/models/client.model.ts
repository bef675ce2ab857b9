import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Client', {
  description:
    'A system (or a citizen) that may exchange its id and secret for access tokens. Its secret is never shown again.',
})
export class ClientModel {
  @Field(() => ID)
  clientId!: string;

  @Field()
  agencyId!: string;

  @Field()
  agencyName!: string;

  @Field()
  name!: string;

  @Field({ description: 'agency, adapter, steward, integrator, auditor or citizen' })
  role!: string;

  @Field(() => String, { nullable: true, description: 'For an adapter client: the adapter' })
  adapter!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'For a citizen client: the national id, all but its last three digits starred',
  })
  maskedNationalId!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  rotatedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'While a rotation’s overlap lasts: until when the previous secret still works',
  })
  previousSecretValidUntil!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who revoked the client' })
  revokedBy!: string | null;

  @Field(() => String, { nullable: true })
  revokeReason!: string | null;
}
