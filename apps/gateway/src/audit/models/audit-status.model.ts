import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditCheckpoint', { description: 'A signed seal of the hash chain’s head.' })
export class AuditCheckpointModel {
  @Field(() => Int, { description: 'The seq of the entry it seals' })
  seq!: number;

  @Field()
  signedAt!: Date;

  @Field({ description: 'Which key signed it (see publicKey)' })
  keyId!: string;

  @Field({ description: 'The hash of the entry it seals: the chain’s head when it was signed' })
  hash!: string;
}

@ObjectType('AuditVerification', {
  description: 'The result of one verification of the audit log.',
})
export class AuditVerificationModel {
  @Field({ description: 'The chain and every checkpoint held' })
  ok!: boolean;

  @Field()
  verifiedAt!: Date;

  @Field(() => Int, { nullable: true, description: 'Entries checked (when ok)' })
  entries!: number | null;

  @Field(() => Int, { nullable: true, description: 'Checkpoints checked (when ok)' })
  checkpoints!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'altered, removed, reordered or bad-checkpoint (when not ok)',
  })
  problem!: string | null;

  @Field(() => Int, { nullable: true, description: 'The first entry with a problem' })
  seq!: number | null;

  @Field(() => String, { nullable: true })
  message!: string | null;
}

@ObjectType('AuditStatus')
export class AuditStatusModel {
  @Field(() => AuditCheckpointModel, {
    nullable: true,
    description: 'The newest signed checkpoint',
  })
  lastCheckpoint!: AuditCheckpointModel | null;

  @Field(() => AuditVerificationModel, {
    nullable: true,
    description: 'The newest verification run with verifyAuditLog; null before the first',
  })
  lastVerification!: AuditVerificationModel | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The public key that checks checkpoint signatures (PEM), for verifying offline with ' +
      '`spean audit verify --public-key`',
  })
  publicKey!: string | null;
}
