import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Place', {
  description:
    'A place in the gazetteer: its code, and its name in Khmer script and in Latin letters, as far as known.',
})
export class PlaceModel {
  @Field(() => String, {
    nullable: true,
    description: 'Gazetteer code (2 digits province, 4 district, 6 commune, 8 village)',
  })
  code?: string;

  @Field(() => String, { nullable: true, description: 'Name in Khmer script' })
  khmer?: string;

  @Field(() => String, { nullable: true, description: 'Name in Latin letters' })
  latin?: string;
}
