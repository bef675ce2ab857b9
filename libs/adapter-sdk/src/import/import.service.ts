// Bulk import of a ministry's CSV export, sent by the CLI in chunks of parsed
// rows. Unlike intake, an import is per row: good rows are published, every
// bad one comes back with its row number and the reason, nothing is dropped in
// silence. Versions are the adapter's business here: a row equal to what was
// last published is skipped, a changed one gets the next version — so running
// the same export twice publishes nothing new. A chunk that is not the shape
// the CLI sends (columns and rows of strings) is refused whole, with the path
// and the rule: it is a broken client, not a bad row of the ministry's file.
import type { Principal } from '#spean/access';
import type { AdapterDefinition } from '../adapter-definition.js';
import type { IntakeService } from '../intake/intake.service.js';
import {
  IntakeException,
  IntakeExceptionCode,
  type RecordIssue,
  type ShapeIssue,
} from '../intake/intake.exception.js';
import { jsonOf, type RequestBody } from '../intake/request-body.js';
import type { Publishing } from '../publishing/publish.js';
import type { PreparedRecord } from '../publishing/record-publisher.js';
import type { AdapterRecordRepository } from '../store/adapter-record.repository.js';
import { CsvRowError, type CsvMapping } from './csv-mapping.js';

export interface ImportChunk {
  /** The header of the file, in file order. */
  columns: string[];
  rows: string[][];
  /** Row number of rows[0] in the file, counting the header as row 1. */
  firstRow: number;
}

export interface ImportResult {
  imported: number;
  unchanged: number;
  rejected: RejectedRow[];
}

export interface RejectedRow {
  row: number;
  /** Every problem of the row, in a sentence each, joined by "; ". */
  reason: string;
  /**
   * The same problems for code: the column whose cell could not be read, or
   * the path in the canonical record the row became; and the rule.
   */
  issues: Array<{ column: string; rule: string } | { path: string; rule: string }>;
}

/** What an import would do with a chunk, without doing it. */
export interface ImportDryRun {
  /** Rows that would be accepted (published, or skipped as unchanged). */
  valid: number;
  rejected: RejectedRow[];
}

interface MappedRow {
  row: number;
  record: Record<string, unknown>;
}

interface ReadChunk {
  mapping: CsvMapping;
  mapped: MappedRow[];
  rejected: RejectedRow[];
}

export class ImportService {
  constructor(
    private readonly definition: AdapterDefinition,
    private readonly intake: IntakeService,
    private readonly publishing: Publishing,
    private readonly store: AdapterRecordRepository,
  ) {}

  async importChunk(principal: Principal, body: RequestBody): Promise<ImportResult> {
    const { mapping, mapped, rejected } = await this.readChunk(principal, body);
    // A record type the adapter may not publish refuses the whole chunk (403), not its rows.
    const { published, skipped, issues } = await this.publishing.publish(
      principal,
      mapped.map((m) => m.record),
      'each',
      {
        name: (index) => `row ${mapped[index]!.row}`,
        select: (ready) => this.changed(mapping.recordType, ready),
      },
    );
    return {
      imported: published.length,
      unchanged: skipped,
      rejected: withRecordIssues(rejected, mapped, issues),
    };
  }

  /**
   * The import's checks alone, row by row, publishing and keeping nothing:
   * how many rows would be accepted, and every problem of the others.
   */
  async dryRunChunk(principal: Principal, body: RequestBody): Promise<ImportDryRun> {
    const { mapped, rejected } = await this.readChunk(principal, body);
    const { ready, issues } = await this.publishing.check(
      principal,
      mapped.map((m) => m.record),
      { name: (index) => `row ${mapped[index]!.row}` },
    );
    return { valid: ready.length, rejected: withRecordIssues(rejected, mapped, issues) };
  }

  /** Authorises, checks the chunk's shape and maps each row; rows that cannot be mapped are rejected. */
  private async readChunk(principal: Principal, body: RequestBody): Promise<ReadChunk> {
    await this.intake.authorise(principal);
    const mapping = this.mapping();
    const chunk = jsonOf(
      body,
      'an import chunk {"columns": [...], "rows": [[...]], "firstRow": n}',
    );
    this.checkChunk(chunk, mapping);
    const rejected: RejectedRow[] = [];
    const mapped: MappedRow[] = [];
    chunk.rows.forEach((cells, i) => {
      const row = chunk.firstRow + i;
      // Defined, not assigned: a column named __proto__ is a column like any other.
      const values: Record<string, string> = Object.fromEntries(
        chunk.columns.map((column, c) => [column, (cells[c] ?? '').normalize('NFC').trim()]),
      );
      try {
        mapped.push({ row, record: { version: 1, ...mapping.toRecord(values) } });
      } catch (error) {
        if (!(error instanceof CsvRowError)) throw error;
        rejected.push({
          row,
          reason: error.message,
          issues: [{ column: error.column, rule: error.code }],
        });
      }
    });
    return { mapping, mapped, rejected };
  }

