import { Field, ObjectType } from '@nestjs/graphql';

/** The last decision on something a steward approves or rejects: who, when and why. */
@ObjectType({ isAbstract: true })
export abstract class DecisionFields {
  @Field(() => String, { nullable: true })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true })
  decisionReason!: string | null;
}
