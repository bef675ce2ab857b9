import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DeadLetterValueCount', {
  description: 'How many letters of the selection have one value of a column.',
})
export class DeadLetterValueCountModel {
  @Field(() => String, {
    nullable: true,
    description:
      'The value, e.g. a group or a code; null where letters do not say (a source unknown)',
  })
  value!: string | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType('DeadLetterCounts', {
  description:
    'The dead letters a filter selects, counted by the server in one aggregate — exact however many there ' +
    'are, unlike a page of deadLetters. Each breakdown is largest first. Of open letters, total is what ' +
    'replayDeadLetters with the same filter would take.',
})
export class DeadLetterCountsModel {
  @Field(() => Int, { description: 'Every letter the filter selects' })
  total!: number;

  @Field(() => [DeadLetterValueCountModel], { description: 'By consumer group' })
  byGroup!: DeadLetterValueCountModel[];

  @Field(() => [DeadLetterValueCountModel], { description: 'By the adapter that published them' })
  bySource!: DeadLetterValueCountModel[];

  @Field(() => [DeadLetterValueCountModel], { description: 'By record type' })
  byRecordType!: DeadLetterValueCountModel[];

  @Field(() => [DeadLetterValueCountModel], { description: 'By code, e.g. schema-invalid' })
  byCode!: DeadLetterValueCountModel[];
}
