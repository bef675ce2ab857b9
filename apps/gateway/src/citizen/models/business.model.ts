import { Field, ObjectType } from '@nestjs/graphql';
import { ExchangedSection } from './exchanged-section.model.js';
import type { BusinessRegistration } from '#spean/contracts';
import { PlaceModel } from './place.model.js';
import { ShareModel } from './share.model.js';

@ObjectType('BusinessName')
export class BusinessNameModel {
  @Field()
  khmer!: string;

  @Field()
  english!: string;
}

@ObjectType('BusinessPerson')
export class BusinessPersonModel {
  @Field()
  nationalId!: string;

  @Field(() => [String], { description: 'owner, director, shareholder' })
  roles!: string[];

  @Field(() => ShareModel, { nullable: true })
  share?: ShareModel;
}

@ObjectType('BusinessAddress')
export class BusinessAddressModel {
  @Field(() => String, { nullable: true })
  houseNumber?: string;

  @Field(() => PlaceModel, { nullable: true })
  street?: PlaceModel;

  @Field(() => PlaceModel, { nullable: true })
  village?: PlaceModel;

  @Field(() => PlaceModel)
  commune!: PlaceModel;

  @Field(() => PlaceModel)
  district!: PlaceModel;

  @Field(() => PlaceModel)
  province!: PlaceModel;
}

@ObjectType('Business', {
  description:
    'A business registration of the Ministry of Commerce; its owners and directors each see it.',
})
export class BusinessModel
  extends ExchangedSection
  implements Omit<BusinessRegistration, 'people'>
{
  @Field()
  registrationNumber!: string;

  @Field(() => BusinessNameModel)
  name!: BusinessNameModel;

  @Field(() => String)
  legalForm!: BusinessRegistration['legalForm'];

  @Field(() => [BusinessPersonModel])
  people!: BusinessPersonModel[];

  @Field(() => BusinessAddressModel, { nullable: true })
  registeredAddress?: BusinessAddressModel;

  @Field()
  registrationDate!: string;

  @Field({ description: 'active, suspended or dissolved' })
  status!: 'active' | 'suspended' | 'dissolved';

  @Field({ description: 'True once the civil register has recorded the death of its only owner' })
  soleOwnerDeceased!: boolean;

  @Field(() => String, { nullable: true })
  soleOwnerDeceasedOn?: string;
}
