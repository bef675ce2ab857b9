// The taxpayer register's CSV export, column by column.
import { cell, CHANGED_AT_COLUMN, type CsvMapping } from '#spean/adapter-sdk';
import { normaliseNationalIdInput } from '#spean/contracts';

export const TAX_CSV: CsvMapping = {
  recordType: 'taxpayer',
  columns: [
    {
      name: 'tin',
      required: true,
      description: 'Taxpayer identification number (the record id)',
      example: 'E001-123456789',
    },
    {
      name: 'national_id',
      required: true,
      description: "The taxpayer's national id",
      example: '2345678906',
    },
    {
      name: 'type',
      required: true,
      description: 'individual or sole-proprietor',
      example: 'individual',
    },
    {
      name: 'registration_date',
      required: true,
      description: 'YYYY-MM-DD or DD/MM/YYYY',
      example: '2018-07-01',
    },
    {
      name: 'status',
      required: true,
      description: 'active, suspended or closed',
      example: 'active',
    },
    {
      name: 'closed_on',
      required: false,
      description: 'YYYY-MM-DD, when status is closed',
      example: '',
    },
    {
      name: 'closure_reason',
      required: false,
      description: 'deceased, deregistered or emigrated',
      example: '',
    },
    CHANGED_AT_COLUMN,
  ],
  toRecord(row) {
    const tin = cell.text(row, 'tin').toUpperCase();
    const nationalId = normaliseNationalIdInput(cell.text(row, 'national_id'));
    const closedOn = cell.optionalDate(row, 'closed_on');
    const closureReason = cell.optional(row, 'closure_reason')
      ? cell.oneOf(row, 'closure_reason', ['deceased', 'deregistered', 'emigrated'] as const)
      : undefined;
    return {
      recordType: 'taxpayer',
      schemaVersion: 1,
      recordId: tin,
      subjectId: nationalId,
      op: 'upsert',
      occurredAt: cell.changedAt(row),
      payload: {
        tin,
        nationalId,
        type: cell.oneOf(row, 'type', ['individual', 'sole-proprietor'] as const),
        registrationDate: cell.date(row, 'registration_date'),
        status: cell.oneOf(row, 'status', ['active', 'suspended', 'closed'] as const),
        ...(closedOn ? { closedOn } : {}),
        ...(closureReason ? { closureReason } : {}),
      },
    };
  },
};
