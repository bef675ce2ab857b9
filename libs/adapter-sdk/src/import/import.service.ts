// Bulk import of a ministry's CSV export, sent by the CLI in chunks of parsed
// rows. Unlike intake, an import is per row: good rows are published, every
// bad one comes back with its row number and the reason, nothing is dropped in
// silence. Versions are the adapter's business here: a row equal to what was
// last published is skipped, a changed one gets the next version — so running
// the same export twice publishes nothing new.
import type { Principal } from '#spean/access';
import type { AdapterDefinition } from '../adapter-definition.js';
import type { ApprovalGuard } from '../approval/approval-guard.js';
import type { IntakeService } from '../intake/intake.service.js';
import { IntakeException, IntakeExceptionCode } from '../intake/intake.exception.js';
import type { RecordPublisher } from '../publishing/record-publisher.js';
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
  rejected: Array<{ row: number; reason: string }>;
}

export class ImportService {
  constructor(
    private readonly definition: AdapterDefinition,
    private readonly intake: IntakeService,
    private readonly publisher: RecordPublisher,
    private readonly store: AdapterRecordRepository,
    private readonly approval: ApprovalGuard,
  ) {}

  async importChunk(principal: Principal, chunk: ImportChunk): Promise<ImportResult> {
    this.intake.authorise(principal);
    const mapping = this.mapping();
    this.checkChunk(chunk, mapping);

    const rejected: ImportResult['rejected'] = [];
    const mapped: Array<{ row: number; record: Record<string, unknown> }> = [];
    chunk.rows.forEach((cells, i) => {
      const row = chunk.firstRow + i;
      const values: Record<string, string> = {};
      chunk.columns.forEach(
        (column, c) => (values[column] = (cells[c] ?? '').normalize('NFC').trim()),
      );
      try {
        mapped.push({ row, record: { version: 1, ...mapping.toRecord(values) } });
      } catch (error) {
        if (!(error instanceof CsvRowError)) throw error;
        rejected.push({ row, reason: error.message });
      }
    });

    // A record type the adapter may not publish refuses the whole chunk (403), not its rows.
    await this.approval.checkPublish(
      principal,
      mapped.map((m) => m.record),
      (index) => `row ${mapped[index]!.row}`,
    );
    const { ready, issues } = this.publisher.prepare(mapped.map((m) => m.record));
    const reasons = new Map<number, string[]>();
    for (const issue of issues)
      reasons.set(issue.index, [...(reasons.get(issue.index) ?? []), issue.message]);
    for (const [index, messages] of reasons)
      rejected.push({ row: mapped[index]!.row, reason: messages.join('; ') });

    const stored = await this.store.versionsOf(
      mapping.recordType,
      ready.map((prepared) => prepared.record.recordId),
    );
    // Rows are taken in file order: a record changed twice in one export gets two versions.
    const changed = ready.filter((prepared) => {
      const { recordId } = prepared.record;
      const previous = stored.get(recordId);
      const payload = prepared.record.payload ?? null;
      if (previous && canonicalJson(previous.payload) === canonicalJson(payload)) return false;
      prepared.record.version = previous ? previous.version + 1 : 1;
      stored.set(recordId, { version: prepared.record.version, payload });
      return true;
    });
    await this.publisher.publish(changed);
    rejected.sort((a, b) => a.row - b.row);
    return { imported: changed.length, unchanged: ready.length - changed.length, rejected };
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

  private checkChunk(chunk: ImportChunk, mapping: CsvMapping): void {
    if (
      !Array.isArray(chunk?.columns) ||
      !Array.isArray(chunk.rows) ||
      !Number.isInteger(chunk.firstRow)
    ) {
      throw new IntakeException(
        IntakeExceptionCode.EMPTY_BATCH,
        'an import chunk is {"columns": [...], "rows": [[...]], "firstRow": n}',
      );
    }
    const missing = mapping.columns
      .filter((column) => column.required && !chunk.columns.includes(column.name))
      .map((column) => column.name);
    if (missing.length > 0) {
      throw new IntakeException(
        IntakeExceptionCode.MISSING_COLUMNS,
        `the file lacks the required column(s) ${missing.join(', ')}`,
      );
    }
  }
}

/** JSON with keys sorted, so two equal payloads compare equal whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}
