import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ComponentHealth', {
  description: 'One part of the exchange as the gateway observes it.',
})
export class ComponentHealthModel {
  @Field({ description: 'gateway, database, bus, the read model’s group, or an adapter’s name' })
  name!: string;

  @Field({ description: 'gateway, database, bus, read-model or adapter' })
  kind!: string;

  @Field()
  healthy!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'For an adapter: its registration state (pending, approved, rejected, suspended)',
  })
  state!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Messages its consumer group has not committed; null when the bus cannot tell',
  })
  lagMessages!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Seconds the oldest of them has waited; null when the bus cannot tell',
  })
  lagSeconds!: number | null;

  @Field(() => Int, { nullable: true, description: 'Open dead letters of its consumer group' })
  deadLetters!: number | null;

  @Field(() => [String], { description: 'Each thing wrong, in a sentence; empty when healthy' })
  problems!: string[];
}

@ObjectType('SystemHealth', {
  description:
    'The exchange’s health as the gateway observes it: its own readiness (database, bus), the read model’s lag, and every registered adapter’s state, lag and dead letters.',
})
export class SystemHealthModel {
  @Field()
  checkedAt!: Date;

  @Field({ description: 'Every component is healthy' })
  healthy!: boolean;

  @Field(() => [ComponentHealthModel])
  components!: ComponentHealthModel[];
}
