import { Field, ObjectType } from '@nestjs/graphql';
import type { Address } from '#spean/contracts';
import type { ExchangeRecordModel } from './exchange-record.model.js';
import { EXCHANGE_RECORD_FIELD } from './exchanged-section.model.js';
import { PlaceModel } from './place.model.js';

// An address is a section of its own (a record of the residence register)
// and a part of another record (the new address of a change-of-address
// event): only the first has a record of its own to describe.

@ObjectType({ isAbstract: true })
abstract class AddressFields implements Address {
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

@ObjectType('Address', { description: "A citizen's current address, from the residence register." })
export class AddressModel extends AddressFields {
  @Field(...EXCHANGE_RECORD_FIELD)
  record!: ExchangeRecordModel;
}

@ObjectType('LifeEventAddress', {
  description:
    'The address a change of address moves the citizen to, as the life event carries it: the fields ' +
    'of an Address; where it came from is the life event’s own record.',
})
export class LifeEventAddressModel extends AddressFields {}
