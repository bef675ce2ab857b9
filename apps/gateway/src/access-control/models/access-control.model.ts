import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Purpose', { description: 'A registered legal purpose a lookup may state.' })
export class PurposeModel {
  @Field({ description: 'The code a lookup states, e.g. business-registration' })
  code!: string;

  @Field()
  title!: string;

  @Field({ description: 'The law or decree that allows it' })
  legalBasis!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Set once retired: no longer usable' })
  retiredAt!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Lookups under it reach the citizen’s access log this many days later (auditors see them at ' +
      'once); null: at once. See setPurposeDisclosure.',
  })
  discloseAfterDays!: number | null;

  @Field(() => String, { nullable: true, description: 'The law that allows the delay' })
  disclosureBasis!: string | null;
}

@ObjectType('Grant', {
  description:
    'An agency may see a section (all of it, or some fields) for a purpose, within a validity period.',
})
export class GrantModel {
  @Field(() => ID)
  id!: string;

  @Field()
  agencyId!: string;

  @Field({ description: 'A citizen section, or nationalId (the id itself) or verification' })
  section!: string;

  @Field(() => [String], { nullable: true, description: 'Null: the whole section' })
  fields!: string[] | null;

  @Field()
  purpose!: string;

  @Field({
    description:
      'Lookups under it must name the officer who asks: signed in, or X-Spean-Officer from the agency’s system',
  })
  requiresOfficer!: boolean;

  @Field()
  validFrom!: Date;

  @Field()
  validUntil!: Date;

  @Field({ description: 'The steward who granted it' })
  grantedBy!: string;

  @Field()
  reason!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => String, { nullable: true })
  revokedBy!: string | null;

  @Field(() => String, { nullable: true })
  revokeReason!: string | null;
}

@ObjectType('GrantableSection')
export class GrantableSectionModel {
  @Field()
  name!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Fields a grant may be narrowed to; null when it cannot be narrowed',
  })
  fields!: string[] | null;
}

@InputType('PurposeInput')
export class PurposeInput {
  @Field({ description: 'Lower-case letters, digits and dashes, e.g. social-assistance' })
  code!: string;

  @Field()
  title!: string;

  @Field()
  legalBasis!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why it is registered, up to 500 characters; kept in the audit entry',
  })
  reason?: string | null;
}

@InputType('GrantInput')
export class GrantInput {
  @Field()
  agencyId!: string;

  @Field()
  section!: string;

  @Field(() => [String], { nullable: true, description: 'Omit for the whole section' })
  fields?: string[];

  @Field()
  purpose!: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Require the officer who asks to be named (signed in, or X-Spean-Officer); default false',
  })
  requiresOfficer?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'Default: now' })
  validFrom?: Date;

  @Field()
  validUntil!: Date;

  @Field({ description: 'Why the agency needs it, e.g. the decision or agreement' })
  reason!: string;
}
