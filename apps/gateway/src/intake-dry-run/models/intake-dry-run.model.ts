import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('IntakeIssue', { description: 'One problem of one record in a dry run.' })
export class IntakeIssueModel {
  @Field(() => Int, { description: 'Position of the record in `records`, from 0' })
  index!: number;

  @Field({ description: 'Where in the record, as a JSON pointer, e.g. /payload/year' })
  path!: string;

  @Field({ description: 'The rule it breaks, e.g. required, pattern, national-id-check-digit' })
  rule!: string;

  @Field()
  message!: string;
}

@ObjectType('IntakeDryRun', {
  description: 'What intake would say about the records; nothing was published or stored.',
})
export class IntakeDryRunModel {
  @Field()
  recordType!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => Int, { description: 'Records that would be accepted' })
  valid!: number;

  @Field(() => Int, { description: 'Records with at least one problem' })
  invalid!: number;

  @Field(() => [IntakeIssueModel])
  issues!: IntakeIssueModel[];
}