  /**
   * The rows that change what was last published, each given the next version;
   * rows are taken in file order, so a record changed twice in one export gets two versions.
   */
  private async changed(recordType: string, ready: PreparedRecord[]): Promise<PreparedRecord[]> {
    const stored = await this.store.versionsOf(
      recordType,
      ready.map((prepared) => prepared.record.recordId),
    );
    return ready.filter((prepared) => {
      const { recordId } = prepared.record;
      const previous = stored.get(recordId);
      const payload = prepared.record.payload ?? null;
      if (previous && canonicalJson(previous.payload) === canonicalJson(payload)) return false;
      prepared.record.version = previous ? previous.version + 1 : 1;
      stored.set(recordId, { version: prepared.record.version, payload });
      return true;
    });
  }

  private mapping(): CsvMapping {
    if (!this.definition.csv) {
      throw new IntakeException(
        IntakeExceptionCode.NO_CSV_IMPORT,
        `the ${this.definition.name} adapter has no CSV import`,
      );
    }
    return this.definition.csv;
  }

  private checkChunk(chunk: unknown, mapping: CsvMapping): asserts chunk is ImportChunk {
    const issues = chunkShapeIssues(chunk);
    if (issues.length > 0) {
      throw new IntakeException(
        IntakeExceptionCode.MALFORMED_CHUNK,
        `the import chunk is malformed (${issues.length} problem(s)); nothing was imported: ${issues[0]!.message}`,
        { issues },
      );
    }
    const { columns } = chunk as ImportChunk;
    const missing = mapping.columns
      .filter((column) => column.required && !columns.includes(column.name))
      .map((column) => column.name);
    if (missing.length > 0) {
      throw new IntakeException(
        IntakeExceptionCode.MISSING_COLUMNS,
        `the file lacks the required column(s) ${missing.join(', ')}`,
      );
    }
  }
}

/** Problems named at most, so a broken chunk of many rows gets a short answer. */
const MAX_SHAPE_ISSUES = 20;

/** Where `chunk` is not {columns: string[], rows: string[][], firstRow: integer ≥ 2}. */
function chunkShapeIssues(chunk: unknown): ShapeIssue[] {
  if (typeof chunk !== 'object' || chunk === null || Array.isArray(chunk)) {
    return [{ path: '', rule: 'type', message: 'the chunk must be an object' }];
  }
  const { columns, rows, firstRow } = chunk as Record<string, unknown>;
  const issues: ShapeIssue[] = [];
  const stringsAt = (value: unknown, path: string, what: string): void => {
    if (!Array.isArray(value)) {
      issues.push({ path, rule: 'type', message: `${path} must be an array of ${what}` });
      return;
    }
    for (let i = 0; i < value.length && issues.length < MAX_SHAPE_ISSUES; i++) {
      if (typeof value[i] !== 'string') {
        issues.push({
          path: `${path}/${i}`,
          rule: 'type',
          message: `${path}/${i} must be a string`,
        });
      }
    }
  };
  stringsAt(columns, '/columns', 'column names (strings)');
  if (!Array.isArray(rows)) {
    issues.push({ path: '/rows', rule: 'type', message: '/rows must be an array of rows' });
  } else {
    for (let r = 0; r < rows.length && issues.length < MAX_SHAPE_ISSUES; r++) {
      stringsAt(rows[r], `/rows/${r}`, 'cells (strings)');
    }
  }
  if (!Number.isSafeInteger(firstRow) || (firstRow as number) < 2) {
    issues.push({
      path: '/firstRow',
      rule: 'type',
      message: '/firstRow must be a whole number of 2 or more (the header is row 1)',
    });
  }
  return issues.slice(0, MAX_SHAPE_ISSUES);
}

/** The rows that could not be mapped, and those whose records are invalid, in file order. */
function withRecordIssues(
  rejected: readonly RejectedRow[],
  mapped: readonly MappedRow[],
  issues: readonly RecordIssue[],
): RejectedRow[] {
  const byRecord = new Map<number, RecordIssue[]>();
  for (const issue of issues)
    byRecord.set(issue.index, [...(byRecord.get(issue.index) ?? []), issue]);
  const all = [...rejected];
  for (const [index, found] of byRecord) {
    all.push({
      row: mapped[index]!.row,
      reason: found.map((issue) => issue.message).join('; '),
      issues: found.map(({ path, rule }) => ({ path, rule })),
    });
  }
  return all.sort((a, b) => a.row - b.row);
}

/** JSON with keys sorted, so two equal payloads compare equal whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}
