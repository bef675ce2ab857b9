import { Field, ObjectType } from '@nestjs/graphql';
import type { Address } from '#spean/contracts';
import { PlaceModel } from './place.model.js';

@ObjectType('Address', { description: "A citizen's current address, from the residence register." })
export class AddressModel implements Address {
  @Field(() => String, { nullable: true })
  houseNumber?: string;

  @Field(() => PlaceModel, { nullable: true })
  street?: PlaceModel;

  @Field(() => PlaceModel)
  village!: PlaceModel;

  @Field(() => PlaceModel)
  commune!: PlaceModel;

  @Field(() => PlaceModel)
  district!: PlaceModel;

  @Field(() => PlaceModel)
  province!: PlaceModel;

  @Field(() => String, { nullable: true })
  postalCode?: string;

  @Field({ description: 'ISO 8601 date the citizen registered at this address' })
  since!: string;
}
