// Records an adapter published before it signed what it publishes. Those
// already applied stay applied; those that were still on their way when
// signing began — waiting in the outbox, or on the log and since refused by a
// consumer as `unsigned` — are signed here with the adapter's own key, as the
// exact bytes they are, so they apply after all (the outbox relay sends them;
// a refused one is replayed).
//
// A refused letter is signed only when it is provably the adapter's own: its
// event id, version and payload are exactly what the adapter's store keeps
// for that record as it last published it. Anything else — a message someone
// else wrote in its name, or an older version since superseded — is left as
// it is, refused, for a steward to look at; signing it would launder it.
import type { RecordSigner } from '#spean/contracts';
import { signedHeaders } from '#spean/contracts';
import type { DeadLetterRepository, DeadLetterService } from '#spean/dead-letters';
import type { AdapterRecordRepository } from '../store/adapter-record.repository.js';
import type { OutboxRepository } from './outbox.repository.js';

const PAGE = 500;

export interface ResignReport {
  /** Messages in the outbox signed now. */
  outbox: number;
  /** Refused letters signed now and asked to be replayed. */
  replayed: number;
  /** Refused letters claiming this adapter that are not (or no longer) what it published. */
  leftRefused: number;
}

export class UnsignedRecords {
  constructor(
    private readonly adapter: string,
    private readonly signer: RecordSigner,
    private readonly store: AdapterRecordRepository,
    private readonly outbox: OutboxRepository,
    private readonly letters: DeadLetterRepository,
    private readonly deadLetters: DeadLetterService,
  ) {}

  async resign(actor: string): Promise<ResignReport> {
    const report: ResignReport = { outbox: 0, replayed: 0, leftRefused: 0 };
    let afterRow = '0';
    for (;;) {
      const rows = await this.outbox.unsigned(PAGE, afterRow);
      for (const row of rows) {
        // Only a record is signed: bytes that are not one (say, ones shaped
        // like a batch signature's root) stay unsigned, and are refused.
        if (!parse(row.value)) continue;
        await this.outbox.replaceHeaders(
          row.id,
          signedHeaders(this.signer, row.value, row.headers),
        );
        report.outbox++;
      }
      if (rows.length < PAGE) break;
      afterRow = rows[rows.length - 1]!.id;
    }
    const signed: string[] = [];
    let after = '0';
    for (;;) {
      const rows = await this.letters.openOfCode('unsigned', PAGE, after);
      for (const row of rows) {
        const body = parse(row.value);
        if (body?.source !== this.adapter) continue;
        if (await this.isOwn(body)) {
          await this.letters.replaceHeaders(
            row.id,
            signedHeaders(this.signer, row.value, row.headers),
          );
          signed.push(row.id);
        } else {
          report.leftRefused++;
        }
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id;
    }
    if (signed.length > 0) {
      const requested = await this.deadLetters.requestReplay({
        ids: signed,
        actor,
        reason: `signed by the ${this.adapter} adapter's key: records it published before it signed`,
      });
      report.replayed = requested.requested;
    }
    return report;
  }

  /** The message is exactly what the adapter last published of that record. */
  private async isOwn(body: Record<string, unknown>): Promise<boolean> {
    if (typeof body.recordType !== 'string' || typeof body.recordId !== 'string') return false;
    const kept = await this.store.lastPublished(body.recordType, body.recordId);
    return (
      kept !== undefined &&
      kept.eventId === body.eventId &&
      kept.version === body.version &&
      kept.deleted === (body.op === 'delete') &&
      stable(kept.payload ?? null) === stable(body.payload ?? null)
    );
  }
}

function parse(value: Buffer): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(value.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** JSON with object keys sorted: jsonb does not keep the order the adapter wrote. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stable((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
