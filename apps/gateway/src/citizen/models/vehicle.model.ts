import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ExchangedSection } from './exchanged-section.model.js';
import type { VehicleRegistration } from '#spean/contracts';

@ObjectType('VehicleOwner')
export class VehicleOwnerModel {
  @Field()
  nationalId!: string;

  @Field(() => String, { nullable: true })
  name?: string;
}

@ObjectType('Vehicle', {
  description: 'A vehicle registration of the Ministry of Public Works and Transport.',
})
export class VehicleModel extends ExchangedSection implements VehicleRegistration {
  @Field()
  plateNumber!: string;

  @Field({ description: 'VIN, or the frame number of a motorcycle' })
  vin!: string;

  @Field()
  make!: string;

  @Field()
  model!: string;

  @Field(() => Int)
  year!: number;

  @Field({ description: 'car or motorcycle' })
  category!: 'car' | 'motorcycle';

  @Field(() => String, { nullable: true })
  colour?: string;

  @Field(() => VehicleOwnerModel)
  owner!: VehicleOwnerModel;

  @Field()
  registrationDate!: string;

  @Field(() => String, { nullable: true })
  inspectionDueDate?: string;

  @Field({ description: 'active, suspended or deregistered' })
  status!: 'active' | 'suspended' | 'deregistered';

  @Field({ description: 'True once the civil register has recorded the owner’s death' })
  ownerDeceased!: boolean;

  @Field(() => String, { nullable: true })
  ownerDeceasedOn?: string;
}
