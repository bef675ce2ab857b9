/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AdapterRecordTypeInput = {
  /** A record type the schema registry knows, e.g. land-title */
  recordType: string;
  /** A schema version of it; left out: every version the registry accepts */
  schemaVersion?: number | null | undefined;
};

/** Every field optional; entries must match all that are given. */
export type AuditFilter = {
  /** The agency that acted, e.g. mef */
  agencyId?: string | null | undefined;
  /** The client that acted */
  clientId?: string | null | undefined;
  /** Entries at or after this time */
  from?: string | null | undefined;
  /** Kinds of entry, e.g. lookup, verification, access-log-read, grant-change */
  kinds?: Array<string> | null | undefined;
  /** The citizen concerned, by national id (spaces and dashes are ignored) */
  nationalId?: string | null | undefined;
  /** returned (nothing asked for was withheld), denied (some sections or claims were) or refused (nothing was answered) */
  outcomes?: Array<string> | null | undefined;
  /** The person who acted through the client (a signed-in officer, or one a desk system named), by their whole name as entries show it, case-insensitive, e.g. Sok Dara */
  personName?: string | null | undefined;
  /** Entries before this time */
  to?: string | null | undefined;
};

/** What the desk wants confirmed; give one or more. */
export type CitizenClaims = {
  /** true: the citizen is alive */
  alive?: boolean | null | undefined;
  /** YYYY-MM-DD */
  dateOfBirth?: string | null | undefined;
  /** The 9 digits on the Khmer ID card */
  idCardNumber?: string | null | undefined;
  name?: NameClaim | null | undefined;
};

export type GrantInput = {
  agencyId: string;
  /** Omit for the whole section */
  fields?: Array<string> | null | undefined;
  purpose: string;
  /** Why the agency needs it, e.g. the decision or agreement */
  reason: string;
  /** Require the officer who asks to be named (signed in, or X-Spean-Officer); default false */
  requiresOfficer?: boolean | null | undefined;
  section: string;
  /** Default: now */
  validFrom?: string | null | undefined;
  validUntil: string;
};

/** A name as written on a form, in Latin letters or Khmer script; case and spacing do not matter. */
export type NameClaim = {
  familyName: string;
  givenName: string;
};

export type NewClientInput = {
  /** For role adapter: the adapter it publishes as */
  adapter?: string | null | undefined;
  /** The agency’s id, e.g. mef (not needed for a citizen: always "citizens") */
  agencyId?: string | null | undefined;
  /** Needed when the agency is new; renames an existing agency (stewards only) */
  agencyName?: string | null | undefined;
  /** The client system, e.g. "Business registration desk" */
  name: string;
  /** For role citizen: the citizen’s national id, checked in person before the credential is issued */
  nationalId?: string | null | undefined;
  /** Why the client is created; recorded in the audit log */
  reason?: string | null | undefined;
  /** agency, adapter, steward, integrator, auditor or citizen */
  role: string;
};

export type PurposeInput = {
  /** Lower-case letters, digits and dashes, e.g. social-assistance */
  code: string;
  legalBasis: string;
  /** Why it is registered, up to 500 characters; kept in the audit entry */
  reason?: string | null | undefined;
  title: string;
};

export type RegisterAdapterInput = {
  /** The ministry (agency) id; default: your own. Integrators register only their own. */
  agencyId?: string | null | undefined;
  consumes?: Array<AdapterRecordTypeInput>;
  /** 2 to 63 lower-case letters, digits and dashes, e.g. land-registry */
  name: string;
  publishes?: Array<AdapterRecordTypeInput>;
  /** Why it is registered or changed: kept in the audit entry (up to 500 characters) */
  reason?: string | null | undefined;
  /** The ministry system, e.g. "Cadastral register" */
  title: string;
};

export type AccessEntryFieldsFragment = { at: string, kind: string, outcome: string, agencyId: string, agencyName: string | null, clientName: string | null, purpose: string | null, purposeTitle: string | null, reference: string | null, sectionsReturned: Array<string>, sectionsDenied: Array<string>, person: { name: string, statedBy: string } | null };

export type MyAuditEntriesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAuditEntriesQuery = { myAuditEntries: Array<{ seq: number, at: string, kind: string, outcome: string, agencyId: string, clientId: string, purpose: string | null, subjectId: string | null, details: string, person: { name: string } | null }> };

export type AdaptersRegisterAdapterMutationVariables = Exact<{
  input: RegisterAdapterInput;
}>;


export type AdaptersRegisterAdapterMutation = { registerAdapter: { name: string, state: string } };

export type AdaptersDirectoryQueryVariables = Exact<{ [key: string]: never; }>;


export type AdaptersDirectoryQuery = { adapterKeys: Array<{ keyId: string, adapter: string, state: string, proposedAt: string, notAfter: string | null }>, adapters: Array<{ consumerLag: number | null, deadLetters: number, refusedRecords: number, name: string, title: string, agencyId: string, state: string, registeredAt: string, registeredBy: string, decidedAt: string | null, decidedBy: string | null, decisionReason: string | null, publishes: Array<{ recordType: string, schemaVersion: number | null, approved: boolean }>, consumes: Array<{ recordType: string, schemaVersion: number | null, approved: boolean }> }>, consumerLag: Array<{ group: string, messages: number | null, seconds: number | null, error: string | null }> };

export type AdaptersSuspendAdapterMutationVariables = Exact<{
  name: string;
  reason: string;
}>;


export type AdaptersSuspendAdapterMutation = { suspendAdapter: { name: string, state: string } };

export type AdaptersRevokeKeyMutationVariables = Exact<{
  keyId: string;
  reason: string;
}>;


export type AdaptersRevokeKeyMutation = { revokeAdapterKey: { keyId: string, state: string } };

export type AdaptersClientsQueryVariables = Exact<{ [key: string]: never; }>;


export type AdaptersClientsQuery = { clients: Array<{ clientId: string, name: string, agencyId: string, agencyName: string, role: string, adapter: string | null, createdAt: string, rotatedAt: string | null, previousSecretValidUntil: string | null, revokedAt: string | null, revokedBy: string | null, revokeReason: string | null, maskedNationalId: string | null }>, adapters: Array<{ name: string, agencyId: string, state: string }> };

export type AdaptersCreateClientMutationVariables = Exact<{
  input: NewClientInput;
}>;


export type AdaptersCreateClientMutation = { createClient: { clientId: string, clientSecret: string, previousSecretValidUntil: string | null } };

export type AdaptersRotateClientSecretMutationVariables = Exact<{
  clientId: string;
  overlapHours?: number | null | undefined;
  reason?: string | null | undefined;
}>;


export type AdaptersRotateClientSecretMutation = { rotateClientSecret: { clientId: string, clientSecret: string, previousSecretValidUntil: string | null } };

export type AdaptersRevokeClientMutationVariables = Exact<{
  clientId: string;
  reason: string;
}>;


export type AdaptersRevokeClientMutation = { revokeClient: { clientId: string, revokedAt: string | null } };

export type AdaptersSystemHealthQueryVariables = Exact<{ [key: string]: never; }>;


export type AdaptersSystemHealthQuery = { systemHealth: { checkedAt: string, healthy: boolean, components: Array<{ name: string, kind: string, healthy: boolean, state: string | null, lagMessages: number | null, lagSeconds: number | null, deadLetters: number | null, problems: Array<string> }> } };

