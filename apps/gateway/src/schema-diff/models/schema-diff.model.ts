import { Field, Int, ObjectType } from '@nestjs/graphql';
import { IncompatibilityModel } from '../../schemas/models/schema.model.js';

const IMPACT =
  'FULL: breaks nothing; BACKWARD: consumers on the newer side still read the older side’s records, not the reverse; FORWARD: the reverse; BREAKING: neither';

@ObjectType('SchemaDifference', {
  description: 'One place where two versions of a schema differ, and what the change breaks.',
})
export class SchemaDifferenceModel {
  @Field({ description: 'Where in the schema, as a JSON pointer, e.g. /properties/colour' })
  path!: string;

  @Field({ description: 'added, removed or changed' })
  change!: string;

  @Field(() => String, { nullable: true, description: 'The value in `from`, as JSON text' })
  beforeJson!: string | null;

  @Field(() => String, { nullable: true, description: 'The value in `to`, as JSON text' })
  afterJson!: string | null;

  @Field({ description: IMPACT })
  impact!: string;

  @Field(() => [IncompatibilityModel], {
    description: 'What the compatibility checker finds this change breaks',
  })
  incompatibilities!: IncompatibilityModel[];
}

@ObjectType('SchemaDiff', {
  description: 'The change between two versions of a record type, judged by the registry’s rules.',
})
export class SchemaDiffModel {
  @Field()
  recordType!: string;

  @Field(() => Int)
  from!: number;

  @Field(() => Int)
  to!: number;

  @Field({ description: 'The record type’s compatibility mode' })
  mode!: string;

  @Field({ description: 'Whether `to` could follow `from` under that mode' })
  allowedUnderMode!: boolean;

  @Field({ description: `The whole change. ${IMPACT}` })
  impact!: string;

  @Field(() => [SchemaDifferenceModel])
  differences!: SchemaDifferenceModel[];

  @Field(() => [IncompatibilityModel], {
    description: 'Every finding, including any no single difference explains',
  })
  incompatibilities!: IncompatibilityModel[];
}
