import { Field, Float, ObjectType } from '@nestjs/graphql';
import { ExchangedSection } from './exchanged-section.model.js';
import type { LandTitle } from '#spean/contracts';
import { PlaceModel } from './place.model.js';
import { ShareModel } from './share.model.js';

@ObjectType('Parcel')
export class ParcelModel {
  @Field()
  number!: string;

  @Field(() => String, { nullable: true })
  mapSheet?: string;
}

@ObjectType('LandLocation')
export class LandLocationModel {
  @Field(() => PlaceModel)
  province!: PlaceModel;

  @Field(() => PlaceModel)
  district!: PlaceModel;

  @Field(() => PlaceModel)
  commune!: PlaceModel;

  @Field(() => PlaceModel, { nullable: true })
  village?: PlaceModel;
}

@ObjectType('LandOwner')
export class LandOwnerModel {
  @Field()
  nationalId!: string;

  @Field(() => ShareModel)
  share!: ShareModel;
}

@ObjectType('LandTitle', {
  description: 'A land title of the Ministry of Land Management; co-owners each see it.',
})
export class LandTitleModel extends ExchangedSection implements Omit<LandTitle, 'owners'> {
  @Field()
  titleNumber!: string;

  @Field(() => ParcelModel)
  parcel!: ParcelModel;

  @Field(() => LandLocationModel)
  location!: LandLocationModel;

  @Field(() => Float)
  areaSquareMetres!: number;

  @Field(() => [LandOwnerModel])
  owners!: LandOwnerModel[];

  @Field(() => String, { nullable: true })
  landUse?: 'residential' | 'agricultural' | 'commercial' | 'industrial' | 'other';

  @Field()
  registrationDate!: string;

  @Field({ description: 'registered, mortgaged or cancelled' })
  status!: 'registered' | 'mortgaged' | 'cancelled';
}
