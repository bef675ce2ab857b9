// BENCH ONLY. The raw PostgreSQL baselines of the ingest: the same canonical
// records the ingest sends through the adapters, written straight into an
// empty read model (read_record and read_related_subject, their keys and
// indexes in place, as the gateway finds them) —
//  - by COPY, one connection per table: the fastest way rows get into these tables;
//  - by the gateway's own read-model SQL (ReadModelRepository.apply: the
//    multi-row upsert and the related-subject index) in batches of 1,000, the
//    gateway consumer's batch size, one after another: what the read model
//    costs with no bus, no validation and no HTTP before it.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyText, Database } from '#spean/persistence';
import { generatePopulation, type PopulationBatch } from '#spean/population';
import { defaultSchemaCatalog } from '#spean/schema-registry';
import { fromDist } from '../harness/dist.ts';
import type { ReadRecord } from '../../apps/gateway/src/read-model/read-model.repository.ts';

export interface BulkLoadResult {
  records: number;
  relatedLinks: number;
  seconds: number;
}

/** The population's records as the gateway's read model receives them. */
export function readRecords(citizens: number, seed: number): ReadRecord[] {
  const catalog = defaultSchemaCatalog();
  const records: ReadRecord[] = [];
  for (const batch of generatePopulation({ citizens, seed, batchSize: 500 })) {
    for (const [source, list] of Object.entries(batch) as Array<
      [keyof PopulationBatch, PopulationBatch[keyof PopulationBatch]]
    >) {
      for (const record of list) {
        const related =
          catalog.get(record.recordType, record.schemaVersion)?.relatedSubjects(record.payload) ??
          [];
        records.push({
          recordType: record.recordType,
          recordId: record.recordId,
          subjectId: record.subjectId,
          relatedSubjects: related.filter((subject) => subject !== record.subjectId),
          version: record.version,
          schemaVersion: record.schemaVersion,
          op: 'upsert',
          payload: record.payload,
          source,
          eventId: randomUUID(),
          occurredAt: record.occurredAt,
        });
      }
    }
  }
  return records;
}

/** COPY into both tables at once, one connection each. */
export async function copyLoad(
  url: string,
  records: readonly ReadRecord[],
): Promise<BulkLoadResult> {
  // Rendered before the clock starts: the baseline is PostgreSQL's, not the formatting's.
  const chunks: string[] = [];
  const linkChunks: string[] = [];
  let rows = '';
  let links = '';
  let linkCount = 0;
  for (const r of records) {
    rows += readRecordRow(r);
    links += relatedLinkRows(r);
    linkCount += r.relatedSubjects.length;
    if (rows.length > 1 << 20) {
      chunks.push(rows);
      rows = '';
    }
    if (links.length > 1 << 20) {
      linkChunks.push(links);
      links = '';
    }
  }
  if (rows) chunks.push(rows);
  if (links) linkChunks.push(links);

  const started = performance.now();
  await Promise.all([copy(url, READ_RECORD_COPY, chunks), copy(url, RELATED_COPY, linkChunks)]);
  return {
    records: records.length,
    relatedLinks: linkCount,
    seconds: (performance.now() - started) / 1000,
  };
}

/** One read_record row in COPY text, in the columns of READ_RECORD_COPY. */
export function readRecordRow(r: ReadRecord): string {
  return (
    `${copyText(r.recordType)}\t${copyText(r.recordId)}\t${copyText(r.subjectId)}\t${r.version}\t` +
    `${r.schemaVersion}\tf\t${copyText(JSON.stringify(r.payload))}\t${r.source}\t${r.eventId}\t${r.occurredAt}\n`
  );
}

/** The read_related_subject rows of one record in COPY text, in the columns of RELATED_COPY. */
export function relatedLinkRows(r: ReadRecord): string {
  let links = '';
  for (const subject of r.relatedSubjects)
    links += `${subject}\t${copyText(r.recordType)}\t${copyText(r.recordId)}\n`;
  return links;
}

const READ_RECORD_COPY = `COPY read_record (record_type, record_id, subject_id, version, schema_version, deleted,
                         payload, source, event_id, occurred_at) FROM STDIN`;
const RELATED_COPY = 'COPY read_related_subject (subject_id, record_type, record_id) FROM STDIN';

/**
 * COPY of rows rendered beforehand into files (readRecordRow, relatedLinkRows),
 * both tables at once, one connection each: the control of a load too large to
 * hold in memory (the backfill scenario's).
 */
export async function copyFilesLoad(
  url: string,
  files: { records: string; links: string },
): Promise<{ seconds: number }> {
  const started = performance.now();
  await Promise.all([
    copy(url, READ_RECORD_COPY, fs.createReadStream(files.records)),
    copy(url, RELATED_COPY, fs.createReadStream(files.links)),
  ]);
  return { seconds: (performance.now() - started) / 1000 };
}

async function copy(
  url: string,
  statement: string,
  chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer>,
): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: 'spean-bench-copy' });
  await client.connect();
  try {
    const stream = client.query(copyFrom(statement));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    for await (const chunk of chunks) if (!stream.write(chunk)) await once(stream, 'drain');
    stream.end();
    await done;
  } finally {
    await client.end();
  }
}

/** The gateway's read-model upsert, batch after batch on one connection. */
export async function readModelSqlLoad(
  url: string,
  records: readonly ReadRecord[],
  batchSize = 1000,
): Promise<BulkLoadResult> {
  const { ReadModelRepository } = await fromDist<
    typeof import('../../apps/gateway/src/read-model/read-model.repository.ts')
  >('apps/gateway/src/read-model/read-model.repository.js');
  const database = new Database({ url, applicationName: 'spean-bench-sql', poolSize: 1 });
  try {
    const repository = new ReadModelRepository(database);
    const started = performance.now();
    for (let i = 0; i < records.length; i += batchSize) {
      await repository.apply(records.slice(i, i + batchSize));
    }
    return {
      records: records.length,
      relatedLinks: records.reduce((sum, r) => sum + r.relatedSubjects.length, 0),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await database.close();
  }
}
