import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ReplayResult', {
  description:
    "What a replay request marked (or, with dryRun, would mark). Each group's running consumer replays its letters within seconds: " +
    'those applied become resolved, those that fail again stay open with the new reason.',
})
export class ReplayResultModel {
  @Field(() => Int, {
    description: 'Open dead letters marked for replay (with dryRun: that would be)',
  })
  requested!: number;

  @Field(() => [String], { description: 'The consumer groups that will replay them' })
  groups!: string[];
}
