import { Field, ObjectType } from '@nestjs/graphql';
import { ExchangeRecordModel } from './exchange-record.model.js';

/** The `record` field of every section type: the type and options its decorator takes. */
export const EXCHANGE_RECORD_FIELD = [
  () => ExchangeRecordModel,
  {
    description:
      'Where this record came from and when the exchange received it. No grant names it: it leaves ' +
      'with the section, or with the fields of it a narrowed grant opens',
  },
] as const;

/** What a section type answers beside its canonical payload: the record's source and date. */
@ObjectType({ isAbstract: true })
export abstract class ExchangedSection {
  @Field(...EXCHANGE_RECORD_FIELD)
  record!: ExchangeRecordModel;
}
