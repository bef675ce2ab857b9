// The land register's CSV export, column by column. Co-owners are listed in
// one cell: "<national id>:<share>" separated by semicolons, first owner first.
import { cell, CHANGED_AT_COLUMN, CsvRowError, parseShare, place } from '#spean/adapter-sdk';
import type { CsvMapping } from '#spean/adapter-sdk';
import { normaliseNationalIdInput } from '#spean/contracts';

export const LAND_CSV: CsvMapping = {
  recordType: 'land-title',
  columns: [
    {
      name: 'title_number',
      required: true,
      description: 'Title number (the record id)',
      example: 'LT-12-0404-000123',
    },
    { name: 'parcel_number', required: true, description: 'Parcel number', example: '123' },
    {
      name: 'map_sheet',
      required: false,
      description: 'Cadastral map sheet',
      example: '4868-II-07',
    },
    { name: 'province_code', required: true, description: '2-digit gazetteer code', example: '12' },
    {
      name: 'district_code',
      required: true,
      description: '4-digit gazetteer code',
      example: '1204',
    },
    {
      name: 'commune_code',
      required: true,
      description: '6-digit gazetteer code',
      example: '120401',
    },
    {
      name: 'village_code',
      required: false,
      description: '8-digit gazetteer code',
      example: '12040101',
    },
    { name: 'area_m2', required: true, description: 'Area in square metres', example: '240.5' },
    {
      name: 'owners',
      required: true,
      description: 'national id:share, separated by ; (first owner first)',
      example: '2345678906:1/2;3456789019:1/2',
    },
    {
      name: 'land_use',
      required: false,
      description: 'residential, agricultural, commercial, industrial, other',
      example: 'residential',
    },
    {
      name: 'registration_date',
      required: true,
      description: 'YYYY-MM-DD or DD/MM/YYYY',
      example: '2015-06-30',
    },
    {
      name: 'status',
      required: true,
      description: 'registered, mortgaged or cancelled',
      example: 'registered',
    },
    CHANGED_AT_COLUMN,
  ],
  toRecord(row) {
    const titleNumber = cell.text(row, 'title_number');
    const owners = cell.list(row, 'owners', ([id, share]) => {
      if (!id || !share)
        throw new CsvRowError(
          'owners',
          'must list owners as national id:share, e.g. 2345678906:1/2',
        );
      return { nationalId: normaliseNationalIdInput(id), share: parseShare(share, 'owners') };
    });
    if (owners.length === 0) throw new CsvRowError('owners', 'must name at least one owner');
    const mapSheet = cell.optional(row, 'map_sheet');
    const village = place(cell.optional(row, 'village_code'));
    const landUse = cell.optional(row, 'land_use')
      ? cell.oneOf(row, 'land_use', [
          'residential',
          'agricultural',
          'commercial',
          'industrial',
          'other',
        ] as const)
      : undefined;
    return {
      recordType: 'land-title',
      schemaVersion: 1,
      recordId: titleNumber,
      subjectId: owners[0]!.nationalId,
      op: 'upsert',
      occurredAt: cell.changedAt(row),
      payload: {
        titleNumber,
        parcel: { number: cell.text(row, 'parcel_number'), ...(mapSheet ? { mapSheet } : {}) },
        location: {
          province: place(cell.text(row, 'province_code')),
          district: place(cell.text(row, 'district_code')),
          commune: place(cell.text(row, 'commune_code')),
          ...(village ? { village } : {}),
        },
        areaSquareMetres: cell.number(row, 'area_m2'),
        owners,
        ...(landUse ? { landUse } : {}),
        registrationDate: cell.date(row, 'registration_date'),
        status: cell.oneOf(row, 'status', ['registered', 'mortgaged', 'cancelled'] as const),
      },
    };
  },
};
