import { ArgsType, Field } from '@nestjs/graphql';

/** The filter deadLetters lists by and deadLetterCounts counts by: one definition, so they cannot drift. */
@ArgsType()
export class DeadLetterFilterArgs {
  @Field(() => String, { nullable: true })
  group?: string;

  @Field(() => String, { nullable: true })
  recordType?: string;

  @Field(() => String, { nullable: true })
  code?: string;

  @Field(() => String, { nullable: true })
  source?: string;

  @Field(() => String, { nullable: true, defaultValue: 'open', description: 'open or resolved' })
  status?: string;
}
