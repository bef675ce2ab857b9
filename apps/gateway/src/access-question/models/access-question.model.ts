import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AccessQuestion } from '../access-question.repository.js';

@ObjectType('AccessQuestion', {
  description: 'A citizen’s question about an entry of their access log, and its answer.',
})
export class AccessQuestionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The entry questioned (AccessLogEntry.entryId)' })
  entryId!: string;

  @Field(() => ID, { description: 'The citizen who asked' })
  nationalId!: string;

  @Field()
  reason!: string;

  @Field()
  askedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Null until a steward or auditor answers' })
  answer!: string | null;

  @Field(() => Date, { nullable: true })
  answeredAt!: Date | null;

  static from(question: AccessQuestion): AccessQuestionModel {
    return {
      id: question.id,
      entryId: String(question.entrySeq),
      nationalId: question.subjectId,
      reason: question.reason,
      askedAt: question.askedAt,
      answer: question.answer,
      answeredAt: question.answeredAt,
    };
  }
}
