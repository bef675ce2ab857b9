import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditPerson', { description: 'The person who acted through the client.' })
export class AuditPersonModel {
  @Field({ description: 'The identity provider (issuer URL), or the client that named them' })
  issuer!: string;

  @Field({ description: 'Their identifier at that issuer' })
  subject!: string;

  @Field({ description: 'Their name, as the issuer (or the client) gave it' })
  name!: string;

  @Field({ description: '"session": signed in; "client": named by the agency’s system' })
  statedBy!: string;
}

@ObjectType('AuditEntry', { description: 'One entry of the audit log, as an auditor sees it.' })
export class AuditEntryModel {
  @Field(() => Int, { description: 'Its place in the hash chain' })
  seq!: number;

  @Field()
  at!: Date;

  @Field({ description: 'lookup, verification, access-log-read, grant-change, audit-read …' })
  kind!: string;

  @Field({ description: 'returned, denied or refused (see AuditFilter.outcomes)' })
  outcome!: string;

  @Field({ description: 'The agency that acted' })
  agencyId!: string;

  @Field({ description: 'The client that acted' })
  clientId!: string;

  @Field(() => AuditPersonModel, {
    nullable: true,
    description: 'The person who acted through the client; null for a system acting alone',
  })
  person!: AuditPersonModel | null;

  @Field(() => ID, { nullable: true, description: 'The citizen concerned (national id), if any' })
  subjectId!: string | null;

  @Field(() => String, { nullable: true, description: 'The registered purpose stated' })
  purpose!: string | null;

  @Field({ description: 'What the entry records beyond the columns above, as JSON text' })
  details!: string;

  @Field({
    description:
      'Its hash in the chain (hex SHA-256 over the entry and the previous hash): what a checkpoint seals and verifyAuditLog recomputes',
  })
  hash!: string;
}

@ObjectType('AuditEntryPage')
export class AuditEntryPageModel {
  @Field(() => [AuditEntryModel], { description: 'Oldest first' })
  entries!: AuditEntryModel[];

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `after` for the next (newer) page; null on the last page',
  })
  nextCursor!: string | null;
}
