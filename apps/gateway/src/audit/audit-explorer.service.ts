// The auditors' explorer of the audit log: filtered pages (GraphQL, and the
// CSV export page by page), the chain's status, and a verification on demand.
// Reading the log is itself audited, as an auditor's reading of a citizen's
// access log is: before a page leaves, each citizen it shows gets an
// `audit-read` entry (they see it in their access log), and a reading that
// shows none is one entry naming the filter. A refused attempt is audited too.
import type { KeyObject } from 'node:crypto';
import { auditActor, requireRole, type Principal } from '#spean/access';
import { verifyAuditLog, type AuditLog, type JsonValue } from '#spean/audit';
import type { NationalIdScheme } from '#spean/contracts';
import type { Database } from '#spean/persistence';
import { decodeSeqCursor, encodeSeqCursor } from '../common/seq-cursor.js';
import { refuseAuditInput } from './audit-explorer.exception.js';
import type {
  AuditExplorerRepository,
  ExploredEntry,
  RecordedVerification,
  SealedCheckpoint,
} from './audit-explorer.repository.js';
import { checkAuditFilter, type AuditFilterInput, type AuditQuery } from './audit-filter.js';

export const MAX_AUDIT_PAGE = 500;
const MAX_OWN_ENTRIES = 20;
/** Rows per database read of the CSV export; each is audited before it is written. */
const EXPORT_PAGE = 500;

export type AuditReadVia = 'graphql' | 'csv';

export interface AuditStatus {
  lastCheckpoint: SealedCheckpoint | null;
  lastVerification: RecordedVerification | null;
  /** PEM (SPKI) of the key that signs checkpoints; null when this gateway was given none. */
  publicKey: string | null;
}

export class AuditExplorerService {
  constructor(
    private readonly entries: AuditExplorerRepository,
    private readonly audit: AuditLog,
    private readonly database: Database,
    private readonly nationalIds: NationalIdScheme,
    private readonly publicKey: KeyObject | undefined,
  ) {}

  async page(
    principal: Principal,
    filter: AuditFilterInput | null | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<{ entries: ExploredEntry[]; nextCursor: string | null }> {
    await this.authorise(principal, 'graphql');
    const query = checkAuditFilter(filter, this.nationalIds, 'filter.');
    if (!Number.isInteger(first) || first < 1 || first > MAX_AUDIT_PAGE)
      refuseAuditInput(
        'first',
        first < 1 ? 'minimum' : 'maximum',
        `first must be a whole number from 1 to ${MAX_AUDIT_PAGE}`,
      );
    const afterSeq = after ? (decodeSeqCursor(after) ?? refuseCursor()) : 0;
    const rows = await this.entries.page(query, afterSeq, first + 1);
    const page = rows.slice(0, first);
    await this.recordReading(principal, query, page, 'graphql');
    return {
      entries: page,
      nextCursor: rows.length > first ? encodeSeqCursor(page[page.length - 1]!.seq) : null,
    };
  }

  /**
   * The CSV export: authorised and its filter checked when called, so a
   * refusal is answered before anything is written; then every matching
   * entry, oldest first, a page at a time, each page audited before it is yielded.
   */
  async export(
    principal: Principal,
    filter: AuditFilterInput,
  ): Promise<AsyncIterable<ExploredEntry[]>> {
    await this.authorise(principal, 'csv');
    const query = checkAuditFilter(filter, this.nationalIds, '');
    return this.pages(principal, query);
  }

  /**
   * The newest entries the caller itself made (this client, this person): what
   * a change just wrote, shown back to whoever made it. Any caller may read its
   * own; they tell it nothing it did not already know, so this is not audited.
   */
  async ownRecent(principal: Principal, first: number): Promise<ExploredEntry[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_OWN_ENTRIES)
      refuseAuditInput(
        'first',
        first < 1 ? 'minimum' : 'maximum',
        `first must be a whole number from 1 to ${MAX_OWN_ENTRIES}`,
      );
    return this.entries.ownRecent(auditActor(principal), first);
  }

