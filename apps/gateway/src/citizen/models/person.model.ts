import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ExchangedSection } from './exchanged-section.model.js';
import type { Person, personV1 } from '#spean/contracts';
import { PlaceModel } from './place.model.js';

// Each model implements the type generated from the canonical schema, so a
// schema change that the GraphQL shape does not follow fails to compile.

@ObjectType('NameParts')
export class NamePartsModel implements personV1.KhmerName, personV1.LatinName {
  @Field()
  familyName!: string;

  @Field()
  givenName!: string;
}

@ObjectType('PersonName', {
  description: 'The name in Khmer script and its Latin transliteration, as on the ID card.',
})
export class PersonNameModel {
  @Field(() => NamePartsModel)
  khmer!: NamePartsModel;

  @Field(() => NamePartsModel)
  latin!: NamePartsModel;
}

@ObjectType('PlaceOfBirth')
export class PlaceOfBirthModel {
  @Field(() => PlaceModel)
  province!: PlaceModel;

  @Field(() => PlaceModel, { nullable: true })
  district?: PlaceModel;

  @Field(() => PlaceModel, { nullable: true })
  commune?: PlaceModel;
}

@ObjectType('Parent')
export class PersonParentModel {
  @Field()
  nationalId!: string;

  @Field(() => String, { description: 'mother or father' })
  role!: 'mother' | 'father';
}

@ObjectType('Person', {
  description: 'A person as the civil register of the Ministry of Interior knows them.',
})
export class PersonModel extends ExchangedSection implements Omit<Person, 'parents'> {
  @Field(() => ID)
  nationalId!: string;

  @Field(() => PersonNameModel)
  name!: PersonNameModel;

  @Field({ description: 'female or male, as recorded in the civil register' })
  sex!: 'female' | 'male';

  @Field({ description: 'ISO 8601 date (YYYY-MM-DD)' })
  dateOfBirth!: string;

  @Field(() => PlaceOfBirthModel)
  placeOfBirth!: PlaceOfBirthModel;

  @Field(() => String, {
    nullable: true,
    description: 'The 9-digit number on the Khmer ID card; it changes when a card is re-issued',
  })
  idCardNumber?: string;

  @Field()
  alive!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 8601 date (YYYY-MM-DD), for a person who is not alive',
  })
  dateOfDeath?: string;

  @Field(() => [PersonParentModel], {
    nullable: true,
    description: 'The parents the civil register links',
  })
  parents?: PersonParentModel[];
}
