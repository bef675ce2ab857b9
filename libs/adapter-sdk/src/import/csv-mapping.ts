// How an adapter reads its ministry's own CSV export: the documented columns,
// and a function from one row to one canonical record. A row that cannot be
// mapped throws a CsvRowError naming the column and the rule, which ends up,
// with the row number, in the import's reject file.
export interface CsvColumn {
  name: string;
  required: boolean;
  description: string;
  example: string;
}

export interface CsvMapping {
  recordType: string;
  columns: readonly CsvColumn[];
  /**
   * A canonical record for the row, without version (the import gives the
   * next version when the record changed, and skips it when it did not).
   */
  toRecord(row: Readonly<Record<string, string>>): Record<string, unknown>;
}

export class CsvRowError extends Error {
  constructor(
    readonly column: string,
    /** What the cell must be, as a sentence: "must be a whole number". */
    rule: string,
    /** The rule as a stable code, for the import's answer: "integer", "date" ... */
    readonly code = 'mapping',
  ) {
    super(`column ${column} ${rule}`);
    this.name = 'CsvRowError';
  }
}

/** The column any export may carry: when the row last changed, the record's occurredAt. */
export const CHANGED_AT_COLUMN: CsvColumn = {
  name: 'changed_at',
  required: false,
  description: 'When the row last changed (ISO 8601); default: import time',
  example: '',
};

/** Cell readers that name the column when the cell is wrong. */
export const cell = {
  text(row: Readonly<Record<string, string>>, column: string): string {
    const value = row[column]?.trim() ?? '';
    if (value === '') throw new CsvRowError(column, 'is required', 'required');
    return value;
  },
  optional(row: Readonly<Record<string, string>>, column: string): string | undefined {
    const value = row[column]?.trim() ?? '';
    return value === '' ? undefined : value;
  },
  integer(row: Readonly<Record<string, string>>, column: string): number {
    const value = Number(cell.text(row, column));
    if (!Number.isInteger(value)) {
      throw new CsvRowError(column, 'must be a whole number', 'integer');
    }
    return value;
  },
  number(row: Readonly<Record<string, string>>, column: string): number {
    const value = Number(cell.text(row, column).replace(/,/g, ''));
    if (!Number.isFinite(value)) throw new CsvRowError(column, 'must be a number', 'number');
    return value;
  },
  /** Dates as YYYY-MM-DD, or DD/MM/YYYY as Cambodian registers often write them. */
  date(row: Readonly<Record<string, string>>, column: string): string {
    return toIsoDate(cell.text(row, column), column);
  },
  optionalDate(row: Readonly<Record<string, string>>, column: string): string | undefined {
    const value = cell.optional(row, column);
    return value === undefined ? undefined : toIsoDate(value, column);
  },
  oneOf<T extends string>(
    row: Readonly<Record<string, string>>,
    column: string,
    allowed: readonly T[],
  ): T {
    const value = cell.text(row, column).toLowerCase();
    if (!(allowed as readonly string[]).includes(value)) {
      throw new CsvRowError(column, `must be one of ${allowed.join(', ')}`, 'enum');
    }
    return value as T;
  },
  boolean(row: Readonly<Record<string, string>>, column: string, fallback: boolean): boolean {
    const value = cell.optional(row, column)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', 'yes', 'y', '1'].includes(value)) return true;
    if (['false', 'no', 'n', '0'].includes(value)) return false;
    throw new CsvRowError(column, 'must be yes or no', 'boolean');
  },
  /** A list in one cell: entries separated by ";", the parts of each by ":" ("2345678906:1/2;…"). */
  list<T>(
    row: Readonly<Record<string, string>>,
    column: string,
    entry: (parts: string[]) => T,
  ): T[] {
    return cell
      .text(row, column)
      .split(';')
      .filter((part) => part.trim() !== '')
      .map((part) => entry(part.split(':')));
  },
  /** When the row last changed (CHANGED_AT_COLUMN), or else the time of the import. */
  changedAt(row: Readonly<Record<string, string>>): string {
    return cell.optional(row, CHANGED_AT_COLUMN.name) ?? new Date().toISOString();
  },
};

/** A share written as "1/2". */
export function parseShare(
  text: string,
  column: string,
): { numerator: number; denominator: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) {
    throw new CsvRowError(column, 'must give each share as a fraction such as 1/2', 'share');
  }
  return { numerator: Number(match[1]), denominator: Number(match[2]) };
}

/** Only the codes the export carries; a place with no code is left out. */
export function place(code: string | undefined): { code: string } | undefined {
  return code === undefined ? undefined : { code };
}

function toIsoDate(value: string, column: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : dmy
      ? [dmy[3], dmy[2]!.padStart(2, '0'), dmy[1]!.padStart(2, '0')]
      : [];
  if (!year) {
    throw new CsvRowError(column, 'must be a date written YYYY-MM-DD or DD/MM/YYYY', 'date');
  }
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  if (
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== `${year}-${month}-${day}`
  ) {
    throw new CsvRowError(column, 'is not a real calendar date', 'calendar-date');
  }
  return `${year}-${month}-${day}`;
}
