import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DecisionFields } from '../../common/decision.model.js';

@ObjectType('SchemaVersion', {
  description: 'One immutable version of a canonical record type’s JSON Schema.',
})
export class SchemaVersionModel extends DecisionFields {
  @Field()
  recordType!: string;

  @Field(() => Int)
  version!: number;

  @Field({ description: 'proposed, active, deprecated, retired or rejected' })
  state!: string;

  @Field({ description: 'The JSON Schema, as JSON text' })
  schemaJson!: string;

  @Field()
  proposedBy!: string;

  @Field()
  proposedAt!: Date;

  @Field()
  proposalReason!: string;
}

@ObjectType('RecordTypeSchemas')
export class RecordTypeSchemasModel {
  @Field()
  recordType!: string;

  @Field({
    description: 'How new versions must relate to earlier ones (BACKWARD_TRANSITIVE unless set)',
  })
  compatibility!: string;

  @Field(() => [SchemaVersionModel])
  versions!: SchemaVersionModel[];
}

@ObjectType('Incompatibility', {
  description: 'One reason a schema change would break a publisher or a consumer.',
})
export class IncompatibilityModel {
  @Field({ description: 'Where in the record, as a JSON pointer (* for any array item)' })
  path!: string;

  @Field({ description: 'Where in the new schema the change is' })
  schemaPath!: string;

  @Field({ description: 'A stable code, e.g. required-added, enum-value-removed' })
  rule!: string;

  @Field({
    description:
      'backward: consumers on the new version could not read old records; forward: the reverse',
  })
  direction!: string;

  @Field(() => Int, { description: 'The earlier version it conflicts with' })
  against!: number;

  @Field()
  message!: string;
}

@ObjectType('CompatibilityReport')
export class CompatibilityReportModel {
  @Field()
  recordType!: string;

  @Field(() => Int, { description: 'The version number the schema would get' })
  version!: number;

  @Field()
  mode!: string;

  @Field()
  compatible!: boolean;

  @Field(() => [Int])
  checkedAgainst!: number[];

  @Field(() => [IncompatibilityModel])
  incompatibilities!: IncompatibilityModel[];
}

@ObjectType('LineageEntry', {
  description:
    'An adapter (or the gateway) seen publishing or consuming a record type at a version.',
})
export class LineageEntryModel {
  @Field()
  party!: string;

  @Field({ description: 'publishes or consumes' })
  role!: string;

  @Field()
  recordType!: string;

  @Field(() => Int)
  schemaVersion!: number;

  @Field()
  firstSeen!: Date;

  @Field()
  lastSeen!: Date;
}

@ObjectType('SchemaChange', { description: 'Who changed the registry, when and why.' })
export class SchemaChangeModel {
  @Field()
  at!: Date;

  @Field()
  recordType!: string;

  @Field(() => Int, { nullable: true })
  version!: number | null;

  @Field({
    description: 'bootstrap, propose, approve, reject, deprecate, retire, set-compatibility',
  })
  action!: string;

  @Field(() => ID)
  actor!: string;

  @Field()
  reason!: string;
}