export type AdaptersInboxQueryVariables = Exact<{ [key: string]: never; }>;


export type AdaptersInboxQuery = { adapters: Array<{ name: string, title: string, agencyId: string, state: string, registeredAt: string, registeredBy: string, decidedAt: string | null, decidedBy: string | null, decisionReason: string | null, publishes: Array<{ recordType: string, schemaVersion: number | null, approved: boolean }>, consumes: Array<{ recordType: string, schemaVersion: number | null, approved: boolean }> }>, adapterKeys: Array<{ keyId: string, adapter: string, state: string, proposedAt: string, proposedBy: string, notAfter: string | null }>, schemas: Array<{ recordType: string, compatibility: string, versions: Array<{ version: number, state: string, proposedAt: string, proposedBy: string, proposalReason: string }> }> };

export type AdaptersApproveKeyMutationVariables = Exact<{
  keyId: string;
  reason: string;
  overlapHours?: number | null | undefined;
}>;


export type AdaptersApproveKeyMutation = { approveAdapterKey: { keyId: string, state: string } };

export type AdaptersRefuseKeyMutationVariables = Exact<{
  keyId: string;
  reason: string;
}>;


export type AdaptersRefuseKeyMutation = { revokeAdapterKey: { keyId: string, state: string } };

export type AdaptersMineQueryVariables = Exact<{ [key: string]: never; }>;


export type AdaptersMineQuery = { adapterKeys: Array<{ keyId: string, adapter: string, state: string, decidedAt: string | null, decidedBy: string | null, decisionReason: string | null }>, schemas: Array<{ recordType: string }>, adapters: Array<{ consumerLag: number | null, deadLetters: number, refusedRecords: number, name: string, title: string, agencyId: string, state: string, registeredAt: string, registeredBy: string, decidedAt: string | null, decidedBy: string | null, decisionReason: string | null, publishes: Array<{ recordType: string, schemaVersion: number | null, approved: boolean }>, consumes: Array<{ recordType: string, schemaVersion: number | null, approved: boolean }> }>, consumerLag: Array<{ group: string, messages: number | null, seconds: number | null, error: string | null }> };

export type AdaptersOrphansQueryVariables = Exact<{
  first: number;
  offset: number;
  recordType?: string | null | undefined;
}>;


export type AdaptersOrphansQuery = { orphans: Array<{ recordType: string, recordId: string, source: string, appliedAt: string }>, schemas: Array<{ recordType: string }> };

export type AdaptersApproveAdapterMutationVariables = Exact<{
  name: string;
  reason: string;
}>;


export type AdaptersApproveAdapterMutation = { approveAdapter: { name: string, state: string } };

export type AdaptersRejectAdapterMutationVariables = Exact<{
  name: string;
  reason: string;
}>;


export type AdaptersRejectAdapterMutation = { rejectAdapter: { name: string, state: string } };

export type AdapterFieldsFragment = { name: string, title: string, agencyId: string, state: string, registeredAt: string, registeredBy: string, decidedAt: string | null, decidedBy: string | null, decisionReason: string | null, publishes: Array<{ recordType: string, schemaVersion: number | null, approved: boolean }>, consumes: Array<{ recordType: string, schemaVersion: number | null, approved: boolean }> };

export type AdapterWithLagFragment = { consumerLag: number | null, deadLetters: number, refusedRecords: number, name: string, title: string, agencyId: string, state: string, registeredAt: string, registeredBy: string, decidedAt: string | null, decidedBy: string | null, decisionReason: string | null, publishes: Array<{ recordType: string, schemaVersion: number | null, approved: boolean }>, consumes: Array<{ recordType: string, schemaVersion: number | null, approved: boolean }> };

export type ConsumerLagFieldsFragment = { group: string, messages: number | null, seconds: number | null, error: string | null };

export type AdaptersAndLagFragment = { adapters: Array<{ consumerLag: number | null, deadLetters: number, refusedRecords: number, name: string, title: string, agencyId: string, state: string, registeredAt: string, registeredBy: string, decidedAt: string | null, decidedBy: string | null, decisionReason: string | null, publishes: Array<{ recordType: string, schemaVersion: number | null, approved: boolean }>, consumes: Array<{ recordType: string, schemaVersion: number | null, approved: boolean }> }>, consumerLag: Array<{ group: string, messages: number | null, seconds: number | null, error: string | null }> };

export type AuditCitizenAccessLogQueryVariables = Exact<{
  nationalId: string;
  first: number;
  after?: string | null | undefined;
}>;


export type AuditCitizenAccessLogQuery = { accessLog: { nextCursor: string | null, entries: Array<{ entryId: string, discloseAfter: string | null, previewOf: string | null, at: string, kind: string, outcome: string, agencyId: string, agencyName: string | null, clientName: string | null, purpose: string | null, purposeTitle: string | null, reference: string | null, sectionsReturned: Array<string>, sectionsDenied: Array<string>, person: { name: string, statedBy: string } | null }> } };

