// Every adapter's documented CSV example row maps to a record that validates,
// so the column documentation the CLI prints cannot drift from the mapping.
import { describe, expect, it } from '@jest/globals';
import { CsvRowError } from '#spean/adapter-sdk';
import { RecordValidator } from '#spean/schema-registry';
import { ADAPTERS } from '../../tools/adapters.js';

const validator = new RecordValidator();
const withCsv = Object.values(ADAPTERS).filter((adapter) => adapter.csv);

describe('CSV mappings', () => {
  it('exist for transport, land, commerce and tax', () => {
    expect(withCsv.map((adapter) => adapter.name).sort()).toEqual([
      'commerce',
      'land',
      'tax',
      'transport',
    ]);
  });

  for (const adapter of withCsv) {
    const mapping = adapter.csv!;
    const example = Object.fromEntries(
      mapping.columns.map((column) => [column.name, column.example]),
    );

    it(`${adapter.name}: the documented example row is a valid ${mapping.recordType} record`, () => {
      const record = { version: 1, source: adapter.name, ...mapping.toRecord(example) };
      const result = validator.validate(record);
      expect(result.ok ? [] : result.errors).toEqual([]);
      expect(adapter.publishes).toContain(mapping.recordType);
    });

    it(`${adapter.name}: a missing required cell names its column`, () => {
      for (const column of mapping.columns.filter((c) => c.required)) {
        const row = { ...example, [column.name]: '' };
        expect(() => mapping.toRecord(row)).toThrow(new CsvRowError(column.name, 'is required'));
      }
    });
  }
});
