// What the registry knows of an adapter: whose it is, what it asked to publish
// and consume, and what a steward approved of that. Stored in the
// adapter_registration table; each record type entry carries its own approval,
// so a re-registration that asks for more leaves what was approved in force
// until a steward decides on the rest.

export const ADAPTER_STATES = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type AdapterState = (typeof ADAPTER_STATES)[number];

/** Announced (NOTIFY, payload: the adapter's name) on every change, so running adapters apply it at once. */
export const ADAPTER_CHANNEL = 'spean_adapters';

export interface RecordTypeVersion {
  recordType: string;
  /** A schema version of the record type, or null: every version the registry accepts. */
  schemaVersion: number | null;
}

export interface RegisteredRecordType extends RecordTypeVersion {
  /** A steward approved it (it stays in force while a later change waits for a decision). */
  approved: boolean;
}

export interface AdapterRegistration {
  name: string;
  /** The ministry (agency) the adapter belongs to. */
  agencyId: string;
  title: string;
  state: AdapterState;
  publishes: RegisteredRecordType[];
  consumes: RegisteredRecordType[];
  registeredBy: string;
  registeredAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
}

/** A record type as asked for: a schema version, or none (every version the registry accepts). */
export interface RecordTypeRequest {
  recordType: string;
  schemaVersion?: number | null;
}

export interface NewAdapterRegistration {
  name: string;
  /** Default: the registering client's own agency. */
  agencyId?: string;
  title: string;
  publishes: readonly RecordTypeRequest[];
  consumes: readonly RecordTypeRequest[];
  /** Why it is registered (or changed), for the audit log; optional. */
  reason?: string | null;
}

/** Whether an adapter may do something now, and if not, a sentence saying why. */
export type Permission = { allowed: true } | { allowed: false; reason: string };

/** "vehicle-registration 1", or "vehicle-registration (any version)". */
export function describeRecordType(entry: RecordTypeVersion): string {
  return entry.schemaVersion === null
    ? `${entry.recordType} (any version)`
    : `${entry.recordType} ${entry.schemaVersion}`;
}
