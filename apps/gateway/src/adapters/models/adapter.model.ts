// GraphQL shapes of the adapter directory and registration.
import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { DecisionFields } from '../../common/decision.model.js';

@ObjectType('AdapterRecordType', {
  description: 'A record type an adapter publishes or consumes, and whether a steward approved it.',
})
export class AdapterRecordTypeModel {
  @Field({ description: 'E.g. vehicle-registration' })
  recordType!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The schema version; null: every version the schema registry accepts',
  })
  schemaVersion!: number | null;

  @Field({
    description:
      'Approved by a steward. An entry not yet approved waits for a decision; the approved ones stay in force meanwhile.',
  })
  approved!: boolean;
}

@ObjectType('Adapter', {
  description:
    'A registered adapter: a ministry system that publishes canonical records and reacts to others.',
})
export class AdapterModel {
  @Field({ description: 'Its name: the source of its records and its consumer group' })
  name!: string;

  @Field({ description: 'The ministry (agency) it belongs to' })
  agencyId!: string;

  @Field()
  title!: string;

  @Field({ description: 'pending, approved, rejected or suspended' })
  state!: string;

  @Field(() => [AdapterRecordTypeModel])
  publishes!: AdapterRecordTypeModel[];

  @Field(() => [AdapterRecordTypeModel])
  consumes!: AdapterRecordTypeModel[];

  @Field({ description: 'The client that registered it last' })
  registeredBy!: string;

  @Field()
  registeredAt!: Date;

  @Field(() => String, { nullable: true, description: 'The steward of the last decision' })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true })
  decisionReason!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Messages of the record types it is approved to consume that its consumer group has not committed yet; null when the bus cannot tell now',
  })
  consumerLag!: number | null;

  @Field(() => Int, { description: 'Open dead letters of its consumer group' })
  deadLetters!: number;

  @Field(() => Int, {
    description:
      'Open dead letters, in any consumer group, of records claiming it as their source that were refused before being applied (unsigned, bad-signature, unknown-key, source-not-approved); refusedRecords lists them by topic and partition',
  })
  refusedRecords!: number;
}

@ObjectType('AdapterKey', {
  description:
    'An adapter’s Ed25519 signing key. Only an approved key verifies, until its notAfter; a revoked one never again.',
})
export class AdapterKeyModel extends DecisionFields {
  @Field({
    description: 'base64url SHA-256 of the raw public key; carried in each record’s key-id header',
  })
  keyId!: string;

  @Field({ description: 'The adapter whose records it signs' })
  adapter!: string;

  @Field({ description: 'The public key, PEM (SPKI)' })
  publicKey!: string;

  @Field({ description: 'proposed, approved or revoked' })
  state!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When it stops verifying: the end of the overlap after a newer key was approved',
  })
  notAfter!: Date | null;

  @Field()
  proposedBy!: string;

  @Field()
  proposedAt!: Date;
}

@ObjectType('RefusedRecords', {
  description:
    'Records consumers refused before applying them, still open as dead letters, by the source they claim and where they arrived.',
})
export class RefusedRecordsModel {
  @Field(() => String, {
    nullable: true,
    description: 'The source the records claim (unverified); null when they claim none',
  })
  claimedSource!: string | null;

  @Field()
  topic!: string;

  @Field(() => Int)
  partition!: number;

  @Field({ description: 'unsigned, bad-signature, unknown-key or source-not-approved' })
  code!: string;

  @Field(() => Int, { description: 'Dead letters: one per consumer group that refused a record' })
  count!: number;

  @Field(() => [String])
  groups!: string[];

  @Field()
  lastFailedAt!: Date;
}

@InputType('AdapterRecordTypeInput')
export class AdapterRecordTypeInput {
  @Field({ description: 'A record type the schema registry knows, e.g. land-title' })
  recordType!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'A schema version of it; left out: every version the registry accepts',
  })
  schemaVersion?: number | null;
}

@InputType('RegisterAdapterInput')
export class RegisterAdapterInput {
  @Field({ description: '2 to 63 lower-case letters, digits and dashes, e.g. land-registry' })
  name!: string;

  @Field({
    nullable: true,
    description:
      'The ministry (agency) id; default: your own. Integrators register only their own.',
  })
  agencyId?: string;

  @Field({ description: 'The ministry system, e.g. "Cadastral register"' })
  title!: string;

  @Field(() => [AdapterRecordTypeInput], { defaultValue: [] })
  publishes!: AdapterRecordTypeInput[];

  @Field(() => [AdapterRecordTypeInput], { defaultValue: [] })
  consumes!: AdapterRecordTypeInput[];

  @Field(() => String, {
    nullable: true,
    description: 'Why it is registered or changed: kept in the audit entry (up to 500 characters)',
  })
  reason?: string | null;
}
