import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DeadLetter', {
  description:
    'A message a consumer group could not apply, kept with the reason. Metadata only: the payload is never ' +
    'shown, and national ids in record ids are masked. Follow a letter up with its source ministry by eventId.',
})
export class DeadLetterModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The consumer group that failed on it: gateway, or an adapter name' })
  group!: string;

  @Field({ description: 'The topic it was read from, e.g. spean.person' })
  topic!: string;

  @Field(() => Int, { description: 'The partition of the topic it was read from' })
  partition!: number;

  @Field()
  recordType!: string;

  @Field(() => Int, { nullable: true, description: 'Null when the message does not say' })
  schemaVersion!: number | null;

  @Field(() => String, { nullable: true, description: 'The adapter that published it, if known' })
  source!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The record's id at its source (national ids masked); null if unreadable",
  })
  recordId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The event id the publisher was given as its acknowledgement',
  })
  eventId!: string | null;

  @Field({ description: 'A short stable code, e.g. schema-invalid, unknown-schema-version' })
  code!: string;

  @Field({ description: 'Why it could not be applied (the latest attempt)' })
  reason!: string;

  @Field(() => Int, { description: 'How often it failed, counting deliveries and replays' })
  attempts!: number;

  @Field({ description: 'open, or resolved once a replay applied it' })
  status!: string;

  @Field()
  firstFailedAt!: Date;

  @Field()
  lastFailedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Set while a replay is pending' })
  replayRequestedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;
}
