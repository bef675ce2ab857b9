// What the audit log records: one entry per lookup, verification or change to
// who may see what. Entries are chained by hash; see audit-hash.ts.

export const AUDIT_KINDS = [
  'lookup',
  /** A steward previewed what an agency's desk would see (details.previewOf): not that agency's lookup. */
  'lookup-preview',
  'verification',
  'access-log-read',
  /** A citizen named in a lookup of another (spouse, parent, co-owner, director); linked by lookupId. */
  'related-party-disclosure',
  'grant-change',
  'purpose-change',
  'credential-change',
  'adapter-registration',
  /** An adapter refused: publishing or subscribing to a record type it is not approved for. */
  'adapter-refusal',
  'schema-change',
  /** A steward lifted the verification locks on a citizen's claims (verification-lock/ in the gateway). */
  'verification-lock-lift',
  /** A steward or auditor read the verification locks on a citizen's claims. */
  'verification-lock-read',
  /** Records checked against a schema without being published (dryRunIntake), or the refusal to. */
  'intake-dry-run',
  /** A steward or integrator asked consumers to apply open dead letters again (details: the selection, how many, why). */
  'dead-letter-replay',
  /** An operator loaded an adapter's records in bulk (spean backfill): the file's name and hash, counts, record types; never a record. */
  'backfill',
  /** An auditor read entries of the audit log (the explorer or its CSV export); one per citizen shown. */
  'audit-read',
  /** An auditor had the audit log's chain and checkpoints verified; details hold the result. */
  'audit-verification',
  /** A citizen questioned an entry of their access log (or tried to question one not theirs). */
  'access-question-asked',
  /** A steward or auditor read a citizen's question (one entry per citizen listed). */
  'access-question-read',
  /** A steward or auditor answered a citizen's question. */
  'access-question-answered',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * The person who acted through the client, when one is known: signed in with
 * OpenID Connect (statedBy 'session'), or named by the client system itself
 * (statedBy 'client'). `Person` in #spean/access is this type; it is declared
 * here because the audit library is below access in the library graph.
 */
export interface AuditPerson {
  /** The OpenID Connect issuer that vouched for the person (or the client, when stated by one). */
  issuer: string;
  /** The issuer's stable id for the person (`sub`). */
  subject: string;
  /** The display name an auditor or the citizen reads. */
  name: string;
  statedBy: 'session' | 'client';
}

/** What a caller hands to AuditLog.append; the writer assigns seq, at and the hashes. */
export interface AuditEntryInput {
  kind: AuditKind;
  actorClient: string;
  actorAgency: string;
  /** The person acting through the client; null (or absent) when a system acted alone. */
  actorPerson?: AuditPerson | null;
  /** The citizen concerned, if any. */
  subjectId?: string | null;
  purpose?: string | null;
  /** E.g. { sectionsReturned: [...], sectionsDenied: [...] }. No personal data beyond the subject id. */
  details?: { [key: string]: JsonValue };
}

/** An entry as stored: every field the hash covers, and the hash. */
export interface AuditEntry {
  seq: number;
  at: Date;
  kind: string;
  actorClient: string;
  actorAgency: string;
  actorPerson: AuditPerson | null;
  subjectId: string | null;
  purpose: string | null;
  details: JsonValue;
  prevHash: string;
  hash: string;
}

export interface AuditCheckpoint {
  seq: number;
  hash: string;
  signedAt: Date;
  keyId: string;
  signature: string;
}

/** Signs checkpoints (Ed25519). The private key never enters this library. */
export interface AuditSigner {
  keyId: string;
  sign(data: Buffer): Buffer;
}
