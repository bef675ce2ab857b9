import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AccessQuestionModel } from '../../access-question/models/access-question.model.js';

@ObjectType('AccessLogPerson', {
  description: 'The officer who acted through the agency’s system.',
})
export class AccessLogPersonModel {
  @Field({
    description: 'Their name, as their identity provider (or their agency’s system) gave it',
  })
  name!: string;

  @Field({
    description:
      'session: the officer signed in with their identity provider; client: the agency’s system named them',
  })
  statedBy!: string;
}

@ObjectType('AccessLogEntry', {
  description: 'One access to the citizen’s record, or one attempt.',
})
export class AccessLogEntryModel {
  @Field(() => ID, { description: 'The entry’s id, to question it with questionAccess' })
  entryId!: string;

  @Field(() => AccessQuestionModel, {
    nullable: true,
    description: 'The citizen’s question about this entry (questionAccess) and its answer',
  })
  question!: AccessQuestionModel | null;

  @Field()
  at!: Date;

  @Field({
    description:
      'lookup, verification, access-log-read (someone read or tried to read this log), ' +
      'related-party-disclosure (the citizen was disclosed as a related party — spouse, parent, ' +
      'co-owner, director — of a lookup of another citizen), lookup-preview (a steward previewed ' +
      'what the agency in previewOf would see; not that agency’s lookup) or audit-read (an ' +
      'auditor read audit entries about the citizen)',
  })
  kind!: string;

  @Field({ description: 'found, not-found or refused' })
  outcome!: string;

  @Field({ description: 'The agency that asked' })
  agencyId!: string;

  @Field(() => String, { nullable: true })
  agencyName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The agency’s system that asked; null for another citizen, who is not named',
  })
  clientName!: string | null;

  @Field(() => AccessLogPersonModel, {
    nullable: true,
    description:
      'The officer who asked, when one signed in or the agency’s system named one; null for a system ' +
      'acting alone, and for another citizen, who is not named',
  })
  person!: AccessLogPersonModel | null;

  @Field(() => String, {
    nullable: true,
    description: 'lookup-preview: the agency whose view the steward previewed',
  })
  previewOf!: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Under a purpose disclosed later: from when the citizen sees this entry (auditors see it at once)',
  })
  discloseAfter!: Date | null;

  @Field(() => String, { nullable: true, description: 'The registered purpose stated' })
  purpose!: string | null;

  @Field(() => String, { nullable: true })
  purposeTitle!: string | null;

  @Field(() => String, { nullable: true, description: 'The agency’s case or file number' })
  reference!: string | null;

  @Field(() => [String], { description: 'Sections (or verified claims) that were returned' })
  sectionsReturned!: string[];

  @Field(() => [String], { description: 'Sections (or claims) asked for and refused' })
  sectionsDenied!: string[];

  @Field(() => [String], {
    description: 'Verification: the kinds of claim that were wrong (never what was claimed)',
  })
  claimsFailed!: string[];

  @Field(() => [String], {
    description:
      'Verification: the kinds of claim refused because too many wrong ones had been made',
  })
  claimsLocked!: string[];
}

@ObjectType('AccessLogPage')
export class AccessLogPageModel {
  @Field(() => [AccessLogEntryModel], { description: 'Newest first' })
  entries!: AccessLogEntryModel[];

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `after` for the next (older) page; null on the last page',
  })
  nextCursor!: string | null;
}
