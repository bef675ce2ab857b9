import { Field, ID, InputType } from '@nestjs/graphql';

@InputType('AuditFilter', {
  description: 'Every field optional; entries must match all that are given.',
})
export class AuditFilterInput {
  @Field(() => Date, { nullable: true, description: 'Entries at or after this time' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Entries before this time' })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: 'The agency that acted, e.g. mef' })
  agencyId?: string | null;

  @Field(() => String, { nullable: true, description: 'The client that acted' })
  clientId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The person who acted through the client (a signed-in officer, or one a desk system named), by ' +
      'their whole name as entries show it, case-insensitive, e.g. Sok Dara',
  })
  personName?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The citizen concerned, by national id (spaces and dashes are ignored)',
  })
  nationalId?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Kinds of entry, e.g. lookup, verification, access-log-read, grant-change',
  })
  kinds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'returned (nothing asked for was withheld), denied (some sections or claims were) or ' +
      'refused (nothing was answered)',
  })
  outcomes?: string[] | null;
}