export type AuditExplorerEntriesQueryVariables = Exact<{
  filter?: AuditFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type AuditExplorerEntriesQuery = { auditEntries: { nextCursor: string | null, entries: Array<{ seq: number, at: string, kind: string, outcome: string, agencyId: string, clientId: string, subjectId: string | null, purpose: string | null, details: string, hash: string, person: { name: string, statedBy: string } | null }> } };

export type AuditChainStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditChainStatusQuery = { auditStatus: { publicKey: string | null, lastCheckpoint: { seq: number, signedAt: string, keyId: string, hash: string } | null, lastVerification: { ok: boolean, verifiedAt: string, entries: number | null, checkpoints: number | null, problem: string | null, seq: number | null, message: string | null } | null } };

export type AuditChainVerifyMutationVariables = Exact<{ [key: string]: never; }>;


export type AuditChainVerifyMutation = { verifyAuditLog: { ok: boolean, verifiedAt: string, entries: number | null, checkpoints: number | null, problem: string | null, seq: number | null, message: string | null } };

export type VerificationFieldsFragment = { ok: boolean, verifiedAt: string, entries: number | null, checkpoints: number | null, problem: string | null, seq: number | null, message: string | null };

export type AuditGrantsMatrixQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditGrantsMatrixQuery = { grants: Array<{ id: string, agencyId: string, section: string, purpose: string, fields: Array<string> | null, validFrom: string, validUntil: string, requiresOfficer: boolean, grantedBy: string, reason: string }>, grantUsage: Array<{ lastUsedAt: string | null, grant: { id: string } }>, grantableSections: Array<{ name: string, fields: Array<string> | null }>, purposes: Array<{ code: string, title: string, retiredAt: string | null }>, clients: Array<{ agencyId: string, agencyName: string, role: string }> };

export type AuditGrantAccessMutationVariables = Exact<{
  input: GrantInput;
}>;


export type AuditGrantAccessMutation = { grantAccess: { id: string } };

export type AuditRevokeGrantMutationVariables = Exact<{
  id: string;
  reason: string;
}>;


export type AuditRevokeGrantMutation = { revokeGrant: { id: string } };

export type AuditPreviewAsAgencyQueryVariables = Exact<{
  agencyId: string;
  purpose: string;
  nationalId: string;
}>;


export type AuditPreviewAsAgencyQuery = { previewAsAgency: { nationalId: string, person: { dateOfBirth: string, alive: boolean, name: { latin: { familyName: string, givenName: string }, khmer: { familyName: string, givenName: string } } } | null, address: { since: string, province: { khmer: string | null, latin: string | null } } | null, vehicles: Array<{ plateNumber: string, make: string, model: string }> | null, landTitles: Array<{ titleNumber: string }> | null, businesses: Array<{ registrationNumber: string, name: { english: string } }> | null, taxpayer: { tin: string, status: string } | null, lifeEvents: Array<{ eventType: string, date: string }> | null } | null };

export type AuditPurposesQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditPurposesQuery = { purposes: Array<{ code: string, title: string, legalBasis: string, createdAt: string, retiredAt: string | null, discloseAfterDays: number | null, disclosureBasis: string | null }> };

export type AuditRegisterPurposeMutationVariables = Exact<{
  input: PurposeInput;
}>;


export type AuditRegisterPurposeMutation = { registerPurpose: { code: string } };

export type AuditRetirePurposeMutationVariables = Exact<{
  code: string;
  reason: string;
}>;


export type AuditRetirePurposeMutation = { retirePurpose: boolean };

export type AuditSetPurposeDisclosureMutationVariables = Exact<{
  code: string;
  discloseAfterDays?: number | null | undefined;
  legalBasis?: string | null | undefined;
  reason?: string | null | undefined;
}>;


export type AuditSetPurposeDisclosureMutation = { setPurposeDisclosure: { code: string } };

export type AuditVerificationLocksQueryVariables = Exact<{
  nationalId?: string | null | undefined;
}>;


export type AuditVerificationLocksQuery = { verificationLocks: Array<{ nationalId: string, agencyId: string | null, claim: string, failures: number, lockedUntil: string }> };

export type AuditLiftVerificationLockMutationVariables = Exact<{
  nationalId: string;
  reason: string;
}>;


export type AuditLiftVerificationLockMutation = { liftVerificationLock: Array<{ claim: string }> };

export type DeskGrantsQueryVariables = Exact<{ [key: string]: never; }>;


export type DeskGrantsQuery = { grants: Array<{ id: string, purpose: string, section: string, fields: Array<string> | null, validUntil: string }>, purposes: Array<{ code: string, title: string, legalBasis: string }> };

export type DeskVerifyQueryVariables = Exact<{
  nationalId: string;
  purpose: string;
  reference?: string | null | undefined;
  claims: CitizenClaims;
}>;


export type DeskVerifyQuery = { verifyCitizen: { known: boolean, nationalId: string, name: boolean | null, dateOfBirth: boolean | null, alive: boolean | null, idCardNumber: boolean | null } };

export type DeskRecordSourceFragment = { source: string, agencyId: string | null, receivedAt: string };

export type DeskLookupQueryVariables = Exact<{
  nationalId: string;
  purpose: string;
  reference?: string | null | undefined;
  person: boolean;
  person_nationalId: boolean;
  person_name: boolean;
  person_sex: boolean;
  person_dateOfBirth: boolean;
  person_alive: boolean;
  person_dateOfDeath: boolean;
  person_idCardNumber: boolean;
  person_placeOfBirth: boolean;
  address: boolean;
  address_houseNumber: boolean;
  address_street: boolean;
  address_village: boolean;
  address_commune: boolean;
  address_district: boolean;
  address_province: boolean;
  address_since: boolean;
  vehicles: boolean;
  vehicles_plateNumber: boolean;
  vehicles_make: boolean;
  vehicles_model: boolean;
  vehicles_year: boolean;
  vehicles_status: boolean;
  vehicles_registrationDate: boolean;
  landTitles: boolean;
  landTitles_titleNumber: boolean;
  landTitles_areaSquareMetres: boolean;
  landTitles_status: boolean;
  landTitles_registrationDate: boolean;
  businesses: boolean;
  businesses_registrationNumber: boolean;
  businesses_name: boolean;
  businesses_legalForm: boolean;
  businesses_status: boolean;
  businesses_registrationDate: boolean;
  taxpayer: boolean;
  taxpayer_tin: boolean;
  taxpayer_type: boolean;
  taxpayer_status: boolean;
  taxpayer_registrationDate: boolean;
  lifeEvents: boolean;
  lifeEvents_eventType: boolean;
  lifeEvents_date: boolean;
  lifeEvents_registeredOn: boolean;
}>;


export type DeskLookupQuery = { citizen: { nationalId: string, person?: { nationalId?: string, sex?: string, dateOfBirth?: string, alive?: boolean, dateOfDeath?: string | null, idCardNumber?: string | null, name?: { khmer: { familyName: string, givenName: string }, latin: { familyName: string, givenName: string } }, placeOfBirth?: { province: { khmer: string | null, latin: string | null } }, record: { source: string, agencyId: string | null, receivedAt: string } } | null, address?: { houseNumber?: string | null, since?: string, street?: { khmer: string | null, latin: string | null } | null, village?: { khmer: string | null, latin: string | null }, commune?: { khmer: string | null, latin: string | null }, district?: { khmer: string | null, latin: string | null }, province?: { khmer: string | null, latin: string | null }, record: { source: string, agencyId: string | null, receivedAt: string } } | null, vehicles?: Array<{ plateNumber?: string, make?: string, model?: string, year?: number, status?: string, registrationDate?: string, record: { source: string, agencyId: string | null, receivedAt: string } }> | null, landTitles?: Array<{ titleNumber?: string, areaSquareMetres?: number, status?: string, registrationDate?: string, record: { source: string, agencyId: string | null, receivedAt: string } }> | null, businesses?: Array<{ registrationNumber?: string, legalForm?: string, status?: string, registrationDate?: string, name?: { khmer: string, english: string }, record: { source: string, agencyId: string | null, receivedAt: string } }> | null, taxpayer?: { tin?: string, type?: string, status?: string, registrationDate?: string, record: { source: string, agencyId: string | null, receivedAt: string } } | null, lifeEvents?: Array<{ eventType?: string, date?: string, registeredOn?: string, record: { source: string, agencyId: string | null, receivedAt: string } }> | null } | null };

export type MyRecordAccessLogQueryVariables = Exact<{
  nationalId: string;
  after?: string | null | undefined;
}>;


export type MyRecordAccessLogQuery = { accessLog: { nextCursor: string | null, entries: Array<{ entryId: string, claimsFailed: Array<string>, claimsLocked: Array<string>, discloseAfter: string | null, previewOf: string | null, at: string, kind: string, outcome: string, agencyId: string, agencyName: string | null, clientName: string | null, purpose: string | null, purposeTitle: string | null, reference: string | null, sectionsReturned: Array<string>, sectionsDenied: Array<string>, question: { id: string, reason: string, askedAt: string, answer: string | null, answeredAt: string | null } | null, person: { name: string, statedBy: string } | null }> } };

export type MyRecordPurposesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyRecordPurposesQuery = { purposes: Array<{ code: string, legalBasis: string }> };

export type MyRecordQuestionAccessMutationVariables = Exact<{
  entry: string;
  reason: string;
}>;


export type MyRecordQuestionAccessMutation = { questionAccess: { id: string, askedAt: string } };

export type QuestionsListQueryVariables = Exact<{
  answered: boolean;
}>;


export type QuestionsListQuery = { accessQuestions: Array<{ id: string, entryId: string, nationalId: string, reason: string, askedAt: string, answer: string | null, answeredAt: string | null, entry: { at: string, kind: string, outcome: string, agencyId: string, agencyName: string | null, clientName: string | null, purpose: string | null, purposeTitle: string | null, reference: string | null, sectionsReturned: Array<string>, sectionsDenied: Array<string>, person: { name: string, statedBy: string } | null } | null }> };

export type QuestionsAnswerMutationVariables = Exact<{
  id: string;
  answer: string;
}>;


export type QuestionsAnswerMutation = { answerAccessQuestion: { id: string, answeredAt: string | null } };

export type SchemasDeadLettersQueryVariables = Exact<{
  group?: string | null | undefined;
  recordType?: string | null | undefined;
  code?: string | null | undefined;
  source?: string | null | undefined;
  status?: string | null | undefined;
}>;


export type SchemasDeadLettersQuery = { deadLetters: Array<{ id: string, group: string, recordType: string, schemaVersion: number | null, code: string, reason: string, source: string | null, recordId: string | null, eventId: string | null, attempts: number, lastFailedAt: string, status: string, replayRequestedAt: string | null, resolvedAt: string | null }> };

export type SchemasDeadLetterCountsQueryVariables = Exact<{
  group?: string | null | undefined;
  recordType?: string | null | undefined;
  code?: string | null | undefined;
  source?: string | null | undefined;
  status?: string | null | undefined;
}>;


export type SchemasDeadLetterCountsQuery = { deadLetterCounts: { total: number, byGroup: Array<{ value: string | null, count: number }>, bySource: Array<{ value: string | null, count: number }>, byRecordType: Array<{ value: string | null, count: number }>, byCode: Array<{ value: string | null, count: number }> } };

export type SchemasReplayDeadLettersMutationVariables = Exact<{
  group?: string | null | undefined;
  recordType?: string | null | undefined;
  code?: string | null | undefined;
  source?: string | null | undefined;
  reason?: string | null | undefined;
  dryRun?: boolean | null | undefined;
}>;


export type SchemasReplayDeadLettersMutation = { replayDeadLetters: { requested: number, groups: Array<string> } };

export type SchemasLineageQueryVariables = Exact<{ [key: string]: never; }>;


export type SchemasLineageQuery = { lineage: Array<{ party: string, role: string, recordType: string, schemaVersion: number, firstSeen: string, lastSeen: string }> };

export type SchemasProposeMutationVariables = Exact<{
  recordType: string;
  schema: string;
  reason: string;
}>;


export type SchemasProposeMutation = { proposeSchemaVersion: { recordType: string, version: number, state: string } };

export type SchemasDryRunIntakeQueryVariables = Exact<{
  recordType: string;
  version: number;
  records: string;
}>;


export type SchemasDryRunIntakeQuery = { dryRunIntake: { recordType: string, version: number, valid: number, invalid: number, issues: Array<{ index: number, path: string, rule: string, message: string }> } };

export type SchemasChangesQueryVariables = Exact<{
  recordType: string;
}>;


export type SchemasChangesQuery = { schemaChanges: Array<{ action: string, actor: string, at: string, reason: string, version: number | null }> };

export type SchemasDiffQueryVariables = Exact<{
  recordType: string;
  from: number;
  to: number;
}>;


export type SchemasDiffQuery = { schemaDiff: { from: number, to: number, impact: string, mode: string, allowedUnderMode: boolean, differences: Array<{ path: string, change: string, impact: string, beforeJson: string | null, afterJson: string | null, incompatibilities: Array<{ rule: string }> }>, incompatibilities: Array<{ path: string, rule: string, direction: string, against: number, message: string }> } };

export type SchemasDeprecateMutationVariables = Exact<{
  recordType: string;
  version: number;
  reason: string;
}>;


export type SchemasDeprecateMutation = { deprecateSchemaVersion: { version: number, state: string } };

export type SchemasRetireMutationVariables = Exact<{
  recordType: string;
  version: number;
  reason: string;
}>;


export type SchemasRetireMutation = { retireSchemaVersion: { version: number, state: string } };

export type SchemasSetCompatibilityMutationVariables = Exact<{
  recordType: string;
  mode: string;
  reason: string;
}>;


export type SchemasSetCompatibilityMutation = { setCompatibility: string };

export type SchemasRegistryQueryVariables = Exact<{ [key: string]: never; }>;


export type SchemasRegistryQuery = { schemas: Array<{ recordType: string, compatibility: string, versions: Array<{ decidedAt: string | null, decidedBy: string | null, decisionReason: string | null, schemaJson: string, version: number, state: string, proposedAt: string, proposedBy: string, proposalReason: string }> }> };

export type SchemaVersionProposalFragment = { version: number, state: string, proposedAt: string, proposedBy: string, proposalReason: string };

export type IncompatibilityFieldsFragment = { path: string, rule: string, direction: string, against: number, message: string };

export type SchemasCheckCompatibilityQueryVariables = Exact<{
  recordType: string;
  schema: string;
}>;


export type SchemasCheckCompatibilityQuery = { checkCompatibility: { compatible: boolean, version: number, mode: string, checkedAgainst: Array<number>, incompatibilities: Array<{ schemaPath: string, path: string, rule: string, direction: string, against: number, message: string }> } };

export type SchemasApproveMutationVariables = Exact<{
  recordType: string;
  version: number;
  reason: string;
}>;


export type SchemasApproveMutation = { approveSchemaVersion: { recordType: string, version: number, state: string } };

export type SchemasRejectMutationVariables = Exact<{
  recordType: string;
  version: number;
  reason: string;
}>;


export type SchemasRejectMutation = { rejectSchemaVersion: { recordType: string, version: number, state: string } };

export type AuditEntryFieldsFragment = { seq: number, at: string, kind: string, outcome: string, agencyId: string, clientId: string, purpose: string | null, subjectId: string | null, details: string, person: { name: string } | null };

export type MyLastAuditEntryQueryVariables = Exact<{ [key: string]: never; }>;


export type MyLastAuditEntryQuery = { myAuditEntries: Array<{ seq: number, at: string, kind: string, outcome: string, agencyId: string, clientId: string, purpose: string | null, subjectId: string | null, details: string, person: { name: string } | null }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AccessEntryFieldsFragmentDoc = new TypedDocumentString(`fragment AccessEntryFields on AccessLogEntry{at kind outcome agencyId agencyName clientName person{name statedBy}purpose purposeTitle reference sectionsReturned sectionsDenied}`, {"fragmentName":"AccessEntryFields"}) as unknown as TypedDocumentString<AccessEntryFieldsFragment, unknown>;
export const AdapterFieldsFragmentDoc = new TypedDocumentString(`fragment AdapterFields on Adapter{name title agencyId state registeredAt registeredBy decidedAt decidedBy decisionReason publishes{recordType schemaVersion approved}consumes{recordType schemaVersion approved}}`, {"fragmentName":"AdapterFields"}) as unknown as TypedDocumentString<AdapterFieldsFragment, unknown>;
export const AdapterWithLagFragmentDoc = new TypedDocumentString(`fragment AdapterWithLag on Adapter{...AdapterFields consumerLag deadLetters refusedRecords}fragment AdapterFields on Adapter{name title agencyId state registeredAt registeredBy decidedAt decidedBy decisionReason publishes{recordType schemaVersion approved}consumes{recordType schemaVersion approved}}`, {"fragmentName":"AdapterWithLag"}) as unknown as TypedDocumentString<AdapterWithLagFragment, unknown>;
export const ConsumerLagFieldsFragmentDoc = new TypedDocumentString(`fragment ConsumerLagFields on ConsumerGroupLag{group messages seconds error}`, {"fragmentName":"ConsumerLagFields"}) as unknown as TypedDocumentString<ConsumerLagFieldsFragment, unknown>;
export const AdaptersAndLagFragmentDoc = new TypedDocumentString(`fragment AdaptersAndLag on Query{adapters{...AdapterWithLag}consumerLag{...ConsumerLagFields}}fragment AdapterFields on Adapter{name title agencyId state registeredAt registeredBy decidedAt decidedBy decisionReason publishes{recordType schemaVersion approved}consumes{recordType schemaVersion approved}}fragment AdapterWithLag on Adapter{...AdapterFields consumerLag deadLetters refusedRecords}fragment ConsumerLagFields on ConsumerGroupLag{group messages seconds error}`, {"fragmentName":"AdaptersAndLag"}) as unknown as TypedDocumentString<AdaptersAndLagFragment, unknown>;
export const VerificationFieldsFragmentDoc = new TypedDocumentString(`fragment VerificationFields on AuditVerification{ok verifiedAt entries checkpoints problem seq message}`, {"fragmentName":"VerificationFields"}) as unknown as TypedDocumentString<VerificationFieldsFragment, unknown>;
export const DeskRecordSourceFragmentDoc = new TypedDocumentString(`fragment DeskRecordSource on ExchangeRecord{source agencyId receivedAt}`, {"fragmentName":"DeskRecordSource"}) as unknown as TypedDocumentString<DeskRecordSourceFragment, unknown>;
export const SchemaVersionProposalFragmentDoc = new TypedDocumentString(`fragment SchemaVersionProposal on SchemaVersion{version state proposedAt proposedBy proposalReason}`, {"fragmentName":"SchemaVersionProposal"}) as unknown as TypedDocumentString<SchemaVersionProposalFragment, unknown>;
export const IncompatibilityFieldsFragmentDoc = new TypedDocumentString(`fragment IncompatibilityFields on Incompatibility{path rule direction against message}`, {"fragmentName":"IncompatibilityFields"}) as unknown as TypedDocumentString<IncompatibilityFieldsFragment, unknown>;
export const AuditEntryFieldsFragmentDoc = new TypedDocumentString(`fragment AuditEntryFields on AuditEntry{seq at kind outcome agencyId clientId purpose subjectId details person{name}}`, {"fragmentName":"AuditEntryFields"}) as unknown as TypedDocumentString<AuditEntryFieldsFragment, unknown>;
export const MyAuditEntriesDocument = new TypedDocumentString(`query MyAuditEntries{myAuditEntries(first:20){...AuditEntryFields}}fragment AuditEntryFields on AuditEntry{seq at kind outcome agencyId clientId purpose subjectId details person{name}}`) as unknown as TypedDocumentString<MyAuditEntriesQuery, MyAuditEntriesQueryVariables>;
export const AdaptersRegisterAdapterDocument = new TypedDocumentString(`mutation AdaptersRegisterAdapter($input:RegisterAdapterInput!){registerAdapter(input:$input){name state}}`) as unknown as TypedDocumentString<AdaptersRegisterAdapterMutation, AdaptersRegisterAdapterMutationVariables>;
export const AdaptersDirectoryDocument = new TypedDocumentString(`query AdaptersDirectory{...AdaptersAndLag adapterKeys{keyId adapter state proposedAt notAfter}}fragment AdapterFields on Adapter{name title agencyId state registeredAt registeredBy decidedAt decidedBy decisionReason publishes{recordType schemaVersion approved}consumes{recordType schemaVersion approved}}fragment AdapterWithLag on Adapter{...AdapterFields consumerLag deadLetters refusedRecords}fragment ConsumerLagFields on ConsumerGroupLag{group messages seconds error}fragment AdaptersAndLag on Query{adapters{...AdapterWithLag}consumerLag{...ConsumerLagFields}}`) as unknown as TypedDocumentString<AdaptersDirectoryQuery, AdaptersDirectoryQueryVariables>;
export const AdaptersSuspendAdapterDocument = new TypedDocumentString(`mutation AdaptersSuspendAdapter($name:String!$reason:String!){suspendAdapter(name:$name reason:$reason){name state}}`) as unknown as TypedDocumentString<AdaptersSuspendAdapterMutation, AdaptersSuspendAdapterMutationVariables>;
export const AdaptersRevokeKeyDocument = new TypedDocumentString(`mutation AdaptersRevokeKey($keyId:String!$reason:String!){revokeAdapterKey(keyId:$keyId reason:$reason){keyId state}}`) as unknown as TypedDocumentString<AdaptersRevokeKeyMutation, AdaptersRevokeKeyMutationVariables>;
export const AdaptersClientsDocument = new TypedDocumentString(`query AdaptersClients{clients{clientId name agencyId agencyName role adapter createdAt rotatedAt previousSecretValidUntil revokedAt revokedBy revokeReason maskedNationalId}adapters{name agencyId state}}`) as unknown as TypedDocumentString<AdaptersClientsQuery, AdaptersClientsQueryVariables>;
export const AdaptersCreateClientDocument = new TypedDocumentString(`mutation AdaptersCreateClient($input:NewClientInput!){createClient(input:$input){clientId clientSecret previousSecretValidUntil}}`) as unknown as TypedDocumentString<AdaptersCreateClientMutation, AdaptersCreateClientMutationVariables>;
export const AdaptersRotateClientSecretDocument = new TypedDocumentString(`mutation AdaptersRotateClientSecret($clientId:ID!$overlapHours:Int$reason:String){rotateClientSecret(clientId:$clientId overlapHours:$overlapHours reason:$reason){clientId clientSecret previousSecretValidUntil}}`) as unknown as TypedDocumentString<AdaptersRotateClientSecretMutation, AdaptersRotateClientSecretMutationVariables>;
export const AdaptersRevokeClientDocument = new TypedDocumentString(`mutation AdaptersRevokeClient($clientId:ID!$reason:String!){revokeClient(clientId:$clientId reason:$reason){clientId revokedAt}}`) as unknown as TypedDocumentString<AdaptersRevokeClientMutation, AdaptersRevokeClientMutationVariables>;
export const AdaptersSystemHealthDocument = new TypedDocumentString(`query AdaptersSystemHealth{systemHealth{checkedAt healthy components{name kind healthy state lagMessages lagSeconds deadLetters problems}}}`) as unknown as TypedDocumentString<AdaptersSystemHealthQuery, AdaptersSystemHealthQueryVariables>;
export const AdaptersInboxDocument = new TypedDocumentString(`query AdaptersInbox{adapters{...AdapterFields}adapterKeys{keyId adapter state proposedAt proposedBy notAfter}schemas{recordType compatibility versions{...SchemaVersionProposal}}}fragment AdapterFields on Adapter{name title agencyId state registeredAt registeredBy decidedAt decidedBy decisionReason publishes{recordType schemaVersion approved}consumes{recordType schemaVersion approved}}fragment SchemaVersionProposal on SchemaVersion{version state proposedAt proposedBy proposalReason}`) as unknown as TypedDocumentString<AdaptersInboxQuery, AdaptersInboxQueryVariables>;
export const AdaptersApproveKeyDocument = new TypedDocumentString(`mutation AdaptersApproveKey($keyId:String!$reason:String!$overlapHours:Float){approveAdapterKey(keyId:$keyId reason:$reason overlapHours:$overlapHours){keyId state}}`) as unknown as TypedDocumentString<AdaptersApproveKeyMutation, AdaptersApproveKeyMutationVariables>;
export const AdaptersRefuseKeyDocument = new TypedDocumentString(`mutation AdaptersRefuseKey($keyId:String!$reason:String!){revokeAdapterKey(keyId:$keyId reason:$reason){keyId state}}`) as unknown as TypedDocumentString<AdaptersRefuseKeyMutation, AdaptersRefuseKeyMutationVariables>;
export const AdaptersMineDocument = new TypedDocumentString(`query AdaptersMine{...AdaptersAndLag adapterKeys{keyId adapter state decidedAt decidedBy decisionReason}schemas{recordType}}fragment AdapterFields on Adapter{name title agencyId state registeredAt registeredBy decidedAt decidedBy decisionReason publishes{recordType schemaVersion approved}consumes{recordType schemaVersion approved}}fragment AdapterWithLag on Adapter{...AdapterFields consumerLag deadLetters refusedRecords}fragment ConsumerLagFields on ConsumerGroupLag{group messages seconds error}fragment AdaptersAndLag on Query{adapters{...AdapterWithLag}consumerLag{...ConsumerLagFields}}`) as unknown as TypedDocumentString<AdaptersMineQuery, AdaptersMineQueryVariables>;
export const AdaptersOrphansDocument = new TypedDocumentString(`query AdaptersOrphans($first:Int!$offset:Int!$recordType:String){orphans(first:$first offset:$offset recordType:$recordType){recordType recordId source appliedAt}schemas{recordType}}`) as unknown as TypedDocumentString<AdaptersOrphansQuery, AdaptersOrphansQueryVariables>;
export const AdaptersApproveAdapterDocument = new TypedDocumentString(`mutation AdaptersApproveAdapter($name:String!$reason:String!){approveAdapter(name:$name reason:$reason){name state}}`) as unknown as TypedDocumentString<AdaptersApproveAdapterMutation, AdaptersApproveAdapterMutationVariables>;
export const AdaptersRejectAdapterDocument = new TypedDocumentString(`mutation AdaptersRejectAdapter($name:String!$reason:String!){rejectAdapter(name:$name reason:$reason){name state}}`) as unknown as TypedDocumentString<AdaptersRejectAdapterMutation, AdaptersRejectAdapterMutationVariables>;
export const AuditCitizenAccessLogDocument = new TypedDocumentString(`query AuditCitizenAccessLog($nationalId:ID!$first:Int!$after:String){accessLog(nationalId:$nationalId first:$first after:$after){entries{entryId ...AccessEntryFields discloseAfter previewOf}nextCursor}}fragment AccessEntryFields on AccessLogEntry{at kind outcome agencyId agencyName clientName person{name statedBy}purpose purposeTitle reference sectionsReturned sectionsDenied}`) as unknown as TypedDocumentString<AuditCitizenAccessLogQuery, AuditCitizenAccessLogQueryVariables>;
export const AuditExplorerEntriesDocument = new TypedDocumentString(`query AuditExplorerEntries($filter:AuditFilter$first:Int!$after:String){auditEntries(filter:$filter first:$first after:$after){entries{seq at kind outcome agencyId clientId subjectId purpose details hash person{name statedBy}}nextCursor}}`) as unknown as TypedDocumentString<AuditExplorerEntriesQuery, AuditExplorerEntriesQueryVariables>;
export const AuditChainStatusDocument = new TypedDocumentString(`query AuditChainStatus{auditStatus{lastCheckpoint{seq signedAt keyId hash}lastVerification{...VerificationFields}publicKey}}fragment VerificationFields on AuditVerification{ok verifiedAt entries checkpoints problem seq message}`) as unknown as TypedDocumentString<AuditChainStatusQuery, AuditChainStatusQueryVariables>;
export const AuditChainVerifyDocument = new TypedDocumentString(`mutation AuditChainVerify{verifyAuditLog{...VerificationFields}}fragment VerificationFields on AuditVerification{ok verifiedAt entries checkpoints problem seq message}`) as unknown as TypedDocumentString<AuditChainVerifyMutation, AuditChainVerifyMutationVariables>;
export const AuditGrantsMatrixDocument = new TypedDocumentString(`query AuditGrantsMatrix{grants{id agencyId section purpose fields validFrom validUntil requiresOfficer grantedBy reason}grantUsage{grant{id}lastUsedAt}grantableSections{name fields}purposes{code title retiredAt}clients{agencyId agencyName role}}`) as unknown as TypedDocumentString<AuditGrantsMatrixQuery, AuditGrantsMatrixQueryVariables>;
export const AuditGrantAccessDocument = new TypedDocumentString(`mutation AuditGrantAccess($input:GrantInput!){grantAccess(input:$input){id}}`) as unknown as TypedDocumentString<AuditGrantAccessMutation, AuditGrantAccessMutationVariables>;
export const AuditRevokeGrantDocument = new TypedDocumentString(`mutation AuditRevokeGrant($id:ID!$reason:String!){revokeGrant(id:$id reason:$reason){id}}`) as unknown as TypedDocumentString<AuditRevokeGrantMutation, AuditRevokeGrantMutationVariables>;
export const AuditPreviewAsAgencyDocument = new TypedDocumentString(`query AuditPreviewAsAgency($agencyId:String!$purpose:String!$nationalId:ID!){previewAsAgency(agencyId:$agencyId purpose:$purpose nationalId:$nationalId){nationalId person{name{latin{familyName givenName}khmer{familyName givenName}}dateOfBirth alive}address{province{khmer latin}since}vehicles{plateNumber make model}landTitles{titleNumber}businesses{registrationNumber name{english}}taxpayer{tin status}lifeEvents{eventType date}}}`) as unknown as TypedDocumentString<AuditPreviewAsAgencyQuery, AuditPreviewAsAgencyQueryVariables>;
export const AuditPurposesDocument = new TypedDocumentString(`query AuditPurposes{purposes{code title legalBasis createdAt retiredAt discloseAfterDays disclosureBasis}}`) as unknown as TypedDocumentString<AuditPurposesQuery, AuditPurposesQueryVariables>;
export const AuditRegisterPurposeDocument = new TypedDocumentString(`mutation AuditRegisterPurpose($input:PurposeInput!){registerPurpose(input:$input){code}}`) as unknown as TypedDocumentString<AuditRegisterPurposeMutation, AuditRegisterPurposeMutationVariables>;
export const AuditRetirePurposeDocument = new TypedDocumentString(`mutation AuditRetirePurpose($code:String!$reason:String!){retirePurpose(code:$code reason:$reason)}`) as unknown as TypedDocumentString<AuditRetirePurposeMutation, AuditRetirePurposeMutationVariables>;
export const AuditSetPurposeDisclosureDocument = new TypedDocumentString(`mutation AuditSetPurposeDisclosure($code:String!$discloseAfterDays:Int$legalBasis:String$reason:String){setPurposeDisclosure(code:$code discloseAfterDays:$discloseAfterDays legalBasis:$legalBasis reason:$reason){code}}`) as unknown as TypedDocumentString<AuditSetPurposeDisclosureMutation, AuditSetPurposeDisclosureMutationVariables>;
export const AuditVerificationLocksDocument = new TypedDocumentString(`query AuditVerificationLocks($nationalId:ID){verificationLocks(nationalId:$nationalId){nationalId agencyId claim failures lockedUntil}}`) as unknown as TypedDocumentString<AuditVerificationLocksQuery, AuditVerificationLocksQueryVariables>;
export const AuditLiftVerificationLockDocument = new TypedDocumentString(`mutation AuditLiftVerificationLock($nationalId:ID!$reason:String!){liftVerificationLock(nationalId:$nationalId reason:$reason){claim}}`) as unknown as TypedDocumentString<AuditLiftVerificationLockMutation, AuditLiftVerificationLockMutationVariables>;
export const DeskGrantsDocument = new TypedDocumentString(`query DeskGrants{grants{id purpose section fields validUntil}purposes{code title legalBasis}}`) as unknown as TypedDocumentString<DeskGrantsQuery, DeskGrantsQueryVariables>;
export const DeskVerifyDocument = new TypedDocumentString(`query DeskVerify($nationalId:ID!$purpose:String!$reference:String$claims:CitizenClaims!){verifyCitizen(nationalId:$nationalId purpose:$purpose reference:$reference claims:$claims){known nationalId name dateOfBirth alive idCardNumber}}`) as unknown as TypedDocumentString<DeskVerifyQuery, DeskVerifyQueryVariables>;
export const DeskLookupDocument = new TypedDocumentString(`query DeskLookup($nationalId:ID!$purpose:String!$reference:String$person:Boolean!$person_nationalId:Boolean!$person_name:Boolean!$person_sex:Boolean!$person_dateOfBirth:Boolean!$person_alive:Boolean!$person_dateOfDeath:Boolean!$person_idCardNumber:Boolean!$person_placeOfBirth:Boolean!$address:Boolean!$address_houseNumber:Boolean!$address_street:Boolean!$address_village:Boolean!$address_commune:Boolean!$address_district:Boolean!$address_province:Boolean!$address_since:Boolean!$vehicles:Boolean!$vehicles_plateNumber:Boolean!$vehicles_make:Boolean!$vehicles_model:Boolean!$vehicles_year:Boolean!$vehicles_status:Boolean!$vehicles_registrationDate:Boolean!$landTitles:Boolean!$landTitles_titleNumber:Boolean!$landTitles_areaSquareMetres:Boolean!$landTitles_status:Boolean!$landTitles_registrationDate:Boolean!$businesses:Boolean!$businesses_registrationNumber:Boolean!$businesses_name:Boolean!$businesses_legalForm:Boolean!$businesses_status:Boolean!$businesses_registrationDate:Boolean!$taxpayer:Boolean!$taxpayer_tin:Boolean!$taxpayer_type:Boolean!$taxpayer_status:Boolean!$taxpayer_registrationDate:Boolean!$lifeEvents:Boolean!$lifeEvents_eventType:Boolean!$lifeEvents_date:Boolean!$lifeEvents_registeredOn:Boolean!){citizen(nationalId:$nationalId purpose:$purpose reference:$reference){nationalId person@include(if:$person){nationalId@include(if:$person_nationalId)name@include(if:$person_name){khmer{familyName givenName}latin{familyName givenName}}sex@include(if:$person_sex)dateOfBirth@include(if:$person_dateOfBirth)alive@include(if:$person_alive)dateOfDeath@include(if:$person_dateOfDeath)idCardNumber@include(if:$person_idCardNumber)placeOfBirth@include(if:$person_placeOfBirth){province{khmer latin}}record{...DeskRecordSource}}address@include(if:$address){houseNumber@include(if:$address_houseNumber)street@include(if:$address_street){khmer latin}village@include(if:$address_village){khmer latin}commune@include(if:$address_commune){khmer latin}district@include(if:$address_district){khmer latin}province@include(if:$address_province){khmer latin}since@include(if:$address_since)record{...DeskRecordSource}}vehicles@include(if:$vehicles){plateNumber@include(if:$vehicles_plateNumber)make@include(if:$vehicles_make)model@include(if:$vehicles_model)year@include(if:$vehicles_year)status@include(if:$vehicles_status)registrationDate@include(if:$vehicles_registrationDate)record{...DeskRecordSource}}landTitles@include(if:$landTitles){titleNumber@include(if:$landTitles_titleNumber)areaSquareMetres@include(if:$landTitles_areaSquareMetres)status@include(if:$landTitles_status)registrationDate@include(if:$landTitles_registrationDate)record{...DeskRecordSource}}businesses@include(if:$businesses){registrationNumber@include(if:$businesses_registrationNumber)name@include(if:$businesses_name){khmer english}legalForm@include(if:$businesses_legalForm)status@include(if:$businesses_status)registrationDate@include(if:$businesses_registrationDate)record{...DeskRecordSource}}taxpayer@include(if:$taxpayer){tin@include(if:$taxpayer_tin)type@include(if:$taxpayer_type)status@include(if:$taxpayer_status)registrationDate@include(if:$taxpayer_registrationDate)record{...DeskRecordSource}}lifeEvents@include(if:$lifeEvents){eventType@include(if:$lifeEvents_eventType)date@include(if:$lifeEvents_date)registeredOn@include(if:$lifeEvents_registeredOn)record{...DeskRecordSource}}}}fragment DeskRecordSource on ExchangeRecord{source agencyId receivedAt}`) as unknown as TypedDocumentString<DeskLookupQuery, DeskLookupQueryVariables>;
export const MyRecordAccessLogDocument = new TypedDocumentString(`query MyRecordAccessLog($nationalId:ID!$after:String){accessLog(nationalId:$nationalId first:50 after:$after){nextCursor entries{entryId ...AccessEntryFields claimsFailed claimsLocked discloseAfter previewOf question{id reason askedAt answer answeredAt}}}}fragment AccessEntryFields on AccessLogEntry{at kind outcome agencyId agencyName clientName person{name statedBy}purpose purposeTitle reference sectionsReturned sectionsDenied}`) as unknown as TypedDocumentString<MyRecordAccessLogQuery, MyRecordAccessLogQueryVariables>;
export const MyRecordPurposesDocument = new TypedDocumentString(`query MyRecordPurposes{purposes{code legalBasis}}`) as unknown as TypedDocumentString<MyRecordPurposesQuery, MyRecordPurposesQueryVariables>;
export const MyRecordQuestionAccessDocument = new TypedDocumentString(`mutation MyRecordQuestionAccess($entry:ID!$reason:String!){questionAccess(entry:$entry reason:$reason){id askedAt}}`) as unknown as TypedDocumentString<MyRecordQuestionAccessMutation, MyRecordQuestionAccessMutationVariables>;
export const QuestionsListDocument = new TypedDocumentString(`query QuestionsList($answered:Boolean!){accessQuestions(answered:$answered){id entryId nationalId reason askedAt answer answeredAt entry{...AccessEntryFields}}}fragment AccessEntryFields on AccessLogEntry{at kind outcome agencyId agencyName clientName person{name statedBy}purpose purposeTitle reference sectionsReturned sectionsDenied}`) as unknown as TypedDocumentString<QuestionsListQuery, QuestionsListQueryVariables>;
export const QuestionsAnswerDocument = new TypedDocumentString(`mutation QuestionsAnswer($id:ID!$answer:String!){answerAccessQuestion(id:$id answer:$answer){id answeredAt}}`) as unknown as TypedDocumentString<QuestionsAnswerMutation, QuestionsAnswerMutationVariables>;
export const SchemasDeadLettersDocument = new TypedDocumentString(`query SchemasDeadLetters($group:String$recordType:String$code:String$source:String$status:String){deadLetters(group:$group recordType:$recordType code:$code source:$source status:$status first:1000){id group recordType schemaVersion code reason source recordId eventId attempts lastFailedAt status replayRequestedAt resolvedAt}}`) as unknown as TypedDocumentString<SchemasDeadLettersQuery, SchemasDeadLettersQueryVariables>;
export const SchemasDeadLetterCountsDocument = new TypedDocumentString(`query SchemasDeadLetterCounts($group:String$recordType:String$code:String$source:String$status:String){deadLetterCounts(group:$group recordType:$recordType code:$code source:$source status:$status){total byGroup{value count}bySource{value count}byRecordType{value count}byCode{value count}}}`) as unknown as TypedDocumentString<SchemasDeadLetterCountsQuery, SchemasDeadLetterCountsQueryVariables>;
export const SchemasReplayDeadLettersDocument = new TypedDocumentString(`mutation SchemasReplayDeadLetters($group:String$recordType:String$code:String$source:String$reason:String$dryRun:Boolean){replayDeadLetters(group:$group recordType:$recordType code:$code source:$source reason:$reason dryRun:$dryRun){requested groups}}`) as unknown as TypedDocumentString<SchemasReplayDeadLettersMutation, SchemasReplayDeadLettersMutationVariables>;
export const SchemasLineageDocument = new TypedDocumentString(`query SchemasLineage{lineage{party role recordType schemaVersion firstSeen lastSeen}}`) as unknown as TypedDocumentString<SchemasLineageQuery, SchemasLineageQueryVariables>;
export const SchemasProposeDocument = new TypedDocumentString(`mutation SchemasPropose($recordType:String!$schema:String!$reason:String!){proposeSchemaVersion(recordType:$recordType schema:$schema reason:$reason){recordType version state}}`) as unknown as TypedDocumentString<SchemasProposeMutation, SchemasProposeMutationVariables>;
export const SchemasDryRunIntakeDocument = new TypedDocumentString(`query SchemasDryRunIntake($recordType:String!$version:Int!$records:String!){dryRunIntake(recordType:$recordType version:$version records:$records){recordType version valid invalid issues{index path rule message}}}`) as unknown as TypedDocumentString<SchemasDryRunIntakeQuery, SchemasDryRunIntakeQueryVariables>;
export const SchemasChangesDocument = new TypedDocumentString(`query SchemasChanges($recordType:String!){schemaChanges(recordType:$recordType){action actor at reason version}}`) as unknown as TypedDocumentString<SchemasChangesQuery, SchemasChangesQueryVariables>;
export const SchemasDiffDocument = new TypedDocumentString(`query SchemasDiff($recordType:String!$from:Int!$to:Int!){schemaDiff(recordType:$recordType from:$from to:$to){from to impact mode allowedUnderMode differences{path change impact beforeJson afterJson incompatibilities{rule}}incompatibilities{...IncompatibilityFields}}}fragment IncompatibilityFields on Incompatibility{path rule direction against message}`) as unknown as TypedDocumentString<SchemasDiffQuery, SchemasDiffQueryVariables>;
export const SchemasDeprecateDocument = new TypedDocumentString(`mutation SchemasDeprecate($recordType:String!$version:Int!$reason:String!){deprecateSchemaVersion(recordType:$recordType version:$version reason:$reason){version state}}`) as unknown as TypedDocumentString<SchemasDeprecateMutation, SchemasDeprecateMutationVariables>;
export const SchemasRetireDocument = new TypedDocumentString(`mutation SchemasRetire($recordType:String!$version:Int!$reason:String!){retireSchemaVersion(recordType:$recordType version:$version reason:$reason){version state}}`) as unknown as TypedDocumentString<SchemasRetireMutation, SchemasRetireMutationVariables>;
export const SchemasSetCompatibilityDocument = new TypedDocumentString(`mutation SchemasSetCompatibility($recordType:String!$mode:String!$reason:String!){setCompatibility(recordType:$recordType mode:$mode reason:$reason)}`) as unknown as TypedDocumentString<SchemasSetCompatibilityMutation, SchemasSetCompatibilityMutationVariables>;
export const SchemasRegistryDocument = new TypedDocumentString(`query SchemasRegistry{schemas{recordType compatibility versions{...SchemaVersionProposal decidedAt decidedBy decisionReason schemaJson}}}fragment SchemaVersionProposal on SchemaVersion{version state proposedAt proposedBy proposalReason}`) as unknown as TypedDocumentString<SchemasRegistryQuery, SchemasRegistryQueryVariables>;
export const SchemasCheckCompatibilityDocument = new TypedDocumentString(`query SchemasCheckCompatibility($recordType:String!$schema:String!){checkCompatibility(recordType:$recordType schema:$schema){compatible version mode checkedAgainst incompatibilities{...IncompatibilityFields schemaPath}}}fragment IncompatibilityFields on Incompatibility{path rule direction against message}`) as unknown as TypedDocumentString<SchemasCheckCompatibilityQuery, SchemasCheckCompatibilityQueryVariables>;
export const SchemasApproveDocument = new TypedDocumentString(`mutation SchemasApprove($recordType:String!$version:Int!$reason:String!){approveSchemaVersion(recordType:$recordType version:$version reason:$reason){recordType version state}}`) as unknown as TypedDocumentString<SchemasApproveMutation, SchemasApproveMutationVariables>;
export const SchemasRejectDocument = new TypedDocumentString(`mutation SchemasReject($recordType:String!$version:Int!$reason:String!){rejectSchemaVersion(recordType:$recordType version:$version reason:$reason){recordType version state}}`) as unknown as TypedDocumentString<SchemasRejectMutation, SchemasRejectMutationVariables>;
export const MyLastAuditEntryDocument = new TypedDocumentString(`query MyLastAuditEntry{myAuditEntries(first:1){...AuditEntryFields}}fragment AuditEntryFields on AuditEntry{seq at kind outcome agencyId clientId purpose subjectId details person{name}}`) as unknown as TypedDocumentString<MyLastAuditEntryQuery, MyLastAuditEntryQueryVariables>;