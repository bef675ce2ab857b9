import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Share', { description: 'A fraction of ownership, e.g. 1/2.' })
export class ShareModel {
  @Field(() => Int)
  numerator!: number;

  @Field(() => Int)
  denominator!: number;
}

@ObjectType('NationalIdRef', { description: 'Another citizen a record names.' })
export class NationalIdRefModel {
  @Field()
  nationalId!: string;
}
