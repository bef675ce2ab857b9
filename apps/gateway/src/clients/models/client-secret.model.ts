import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ClientSecret', {
  description:
    'A new secret, shown this once and stored only as a slow hash: hand it to the client system over a secure channel.',
})
export class ClientSecretModel {
  @Field(() => ID)
  clientId!: string;

  @Field()
  clientSecret!: string;

  @Field(() => Date, {
    nullable: true,
    description:
      'After a rotation: until when the previous secret still works (null: it already does not)',
  })
  previousSecretValidUntil!: Date | null;
}
