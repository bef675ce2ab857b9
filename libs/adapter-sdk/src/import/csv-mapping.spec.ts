import { describe, expect, it } from '@jest/globals';
import { cell, CHANGED_AT_COLUMN, CsvRowError } from './csv-mapping.js';

describe('cell.list', () => {
  it('reads the entries of one cell, each split into its parts, skipping empty entries', () => {
    const row = { owners: '2345678906:1/2; ;3456789017:1/2;' };
    expect(cell.list(row, 'owners', (parts) => parts)).toEqual([
      ['2345678906', '1/2'],
      ['3456789017', '1/2'],
    ]);
  });

  it('names the column when the cell is empty', () => {
    expect(() => cell.list({ owners: '' }, 'owners', (parts) => parts)).toThrow(
      new CsvRowError('owners', 'is required', 'required'),
    );
  });
});

describe('cell.changedAt', () => {
  it('is the changed_at cell when there is one, else the time of the import', () => {
    expect(cell.changedAt({ [CHANGED_AT_COLUMN.name]: '2026-01-02T03:04:05Z' })).toBe(
      '2026-01-02T03:04:05Z',
    );
    const before = Date.now();
    expect(Date.parse(cell.changedAt({}))).toBeGreaterThanOrEqual(before - 1);
  });
});
