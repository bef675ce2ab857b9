import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ConsumerGroupLag', {
  description: 'How far one consumer group is behind on the topics it reads.',
})
export class ConsumerGroupLagModel {
  @Field({ description: 'The consumer group: an adapter’s name, or gateway for the read model' })
  group!: string;

  @Field({ description: 'adapter (its reactions) or read-model (the gateway’s)' })
  kind!: string;

  @Field(() => [String])
  topics!: string[];

  @Field(() => Int, {
    nullable: true,
    description: 'Messages published and not yet committed; null when the bus cannot tell now',
  })
  messages!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'How long the oldest of them has waited, in seconds; 0 when none; null when the bus cannot tell now',
  })
  seconds!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the oldest of them was published' })
  oldestUnconsumedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the bus could not tell' })
  error!: string | null;
}
