/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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
  /** Entries before this time */
  to?: string | null | undefined;
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

export type PurposeInput = {
  /** Lower-case letters, digits and dashes, e.g. social-assistance */
  code: string;
  legalBasis: string;
  /** Why it is registered, up to 500 characters; kept in the audit entry */
  reason?: string | null | undefined;
  title: string;
};

export type MyAuditEntriesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAuditEntriesQuery = { myAuditEntries: Array<{ seq: number, at: string, kind: string, outcome: string, agencyId: string, clientId: string, purpose: string | null, subjectId: string | null, details: string, person: { name: string } | null }> };

export type AuditCitizenAccessLogQueryVariables = Exact<{
  nationalId: string;
  first: number;
  after?: string | null | undefined;
}>;


export type AuditCitizenAccessLogQuery = { accessLog: { nextCursor: string | null, entries: Array<{ entryId: string, at: string, kind: string, outcome: string, agencyId: string, agencyName: string | null, clientName: string | null, purpose: string | null, purposeTitle: string | null, reference: string | null, sectionsReturned: Array<string>, sectionsDenied: Array<string>, discloseAfter: string | null, previewOf: string | null, person: { name: string, statedBy: string } | null }> } };

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

export const MyAuditEntriesDocument = new TypedDocumentString(`
    query MyAuditEntries {
  myAuditEntries(first: 20) {
    seq
    at
    kind
    outcome
    agencyId
    clientId
    purpose
    subjectId
    details
    person {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<MyAuditEntriesQuery, MyAuditEntriesQueryVariables>;
export const AuditCitizenAccessLogDocument = new TypedDocumentString(`
    query AuditCitizenAccessLog($nationalId: ID!, $first: Int!, $after: String) {
  accessLog(nationalId: $nationalId, first: $first, after: $after) {
    entries {
      entryId
      at
      kind
      outcome
      agencyId
      agencyName
      clientName
      person {
        name
        statedBy
      }
      purpose
      purposeTitle
      reference
      sectionsReturned
      sectionsDenied
      discloseAfter
      previewOf
    }
    nextCursor
  }
}
    `) as unknown as TypedDocumentString<AuditCitizenAccessLogQuery, AuditCitizenAccessLogQueryVariables>;
export const AuditExplorerEntriesDocument = new TypedDocumentString(`
    query AuditExplorerEntries($filter: AuditFilter, $first: Int!, $after: String) {
  auditEntries(filter: $filter, first: $first, after: $after) {
    entries {
      seq
      at
      kind
      outcome
      agencyId
      clientId
      subjectId
      purpose
      details
      hash
      person {
        name
        statedBy
      }
    }
    nextCursor
  }
}
    `) as unknown as TypedDocumentString<AuditExplorerEntriesQuery, AuditExplorerEntriesQueryVariables>;
export const AuditChainStatusDocument = new TypedDocumentString(`
    query AuditChainStatus {
  auditStatus {
    lastCheckpoint {
      seq
      signedAt
      keyId
      hash
    }
    lastVerification {
      ok
      verifiedAt
      entries
      checkpoints
      problem
      seq
      message
    }
    publicKey
  }
}
    `) as unknown as TypedDocumentString<AuditChainStatusQuery, AuditChainStatusQueryVariables>;
export const AuditChainVerifyDocument = new TypedDocumentString(`
    mutation AuditChainVerify {
  verifyAuditLog {
    ok
    verifiedAt
    entries
    checkpoints
    problem
    seq
    message
  }
}
    `) as unknown as TypedDocumentString<AuditChainVerifyMutation, AuditChainVerifyMutationVariables>;
export const AuditGrantsMatrixDocument = new TypedDocumentString(`
    query AuditGrantsMatrix {
  grants {
    id
    agencyId
    section
    purpose
    fields
    validFrom
    validUntil
    requiresOfficer
    grantedBy
    reason
  }
  grantUsage {
    grant {
      id
    }
    lastUsedAt
  }
  grantableSections {
    name
    fields
  }
  purposes {
    code
    title
    retiredAt
  }
  clients {
    agencyId
    agencyName
    role
  }
}
    `) as unknown as TypedDocumentString<AuditGrantsMatrixQuery, AuditGrantsMatrixQueryVariables>;
export const AuditGrantAccessDocument = new TypedDocumentString(`
    mutation AuditGrantAccess($input: GrantInput!) {
  grantAccess(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AuditGrantAccessMutation, AuditGrantAccessMutationVariables>;
export const AuditRevokeGrantDocument = new TypedDocumentString(`
    mutation AuditRevokeGrant($id: ID!, $reason: String!) {
  revokeGrant(id: $id, reason: $reason) {
    id
  }
}
    `) as unknown as TypedDocumentString<AuditRevokeGrantMutation, AuditRevokeGrantMutationVariables>;
export const AuditPreviewAsAgencyDocument = new TypedDocumentString(`
    query AuditPreviewAsAgency($agencyId: String!, $purpose: String!, $nationalId: ID!) {
  previewAsAgency(agencyId: $agencyId, purpose: $purpose, nationalId: $nationalId) {
    nationalId
    person {
      name {
        latin {
          familyName
          givenName
        }
        khmer {
          familyName
          givenName
        }
      }
      dateOfBirth
      alive
    }
    address {
      province {
        khmer
        latin
      }
      since
    }
    vehicles {
      plateNumber
      make
      model
    }
    landTitles {
      titleNumber
    }
    businesses {
      registrationNumber
      name {
        english
      }
    }
    taxpayer {
      tin
      status
    }
    lifeEvents {
      eventType
      date
    }
  }
}
    `) as unknown as TypedDocumentString<AuditPreviewAsAgencyQuery, AuditPreviewAsAgencyQueryVariables>;
export const AuditPurposesDocument = new TypedDocumentString(`
    query AuditPurposes {
  purposes {
    code
    title
    legalBasis
    createdAt
    retiredAt
    discloseAfterDays
    disclosureBasis
  }
}
    `) as unknown as TypedDocumentString<AuditPurposesQuery, AuditPurposesQueryVariables>;
export const AuditRegisterPurposeDocument = new TypedDocumentString(`
    mutation AuditRegisterPurpose($input: PurposeInput!) {
  registerPurpose(input: $input) {
    code
  }
}
    `) as unknown as TypedDocumentString<AuditRegisterPurposeMutation, AuditRegisterPurposeMutationVariables>;
export const AuditRetirePurposeDocument = new TypedDocumentString(`
    mutation AuditRetirePurpose($code: String!, $reason: String!) {
  retirePurpose(code: $code, reason: $reason)
}
    `) as unknown as TypedDocumentString<AuditRetirePurposeMutation, AuditRetirePurposeMutationVariables>;
export const AuditSetPurposeDisclosureDocument = new TypedDocumentString(`
    mutation AuditSetPurposeDisclosure($code: String!, $discloseAfterDays: Int, $legalBasis: String, $reason: String) {
  setPurposeDisclosure(
    code: $code
    discloseAfterDays: $discloseAfterDays
    legalBasis: $legalBasis
    reason: $reason
  ) {
    code
  }
}
    `) as unknown as TypedDocumentString<AuditSetPurposeDisclosureMutation, AuditSetPurposeDisclosureMutationVariables>;
export const AuditVerificationLocksDocument = new TypedDocumentString(`
    query AuditVerificationLocks($nationalId: ID) {
  verificationLocks(nationalId: $nationalId) {
    nationalId
    agencyId
    claim
    failures
    lockedUntil
  }
}
    `) as unknown as TypedDocumentString<AuditVerificationLocksQuery, AuditVerificationLocksQueryVariables>;
export const AuditLiftVerificationLockDocument = new TypedDocumentString(`
    mutation AuditLiftVerificationLock($nationalId: ID!, $reason: String!) {
  liftVerificationLock(nationalId: $nationalId, reason: $reason) {
    claim
  }
}
    `) as unknown as TypedDocumentString<AuditLiftVerificationLockMutation, AuditLiftVerificationLockMutationVariables>;
export const MyLastAuditEntryDocument = new TypedDocumentString(`
    query MyLastAuditEntry {
  myAuditEntries(first: 1) {
    seq
    at
    kind
    outcome
    agencyId
    clientId
    purpose
    subjectId
    details
    person {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<MyLastAuditEntryQuery, MyLastAuditEntryQueryVariables>;