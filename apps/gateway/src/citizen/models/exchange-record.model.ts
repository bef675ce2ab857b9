import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType('ExchangeRecord', {
  description:
    'Where one record of a section came from and when the exchange received it: the adapter that ' +
    'published it, the agency (ministry) that adapter belongs to, and the version held. It is not ' +
    'data about the citizen and no grant names it; it is answered only with the section it describes, ' +
    'so asking for it on a section not granted is refused like the section.',
})
export class ExchangeRecordModel {
  @Field({ description: 'The registered adapter that published the record, e.g. interior' })
  source!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The agency the adapter is registered to, e.g. moi (Ministry of Interior); null for an adapter ' +
      'the adapter registry does not hold',
  })
  agencyId!: string | null;

  @Field({
    description:
      'When the exchange received the version held (ISO 8601); a newer version from the source moves it',
  })
  receivedAt!: Date;

  @Field(() => Float, {
    description: 'The version held, as numbered by the source (a whole number, newer is greater)',
  })
  version!: number;
}
