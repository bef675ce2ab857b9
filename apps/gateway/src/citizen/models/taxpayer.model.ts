import { Field, ObjectType } from '@nestjs/graphql';
import { ExchangedSection } from './exchanged-section.model.js';
import type { Taxpayer } from '#spean/contracts';

@ObjectType('Taxpayer', {
  description: 'A taxpayer registration of the General Department of Taxation.',
})
export class TaxpayerModel extends ExchangedSection implements Taxpayer {
  @Field({ description: 'Taxpayer identification number, e.g. E001-123456789' })
  tin!: string;

  @Field()
  nationalId!: string;

  @Field({ description: 'individual or sole-proprietor' })
  type!: 'individual' | 'sole-proprietor';

  @Field()
  registrationDate!: string;

  @Field({ description: 'active, suspended or closed' })
  status!: 'active' | 'suspended' | 'closed';

  @Field(() => String, { nullable: true })
  closedOn?: string;

  @Field(() => String, { nullable: true, description: 'deceased, deregistered or emigrated' })
  closureReason?: 'deceased' | 'deregistered' | 'emigrated';
}
