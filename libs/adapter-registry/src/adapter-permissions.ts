// The rules of adapter registration, as pure functions: what an adapter may
// publish and consume given its registration, and how a registration changes
// when it is registered again or decided on. The service runs them under a
// row lock; the approvals cache runs the checks on every record.
//
// Only an approval widens what an adapter may do. A re-registration that
// asks for a record type not yet approved puts the adapter back to pending,
// while what was approved before stays in force; one that drops a record type
// narrows the adapter at once (narrowing needs nobody's decision).
import {
  describeRecordType,
  type AdapterRegistration,
  type AdapterState,
  type Permission,
  type RecordTypeVersion,
  type RegisteredRecordType,
} from './adapter-registration.js';

type Action = 'publish' | 'consume';

export function mayPublish(
  registration: AdapterRegistration | undefined,
  adapter: string,
  recordType: string,
  schemaVersion?: number,
): Permission {
  return decide(registration, adapter, 'publish', recordType, schemaVersion);
}

export function mayConsume(
  registration: AdapterRegistration | undefined,
  adapter: string,
  recordType: string,
): Permission {
  return decide(registration, adapter, 'consume', recordType, undefined);
}

/**
 * Whether the adapter may do anything at all (registered, not suspended or
 * rejected, and something approved); undefined when it may.
 */
export function adapterRefusal(
  registration: AdapterRegistration | undefined,
  adapter: string,
): string | undefined {
  if (!registration) return `adapter ${adapter} is not registered`;
  switch (registration.state) {
    case 'suspended':
      return `adapter ${adapter} is suspended${because(registration)}`;
    case 'rejected':
      return `adapter ${adapter} was rejected${because(registration)}`;
    case 'pending':
      return [...registration.publishes, ...registration.consumes].some((entry) => entry.approved)
        ? undefined
        : `adapter ${adapter} is pending approval`;
    case 'approved':
      return undefined;
  }
}

function decide(
  registration: AdapterRegistration | undefined,
  adapter: string,
  action: Action,
  recordType: string,
  schemaVersion: number | undefined,
): Permission {
  const refused = adapterRefusal(registration, adapter);
  if (refused !== undefined) return { allowed: false, reason: refused };
  const entries = action === 'publish' ? registration!.publishes : registration!.consumes;
  const covers = (entry: RecordTypeVersion): boolean =>
    entry.recordType === recordType &&
    (entry.schemaVersion === null ||
      schemaVersion === undefined ||
      entry.schemaVersion === schemaVersion);
  if (entries.some((entry) => entry.approved && covers(entry))) return { allowed: true };
  const what = schemaVersion === undefined ? recordType : `${recordType} ${schemaVersion}`;
  const approved = entries.filter((entry) => entry.approved).map(describeRecordType);
  const waiting = entries.some((entry) => !entry.approved && covers(entry))
    ? ' yet: it waits for a steward’s decision'
    : '';
  return {
    allowed: false,
    reason: `adapter ${adapter} is not approved to ${action} ${what}${waiting} (approved: ${
      approved.length > 0 ? approved.join(', ') : 'none'
    })`,
  };
}

function because(registration: AdapterRegistration): string {
  return registration.decisionReason ? `: ${registration.decisionReason}` : '';
}

/** What a registration becomes when (re-)registered with these record types. */
export interface RegistrationChange {
  state: AdapterState;
  publishes: RegisteredRecordType[];
  consumes: RegisteredRecordType[];
  /** False when nothing would change (registering again the same thing). */
  changed: boolean;
}

export function reRegister(
  existing: AdapterRegistration | undefined,
  requested: { title: string; publishes: RecordTypeVersion[]; consumes: RecordTypeVersion[] },
): RegistrationChange {
  const carry = (
    asked: RecordTypeVersion[],
    before: RegisteredRecordType[] = [],
  ): RegisteredRecordType[] =>
    asked.map((entry) => ({
      ...entry,
      // Asking for what an approved entry already covers is a narrowing: still approved.
      approved: before.some(
        (old) =>
          old.approved &&
          old.recordType === entry.recordType &&
          (old.schemaVersion === null || old.schemaVersion === entry.schemaVersion),
      ),
    }));
  const publishes = carry(requested.publishes, existing?.publishes);
  const consumes = carry(requested.consumes, existing?.consumes);
  const all = [...publishes, ...consumes];
  const state: AdapterState =
    all.length > 0 && all.every((entry) => entry.approved) ? 'approved' : 'pending';
  const changed =
    !existing ||
    existing.state !== state ||
    existing.title !== requested.title ||
    !sameEntries(existing.publishes, publishes) ||
    !sameEntries(existing.consumes, consumes);
  return { state, publishes, consumes, changed };
}

/** A steward's approval: everything the registration asks for is approved. */
export function approveAll(registration: AdapterRegistration): RegistrationChange {
  const approve = (entries: RegisteredRecordType[]): RegisteredRecordType[] =>
    entries.map((entry) => ({ ...entry, approved: true }));
  return {
    state: 'approved',
    publishes: approve(registration.publishes),
    consumes: approve(registration.consumes),
    changed: true,
  };
}

/**
 * A steward's rejection. Of an adapter never approved, it rejects the adapter;
 * of a change to an approved one, it drops what the change asked for and the
 * adapter goes on with what was approved before.
 */
export function rejectPending(registration: AdapterRegistration): RegistrationChange & {
  changeOnly: boolean;
} {
  const keep = (entries: RegisteredRecordType[]): RegisteredRecordType[] =>
    entries.filter((entry) => entry.approved);
  const publishes = keep(registration.publishes);
  const consumes = keep(registration.consumes);
  const changeOnly = publishes.length + consumes.length > 0;
  return {
    state: changeOnly ? 'approved' : 'rejected',
    publishes: changeOnly ? publishes : registration.publishes,
    consumes: changeOnly ? consumes : registration.consumes,
    changed: true,
    changeOnly,
  };
}

/**
 * The record types as asked for, each once: a record type asked for at any
 * version covers its pinned versions, which are then dropped.
 */
export function normaliseEntries(entries: readonly RecordTypeVersion[]): RecordTypeVersion[] {
  const any = new Set(
    entries.filter((entry) => entry.schemaVersion === null).map((e) => e.recordType),
  );
  const seen = new Set<string>();
  const kept: RecordTypeVersion[] = [];
  for (const entry of entries) {
    if (entry.schemaVersion !== null && any.has(entry.recordType)) continue;
    const key = `${entry.recordType}\u0000${entry.schemaVersion ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push({ recordType: entry.recordType, schemaVersion: entry.schemaVersion });
  }
  return kept.sort(
    (a, b) =>
      (a.recordType < b.recordType ? -1 : a.recordType > b.recordType ? 1 : 0) ||
      (a.schemaVersion ?? 0) - (b.schemaVersion ?? 0),
  );
}

function sameEntry(a: RecordTypeVersion, b: RecordTypeVersion): boolean {
  return a.recordType === b.recordType && a.schemaVersion === b.schemaVersion;
}

function sameEntries(a: RegisteredRecordType[], b: RegisteredRecordType[]): boolean {
  return (
    a.length === b.length &&
    a.every((entry, i) => sameEntry(entry, b[i]!) && entry.approved === b[i]!.approved)
  );
}