  async status(principal: Principal): Promise<AuditStatus> {
    requireRole(principal, ['auditor'], 'the audit log’s status');
    const [lastCheckpoint, lastVerification] = await Promise.all([
      this.entries.lastCheckpoint(),
      this.entries.lastVerification(),
    ]);
    return {
      lastCheckpoint,
      lastVerification,
      publicKey: this.publicKeyPem(),
    };
  }

  /** The checkpoints' public key (PEM, SPKI), for offline verification; null when none was given. */
  publicKeyPem(): string | null {
    return this.publicKey?.export({ format: 'pem', type: 'spki' }).toString() ?? null;
  }

  /** Verifies the whole chain and its checkpoints now; the result is kept and audited. */
  async verify(principal: Principal): Promise<RecordedVerification> {
    requireRole(principal, ['auditor'], 'verifying the audit log');
    const result = await verifyAuditLog(this.database, { publicKey: this.publicKey });
    const verifiedAt = new Date();
    await this.entries.recordVerification(result, verifiedAt, principal);
    await this.audit.append({
      kind: 'audit-verification',
      ...auditActor(principal),
      details: {
        ...result,
        signaturesChecked: this.publicKey !== undefined,
      },
    });
    return {
      verifiedAt,
      ok: result.ok,
      entries: result.ok ? result.entries : null,
      checkpoints: result.ok ? result.checkpoints : null,
      problem: result.ok ? null : result.problem,
      seq: result.ok ? null : result.seq,
      message: result.ok ? null : result.message,
    };
  }

  private async *pages(principal: Principal, query: AuditQuery): AsyncIterable<ExploredEntry[]> {
    let afterSeq = 0;
    for (;;) {
      const page = await this.entries.page(query, afterSeq, EXPORT_PAGE);
      // A search that found nothing is a reading too, as on GraphQL.
      if (page.length > 0 || afterSeq === 0)
        await this.recordReading(principal, query, page, 'csv');
      if (page.length === 0) return;
      yield page;
      if (page.length < EXPORT_PAGE) return;
      afterSeq = page[page.length - 1]!.seq;
    }
  }

  /** Auditors only; a refused attempt is audited before the refusal leaves. */
  private async authorise(principal: Principal, via: AuditReadVia): Promise<void> {
    if (principal.role === 'auditor') return;
    await this.audit.append({
      kind: 'audit-read',
      ...auditActor(principal),
      details: { outcome: 'refused', reason: 'role-may-not-read', via },
    });
    requireRole(principal, ['auditor'], 'reading the audit log');
  }

  private async recordReading(
    principal: Principal,
    query: AuditQuery,
    page: ExploredEntry[],
    via: AuditReadVia,
  ): Promise<void> {
    const shown = new Map<string, number>();
    for (const entry of page)
      if (entry.subjectId) shown.set(entry.subjectId, (shown.get(entry.subjectId) ?? 0) + 1);
    // The filter as read, without the citizen's id: that is the entry's subject.
    const { subjectId, ...rest } = query;
    const filter: { [key: string]: JsonValue } = { byCitizen: subjectId !== null };
    for (const [key, value] of Object.entries(rest))
      if (value !== null) filter[key] = value instanceof Date ? value.toISOString() : value;
    const reading = (subject: string | null, entries: number) =>
      this.audit.append({
        kind: 'audit-read',
        ...auditActor(principal),
        subjectId: subject,
        details: { outcome: 'found', via, filter, entries },
      });
    if (shown.size === 0) {
      await reading(subjectId, 0);
      return;
    }
    await Promise.all([...shown].map(([subject, entries]) => reading(subject, entries)));
  }
}

function refuseCursor(): never {
  return refuseAuditInput('after', 'cursor', 'after must be a nextCursor from an earlier page');
}
