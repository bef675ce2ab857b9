// `spean import <adapter> <file>`: streams a ministry's CSV export to its
// adapter in chunks of parsed rows, shows progress, and writes every row the
// adapter refused, with its row number and reason, to a reject file.
import fs from 'node:fs';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import type { CsvMapping } from '#spean/adapter-sdk';

export interface ImportOptions {
  file: string;
  adapterUrl: string;
  token: string;
  mapping: CsvMapping;
  rejectsFile: string;
  chunkRows?: number;
  /** Where progress goes (stderr in the CLI). */
  progress?: NodeJS.WritableStream & { isTTY?: boolean };
}

export interface ImportSummary {
  rows: number;
  imported: number;
  unchanged: number;
  rejected: number;
  seconds: number;
}

interface ChunkResult {
  imported: number;
  unchanged: number;
  rejected: Array<{ row: number; reason: string }>;
}

export async function importCsv(options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const size = fs.statSync(options.file).size;
  const input = fs.createReadStream(options.file);
  const parser = input.pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: false }),
  );
  const rejects = fs.createWriteStream(options.rejectsFile, { encoding: 'utf8' });
  const progress = new Progress(options.progress ?? process.stderr, size);
  const chunkRows = options.chunkRows ?? 1000;

  let columns: string[] | undefined;
  let chunk: string[][] = [];
  let firstRow = 2;
  const totals = { rows: 0, imported: 0, unchanged: 0, rejected: 0 };
  const originals = new Map<number, string[]>();

  const send = async (): Promise<void> => {
    if (chunk.length === 0 || !columns) return;
    const result = await postChunk(options, { columns, rows: chunk, firstRow });
    totals.imported += result.imported;
    totals.unchanged += result.unchanged;
    totals.rejected += result.rejected.length;
    for (const { row, reason } of result.rejected) {
      rejects.write(stringify([[row, reason, ...(originals.get(row) ?? [])]]));
    }
    firstRow += chunk.length;
    chunk = [];
    originals.clear();
    progress.update(input.bytesRead, totals);
  };

  for await (const record of parser as AsyncIterable<string[]>) {
    if (!columns) {
      columns = record.map((name) => name.trim().toLowerCase());
      const missing = options.mapping.columns.filter(
        (c) => c.required && !columns!.includes(c.name),
      );
      if (missing.length > 0) {
        rejects.end();
        throw new Error(
          `the file lacks the required column(s) ${missing.map((c) => c.name).join(', ')}`,
        );
      }
      rejects.write(stringify([['row', 'reason', ...record]]));
      continue;
    }
    originals.set(firstRow + chunk.length, record);
    chunk.push(record);
    totals.rows++;
    if (chunk.length >= chunkRows) await send();
  }
  await send();
  await new Promise<void>((resolve, reject) =>
    rejects.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  progress.done(totals);
  return { ...totals, seconds: (performance.now() - started) / 1000 };
}

async function postChunk(
  options: ImportOptions,
  chunk: { columns: string[]; rows: string[][]; firstRow: number },
): Promise<ChunkResult> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${options.adapterUrl}/v1/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
      body: JSON.stringify(chunk),
    });
    if (response.ok) return (await response.json()) as ChunkResult;
    // A busy or restarting adapter is retried; a refusal is final.
    if (response.status >= 500 && attempt < 5) {
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      continue;
    }
    throw new Error(
      `the adapter refused rows ${chunk.firstRow}–${chunk.firstRow + chunk.rows.length - 1}: ${response.status} ${await response.text()}`,
    );
  }
}

class Progress {
  private last = 0;

  constructor(
    private readonly out: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly total: number,
  ) {}

  update(done: number, totals: { rows: number; rejected: number }): void {
    const now = Date.now();
    if (now - this.last < (this.out.isTTY ? 100 : 5000)) return;
    this.last = now;
    this.out.write(
      `${this.out.isTTY ? '\r' : ''}${this.line(done, totals)}${this.out.isTTY ? '' : '\n'}`,
    );
  }

  done(totals: { rows: number; rejected: number }): void {
    this.out.write(`${this.out.isTTY ? '\r' : ''}${this.line(this.total, totals)}\n`);
  }

  private line(done: number, totals: { rows: number; rejected: number }): string {
    const share = this.total === 0 ? 1 : Math.min(1, done / this.total);
    const width = 30;
    const filled = Math.round(share * width);
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${totals.rows} rows, ${totals.rejected} rejected`;
  }
}

/** The documented column mapping, as the CLI prints it. */
export function describeColumns(adapter: string, mapping: CsvMapping): string {
  const lines = [
    `CSV columns for the ${adapter} adapter (${mapping.recordType} records); * = required`,
    '',
  ];
  for (const column of mapping.columns) {
    lines.push(
      `  ${(column.required ? '* ' : '  ') + column.name.padEnd(22)} ${column.description}${column.example ? `  (e.g. ${column.example})` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
