import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AddressModel } from './address.model.js';
import { PersonModel } from './person.model.js';

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
}
