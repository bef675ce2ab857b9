// The business register's CSV export, column by column. People are listed in
// one cell: "<national id>:<roles joined by +>[:<share>]" separated by
// semicolons, the principal owner first.
import { cell, CHANGED_AT_COLUMN, CsvRowError, parseShare, place } from '#spean/adapter-sdk';
import type { CsvMapping } from '#spean/adapter-sdk';
import { normaliseNationalIdInput } from '#spean/contracts';

const ROLES = ['owner', 'director', 'shareholder'] as const;
const LEGAL_FORMS = [
  'sole-proprietorship',
  'general-partnership',
  'limited-partnership',
  'private-limited-company',
  'single-member-private-limited-company',
  'public-limited-company',
  'branch-of-foreign-company',
] as const;

export const COMMERCE_CSV: CsvMapping = {
  recordType: 'business-registration',
  columns: [
    {
      name: 'registration_number',
      required: true,
      description: 'Registration number (the record id)',
      example: '00012345',
    },
    {
      name: 'name_khmer',
      required: true,
      description: 'Business name in Khmer script',
      example: 'ហាងគ្រឿងទេស សុខា',
    },
    {
      name: 'name_english',
      required: true,
      description: 'Business name in English',
      example: 'Sokha Spice Shop',
    },
    {
      name: 'legal_form',
      required: true,
      description: LEGAL_FORMS.join(', '),
      example: 'sole-proprietorship',
    },
    {
      name: 'people',
      required: true,
      description:
        'national id:roles (owner+director+shareholder)[:share], separated by ; (principal owner first)',
      example: '2345678906:owner+director',
    },
    {
      name: 'province_code',
      required: false,
      description: 'Registered address: 2-digit code',
      example: '12',
    },
    {
      name: 'district_code',
      required: false,
      description: 'Registered address: 4-digit code',
      example: '1201',
    },
    {
      name: 'commune_code',
      required: false,
      description: 'Registered address: 6-digit code',
      example: '120101',
    },
    {
      name: 'registration_date',
      required: true,
      description: 'YYYY-MM-DD or DD/MM/YYYY',
      example: '2021-01-11',
    },
    {
      name: 'status',
      required: true,
      description: 'active, suspended or dissolved',
      example: 'active',
    },
    {
      name: 'sole_owner_deceased',
      required: false,
      description: 'yes or no (default no)',
      example: 'no',
    },
    CHANGED_AT_COLUMN,
  ],
  toRecord(row) {
    const registrationNumber = cell.text(row, 'registration_number');
    const people = cell.list(row, 'people', ([id, roles, share]) => {
      if (!id || !roles)
        throw new CsvRowError(
          'people',
          'must list people as national id:roles, e.g. 2345678906:owner+director',
        );
      const list = roles.split('+').map((role) => role.trim().toLowerCase());
      const unknown = list.find((role) => !(ROLES as readonly string[]).includes(role));
      if (unknown !== undefined)
        throw new CsvRowError('people', `roles must be among ${ROLES.join(', ')}`);
      return {
        nationalId: normaliseNationalIdInput(id),
        roles: [...new Set(list)],
        ...(share ? { share: parseShare(share, 'people') } : {}),
      };
    });
    const principal = people.find((person) => person.roles.includes('owner'));
    if (!principal) throw new CsvRowError('people', 'must name at least one owner');
    const province = cell.optional(row, 'province_code');
    return {
      recordType: 'business-registration',
      schemaVersion: 1,
      recordId: registrationNumber,
      subjectId: principal.nationalId,
      op: 'upsert',
      occurredAt: cell.changedAt(row),
      payload: {
        registrationNumber,
        name: { khmer: cell.text(row, 'name_khmer'), english: cell.text(row, 'name_english') },
        legalForm: cell.oneOf(row, 'legal_form', LEGAL_FORMS),
        people,
        ...(province
          ? {
              registeredAddress: {
                province: place(province),
                district: place(cell.text(row, 'district_code')),
                commune: place(cell.text(row, 'commune_code')),
              },
            }
          : {}),
        registrationDate: cell.date(row, 'registration_date'),
        status: cell.oneOf(row, 'status', ['active', 'suspended', 'dissolved'] as const),
        soleOwnerDeceased: cell.boolean(row, 'sole_owner_deceased', false),
      },
    };
  },
};
