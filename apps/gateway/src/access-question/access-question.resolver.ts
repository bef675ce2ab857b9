// questionAccess / accessQuestions / answerAccessQuestion: parse, authorise, one service call.
import { UseFilters } from '@nestjs/common';
import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { AccessLogEntryModel } from '../access-log/models/access-log.model.js';
import { AccessDeniedGraphqlFilter } from '../common/access-denied-graphql.filter.js';
import type { GatewayContext } from '../common/gateway-context.js';
import { AccessQuestionGraphqlFilter } from './access-question-graphql.filter.js';
import { AccessQuestionService } from './access-question.service.js';
import { AccessQuestionModel } from './models/access-question.model.js';

@Resolver(() => AccessQuestionModel)
@UseFilters(AccessQuestionGraphqlFilter, AccessDeniedGraphqlFilter)
export class AccessQuestionResolver {
  constructor(private readonly questions: AccessQuestionService) {}

  @Mutation(() => AccessQuestionModel, {
    description:
      'Question an entry of your own access log (citizens): who looked, and why? Stewards and ' +
      'auditors answer; the answer shows on the entry. Audited.',
  })
  async questionAccess(
    @Context() context: GatewayContext,
    @Args('entry', { type: () => ID, description: 'AccessLogEntry.entryId' }) entry: string,
    @Args('reason', { description: 'What you ask, up to 1000 characters' }) reason: string,
  ): Promise<AccessQuestionModel> {
    return AccessQuestionModel.from(await this.questions.ask(context.principal, entry, reason));
  }

  @Query(() => [AccessQuestionModel], {
    description:
      'Citizens’ questions not yet answered, oldest first; with answered: true the answered ones, ' +
      'newest answer first (stewards and auditors; audited).',
  })
  async accessQuestions(
    @Context() context: GatewayContext,
    @Args('answered', {
      type: () => Boolean,
      defaultValue: false,
      description: 'true: the answered questions (the latest 100) instead of the open ones',
    })
    answered = false,
  ): Promise<AccessQuestionModel[]> {
    return (await this.questions.list(context.principal, answered)).map((question) =>
      AccessQuestionModel.from(question),
    );
  }

  @ResolveField(() => AccessLogEntryModel, {
    nullable: true,
    description:
      'The access questioned, as the citizen’s log shows it (to the citizen who asked, and to ' +
      'stewards and auditors); null to anyone else',
  })
  entry(
    @Parent() question: AccessQuestionModel,
    @Context() context: GatewayContext,
  ): Promise<AccessLogEntryModel | null> {
    return this.questions.entryOf(context.principal, {
      subjectId: question.nationalId,
      entrySeq: Number(question.entryId),
    });
  }

  @Mutation(() => AccessQuestionModel, {
    description: 'Answer a citizen’s question, once (stewards and auditors; audited).',
  })
  async answerAccessQuestion(
    @Context() context: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('answer', { description: 'Up to 2000 characters; the citizen reads it' }) answer: string,
  ): Promise<AccessQuestionModel> {
    return AccessQuestionModel.from(await this.questions.answer(context.principal, id, answer));
  }
}
