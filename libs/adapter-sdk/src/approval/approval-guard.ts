// Holds an adapter to what a steward approved it for (see #spean/adapter-registry):
// it publishes only the record types and versions it is approved to publish,
// and reacts only to those it is approved to consume. Every refusal is written
// to the audit log (kind adapter-refusal) before anyone is told of it — and so
// is the intake's refusal of a client that is not the adapter's own.
import { adapterRefusal, type AdapterApprovals } from '#spean/adapter-registry';
import type { AuditLog } from '#spean/audit';
import type { AdapterDefinition } from '../adapter-definition.js';
import { IntakeException, IntakeExceptionCode } from '../intake/intake.exception.js';

export const ADAPTER_APPROVALS = Symbol('ADAPTER_APPROVALS');

/** A record type as named on the bus; anything else is left to validation and never echoed. */
const RECORD_TYPE_NAME = /^[a-z][a-z0-9-]{0,62}$/;
/** Refusals named (and audited) per request at most: a request cannot flood the audit log. */
const MAX_REFUSALS = 10;

/** Who asked for what was refused: the publishing client, or the adapter itself. */
export interface RefusedActor {
  clientId: string;
  agencyId: string;
}

export interface Refusal {
  recordType: string | null;
  schemaVersion: number | null;
  reason: string;
  /** Position of the first record it concerns, when it concerns records of a request. */
  index?: number;
  /** The adapter's own code does not declare the record type (whatever the registry says). */
  undeclared?: boolean;
}

export class ApprovalGuard {
  /** The record types the adapter's definition declares. */
  private readonly declared: ReadonlySet<string>;

  constructor(
    private readonly definition: AdapterDefinition,
    private readonly approvals: AdapterApprovals,
    private readonly audit: AuditLog,
  ) {
    this.declared = new Set(definition.publishes);
  }

  /**
   * Refuses (403, after auditing) records of a record type the adapter's
   * definition does not declare (RECORD_TYPE_NOT_PUBLISHED), or whose record
   * type and version it is not approved to publish (NOT_APPROVED); an adapter
   * not approved at all is refused whatever the records are. Records without a readable record type
   * are left to validation. Runs before validation: what an adapter may not
   * publish is refused without looking further.
   */
  async checkPublish(
    actor: RefusedActor,
    inputs: readonly unknown[],
    /** How the answer names a record, by its position: "record 3" unless told. */
    name: (index: number) => string = (index) => `record ${index}`,
  ): Promise<void> {
    const all = await this.publishRefusals(inputs);
    if (all.length === 0) return;
    const refusals = all.slice(0, MAX_REFUSALS);
    await this.record(actor, 'publish', refusals);
    const more = all.length - refusals.length;
    throw new IntakeException(
      all.some((refusal) => refusal.undeclared)
        ? IntakeExceptionCode.RECORD_TYPE_NOT_PUBLISHED
        : IntakeExceptionCode.NOT_APPROVED,
      refusals
        .map((refusal) =>
          refusal.index === undefined
            ? refusal.reason
            : `${name(refusal.index)}: ${refusal.reason}`,
        )
        .join('; ') + (more > 0 ? `; and ${more} more record type(s) refused` : ''),
    );
  }

  /** What of these records the adapter may not publish now, each record type and version once. */
  async publishRefusals(inputs: readonly unknown[]): Promise<Refusal[]> {
    const adapter = this.definition.name;
    const asked = new Map<string, { recordType: string; schemaVersion?: number; index: number }>();
    inputs.forEach((input, index) => {
      const { recordType, schemaVersion } = (input ?? {}) as Record<string, unknown>;
      if (typeof recordType !== 'string' || !RECORD_TYPE_NAME.test(recordType)) return;
      const version = Number.isInteger(schemaVersion) ? (schemaVersion as number) : undefined;
      const key = `${recordType}\u0000${version ?? ''}`;
      if (!asked.has(key)) asked.set(key, { recordType, schemaVersion: version, index });
    });
    if (asked.size === 0) {
      // Nothing names a record type: the adapter as a whole must still be allowed.
      const refused = adapterRefusal(await this.approvals.registration(adapter), adapter);
      return refused === undefined
        ? []
        : [{ recordType: null, schemaVersion: null, reason: refused }];
    }
    const refusals: Refusal[] = [];
    for (const { recordType, schemaVersion, index } of asked.values()) {
      if (!this.declared.has(recordType)) {
        refusals.push({
          recordType,
          schemaVersion: schemaVersion ?? null,
          reason: `the ${adapter} adapter does not publish ${recordType} records (its definition does not declare them)`,
          index,
          undeclared: true,
        });
        continue;
      }
      const permission = await this.approvals.mayPublish(adapter, recordType, schemaVersion);
      if (!permission.allowed) {
        refusals.push({
          recordType,
          schemaVersion: schemaVersion ?? null,
          reason: permission.reason,
          index,
        });
      }
    }
    return refusals;
  }

  /** Calls back whenever the adapter's registration changes; returns the unsubscriber. */
  onChange(listener: () => void): () => void {
    return this.approvals.onChange(this.definition.name, listener);
  }

  /** Whether the adapter may react to records of this type now. */
  mayConsume(recordType: string): ReturnType<AdapterApprovals['mayConsume']> {
    return this.approvals.mayConsume(this.definition.name, recordType);
  }

  /** Audits refusals; resolves once every entry is committed. */
  async record(
    actor: RefusedActor,
    action: 'publish' | 'subscribe',
    refusals: readonly Refusal[],
  ): Promise<void> {
    await Promise.all(
      refusals.map((refusal) =>
        this.audit.append({
          kind: 'adapter-refusal',
          actorClient: actor.clientId,
          actorAgency: actor.agencyId,
          details: {
            adapter: this.definition.name,
            recordType: refusal.recordType,
            schemaVersion: refusal.schemaVersion,
            action,
            reason: refusal.reason,
          },
        }),
      ),
    );
  }

  /** The adapter acting on its own (reactions): its name, under its registered ministry. */
  async selfActor(): Promise<RefusedActor> {
    const registration = await this.approvals.registration(this.definition.name);
    return {
      clientId: `adapter:${this.definition.name}`,
      agencyId: registration?.agencyId ?? 'unregistered',
    };
  }
}
