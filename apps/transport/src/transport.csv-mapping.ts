// The vehicle register's CSV export, column by column.
import { cell, CHANGED_AT_COLUMN, type CsvMapping } from '#spean/adapter-sdk';
import { normaliseNationalIdInput } from '#spean/contracts';

export const TRANSPORT_CSV: CsvMapping = {
  recordType: 'vehicle-registration',
  columns: [
    {
      name: 'plate_number',
      required: true,
      description: 'Plate number (the record id)',
      example: '2AB-1234',
    },
    {
      name: 'vin',
      required: true,
      description: 'VIN, or frame number of a motorcycle',
      example: 'JTDKB20U093456789',
    },
    { name: 'make', required: true, description: 'Make', example: 'Toyota' },
    { name: 'model', required: true, description: 'Model', example: 'Prius' },
    { name: 'year', required: true, description: 'Model year', example: '2009' },
    { name: 'category', required: true, description: 'car or motorcycle', example: 'car' },
    { name: 'colour', required: false, description: 'Colour', example: 'silver' },
    {
      name: 'owner_national_id',
      required: true,
      description: "Owner's national id",
      example: '2345678906',
    },
    {
      name: 'owner_name',
      required: false,
      description: "Owner's name in Latin letters",
      example: 'Sok Chantha',
    },
    {
      name: 'registration_date',
      required: true,
      description: 'YYYY-MM-DD or DD/MM/YYYY',
      example: '2019-03-02',
    },
    {
      name: 'inspection_due_date',
      required: false,
      description: 'YYYY-MM-DD or DD/MM/YYYY',
      example: '2027-03-02',
    },
    {
      name: 'status',
      required: true,
      description: 'active, suspended or deregistered',
      example: 'active',
    },
    {
      name: 'owner_deceased',
      required: false,
      description: 'yes or no (default no)',
      example: 'no',
    },
    {
      name: 'owner_deceased_on',
      required: false,
      description: 'YYYY-MM-DD, when owner_deceased is yes',
      example: '',
    },
    CHANGED_AT_COLUMN,
  ],
  toRecord(row) {
    const plateNumber = cell.text(row, 'plate_number');
    const owner = normaliseNationalIdInput(cell.text(row, 'owner_national_id'));
    const ownerName = cell.optional(row, 'owner_name');
    const colour = cell.optional(row, 'colour');
    const inspectionDueDate = cell.optionalDate(row, 'inspection_due_date');
    const ownerDeceasedOn = cell.optionalDate(row, 'owner_deceased_on');
    return {
      recordType: 'vehicle-registration',
      schemaVersion: 1,
      recordId: plateNumber,
      subjectId: owner,
      op: 'upsert',
      occurredAt: cell.changedAt(row),
      payload: {
        plateNumber,
        vin: cell.text(row, 'vin').toUpperCase(),
        make: cell.text(row, 'make'),
        model: cell.text(row, 'model'),
        year: cell.integer(row, 'year'),
        category: cell.oneOf(row, 'category', ['car', 'motorcycle'] as const),
        ...(colour ? { colour } : {}),
        owner: { nationalId: owner, ...(ownerName ? { name: ownerName } : {}) },
        registrationDate: cell.date(row, 'registration_date'),
        ...(inspectionDueDate ? { inspectionDueDate } : {}),
        status: cell.oneOf(row, 'status', ['active', 'suspended', 'deregistered'] as const),
        ownerDeceased: cell.boolean(row, 'owner_deceased', false),
        ...(ownerDeceasedOn ? { ownerDeceasedOn } : {}),
      },
    };
  },
};
