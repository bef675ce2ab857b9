import { Field, InputType } from '@nestjs/graphql';

@InputType('NewClientInput')
export class NewClientInput {
  @Field({ description: 'agency, adapter, steward, integrator, auditor or citizen' })
  role!: string;

  @Field({ description: 'The client system, e.g. "Business registration desk"' })
  name!: string;

  @Field({
    nullable: true,
    description: 'The agency’s id, e.g. mef (not needed for a citizen: always "citizens")',
  })
  agencyId?: string;

  @Field({
    nullable: true,
    description: 'Needed when the agency is new; renames an existing agency (stewards only)',
  })
  agencyName?: string;

  @Field({ nullable: true, description: 'For role adapter: the adapter it publishes as' })
  adapter?: string;

  @Field({
    nullable: true,
    description:
      'For role citizen: the citizen’s national id, checked in person before the credential is issued',
  })
  nationalId?: string;

  @Field({ nullable: true, description: 'Why the client is created; recorded in the audit log' })
  reason?: string;
}
