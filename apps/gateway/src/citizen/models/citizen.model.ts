import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AddressModel } from './address.model.js';
import { BusinessModel } from './business.model.js';
import { LandTitleModel } from './land-title.model.js';
import { LifeEventModel } from './life-event.model.js';
import { PersonModel } from './person.model.js';
import { TaxpayerModel } from './taxpayer.model.js';
import { VehicleModel } from './vehicle.model.js';

@ObjectType('Citizen', {
  description:
    'Everything the state holds about one citizen that the calling agency may see for the stated purpose. ' +
    'A section the agency may not see is null with a FORBIDDEN error on its path.',
})
export class CitizenModel {
  @Field(() => ID)
  nationalId!: string;

  @Field(() => PersonModel, { nullable: true })
  person?: PersonModel | null;

  @Field(() => AddressModel, { nullable: true })
  address?: AddressModel | null;

  @Field(() => [VehicleModel], {
    nullable: true,
    description: 'Vehicles registered to the citizen',
  })
  vehicles?: VehicleModel[] | null;

  @Field(() => [LandTitleModel], {
    nullable: true,
    description: 'Land titles the citizen owns or co-owns',
  })
  landTitles?: LandTitleModel[] | null;

  @Field(() => [BusinessModel], {
    nullable: true,
    description: 'Businesses the citizen owns, directs or holds shares in',
  })
  businesses?: BusinessModel[] | null;

  @Field(() => TaxpayerModel, { nullable: true })
  taxpayer?: TaxpayerModel | null;

  @Field(() => [LifeEventModel], {
    nullable: true,
    description:
      'Life events about the citizen, or naming them (a child’s birth, a marriage), newest first',
  })
  lifeEvents?: LifeEventModel[] | null;
}
