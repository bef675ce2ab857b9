import { Field, ObjectType } from '@nestjs/graphql';
import { GrantModel } from '../../access-control/models/access-control.model.js';

@ObjectType('GrantUsage', {
  description: 'A grant, and when a lookup or verification last used it.',
})
export class GrantUsageModel {
  @Field(() => GrantModel)
  grant!: GrantModel;

  @Field(() => Date, {
    nullable: true,
    description:
      'The last lookup (returning its section, or disclosing the national id) or verification under it; null: never used',
  })
  lastUsedAt!: Date | null;
}
