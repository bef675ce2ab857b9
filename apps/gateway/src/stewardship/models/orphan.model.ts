import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Orphan', {
  description:
    'A record whose subject the Ministry of Interior does not (yet) know. It is kept, shown in lookups, and ' +
    'attaches to the person as soon as interior publishes them. The national id is not shown: stewards follow ' +
    'the record up with its source ministry by record id.',
})
export class OrphanModel {
  @Field()
  recordType!: string;

  @Field()
  recordId!: string;

  @Field({ description: 'The adapter that published it' })
  source!: string;

  @Field({ description: 'When it entered the read model (ISO 8601)' })
  appliedAt!: Date;
}
