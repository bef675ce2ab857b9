import { Field, ObjectType } from '@nestjs/graphql';
import { ExchangedSection } from './exchanged-section.model.js';
import type { CivilEvent } from '#spean/contracts';
import { LifeEventAddressModel } from './address.model.js';
import { PersonNameModel, PlaceOfBirthModel } from './person.model.js';
import { PlaceModel } from './place.model.js';
import { NationalIdRefModel } from './share.model.js';

@ObjectType('Child')
export class ChildModel {
  @Field(() => PersonNameModel)
  name!: PersonNameModel;

  @Field()
  sex!: 'female' | 'male';

  @Field(() => PlaceOfBirthModel)
  placeOfBirth!: PlaceOfBirthModel;
}

@ObjectType('ParentRef')
export class ParentModel {
  @Field()
  nationalId!: string;

  @Field({ description: 'mother or father' })
  role!: 'mother' | 'father';
}

/** A place of birth's province, district and commune, and the village too. */
@ObjectType('PlaceOfDeath')
export class PlaceOfDeathModel extends PlaceOfBirthModel {
  @Field(() => PlaceModel, { nullable: true })
  village?: PlaceModel;
}

@ObjectType('LifeEvent', {
  description:
    'A life event registered by the civil register: birth, death, marriage, divorce, change of address.',
})
export class LifeEventModel extends ExchangedSection implements Omit<CivilEvent, 'parents'> {
  @Field(() => String, { description: 'birth, death, marriage, divorce or change-of-address' })
  eventType!: CivilEvent['eventType'];

  @Field(() => NationalIdRefModel, { description: 'The person the event is about' })
  subject!: NationalIdRefModel;

  @Field()
  date!: string;

  @Field()
  registeredOn!: string;

  @Field(() => PlaceModel)
  issuingCommune!: PlaceModel;

  @Field(() => String, { nullable: true })
  certificateNumber?: string;

  @Field(() => ChildModel, { nullable: true })
  child?: ChildModel;

  @Field(() => [ParentModel], { nullable: true })
  parents?: ParentModel[];

  @Field(() => PlaceOfDeathModel, { nullable: true })
  placeOfDeath?: PlaceOfDeathModel;

  @Field(() => NationalIdRefModel, { nullable: true })
  spouse?: NationalIdRefModel;

  @Field(() => LifeEventAddressModel, { nullable: true })
  newAddress?: LifeEventAddressModel;
}
