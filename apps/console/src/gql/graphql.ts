/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type MyAuditEntriesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAuditEntriesQuery = { myAuditEntries: Array<{ seq: number, at: string, kind: string, outcome: string, agencyId: string, clientId: string, purpose: string | null, subjectId: string | null, details: string, person: { name: string } | null }> };

export type SchemasDeadLettersQueryVariables = Exact<{
  group?: string | null | undefined;
  recordType?: string | null | undefined;
  code?: string | null | undefined;
  source?: string | null | undefined;
  status?: string | null | undefined;
}>;


export type SchemasDeadLettersQuery = { deadLetters: Array<{ id: string, group: string, recordType: string, schemaVersion: number | null, code: string, reason: string, source: string | null, recordId: string | null, eventId: string | null, attempts: number, lastFailedAt: string, status: string, replayRequestedAt: string | null, resolvedAt: string | null }> };

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

export type SchemasApproveMutationVariables = Exact<{
  recordType: string;
  version: number;
  reason: string;
}>;


export type SchemasApproveMutation = { approveSchemaVersion: { version: number, state: string } };

export type SchemasRejectMutationVariables = Exact<{
  recordType: string;
  version: number;
  reason: string;
}>;


export type SchemasRejectMutation = { rejectSchemaVersion: { version: number, state: string } };

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


export type SchemasRegistryQuery = { schemas: Array<{ recordType: string, compatibility: string, versions: Array<{ version: number, state: string, proposedAt: string, proposedBy: string, proposalReason: string, decidedAt: string | null, decidedBy: string | null, decisionReason: string | null, schemaJson: string }> }> };

export type SchemasCheckCompatibilityQueryVariables = Exact<{
  recordType: string;
  schema: string;
}>;


export type SchemasCheckCompatibilityQuery = { checkCompatibility: { compatible: boolean, version: number, mode: string, checkedAgainst: Array<number>, incompatibilities: Array<{ path: string, rule: string, direction: string, against: number, message: string, schemaPath: string }> } };

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
export const SchemasDeadLettersDocument = new TypedDocumentString(`
    query SchemasDeadLetters($group: String, $recordType: String, $code: String, $source: String, $status: String) {
  deadLetters(
    group: $group
    recordType: $recordType
    code: $code
    source: $source
    status: $status
    first: 1000
  ) {
    id
    group
    recordType
    schemaVersion
    code
    reason
    source
    recordId
    eventId
    attempts
    lastFailedAt
    status
    replayRequestedAt
    resolvedAt
  }
}
    `) as unknown as TypedDocumentString<SchemasDeadLettersQuery, SchemasDeadLettersQueryVariables>;
export const SchemasReplayDeadLettersDocument = new TypedDocumentString(`
    mutation SchemasReplayDeadLetters($group: String, $recordType: String, $code: String, $source: String, $reason: String, $dryRun: Boolean) {
  replayDeadLetters(
    group: $group
    recordType: $recordType
    code: $code
    source: $source
    reason: $reason
    dryRun: $dryRun
  ) {
    requested
    groups
  }
}
    `) as unknown as TypedDocumentString<SchemasReplayDeadLettersMutation, SchemasReplayDeadLettersMutationVariables>;
export const SchemasLineageDocument = new TypedDocumentString(`
    query SchemasLineage {
  lineage {
    party
    role
    recordType
    schemaVersion
    firstSeen
    lastSeen
  }
}
    `) as unknown as TypedDocumentString<SchemasLineageQuery, SchemasLineageQueryVariables>;
export const SchemasProposeDocument = new TypedDocumentString(`
    mutation SchemasPropose($recordType: String!, $schema: String!, $reason: String!) {
  proposeSchemaVersion(recordType: $recordType, schema: $schema, reason: $reason) {
    recordType
    version
    state
  }
}
    `) as unknown as TypedDocumentString<SchemasProposeMutation, SchemasProposeMutationVariables>;
export const SchemasDryRunIntakeDocument = new TypedDocumentString(`
    query SchemasDryRunIntake($recordType: String!, $version: Int!, $records: String!) {
  dryRunIntake(recordType: $recordType, version: $version, records: $records) {
    recordType
    version
    valid
    invalid
    issues {
      index
      path
      rule
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SchemasDryRunIntakeQuery, SchemasDryRunIntakeQueryVariables>;
export const SchemasChangesDocument = new TypedDocumentString(`
    query SchemasChanges($recordType: String!) {
  schemaChanges(recordType: $recordType) {
    action
    actor
    at
    reason
    version
  }
}
    `) as unknown as TypedDocumentString<SchemasChangesQuery, SchemasChangesQueryVariables>;
export const SchemasDiffDocument = new TypedDocumentString(`
    query SchemasDiff($recordType: String!, $from: Int!, $to: Int!) {
  schemaDiff(recordType: $recordType, from: $from, to: $to) {
    from
    to
    impact
    mode
    allowedUnderMode
    differences {
      path
      change
      impact
      beforeJson
      afterJson
      incompatibilities {
        rule
      }
    }
    incompatibilities {
      path
      rule
      direction
      against
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SchemasDiffQuery, SchemasDiffQueryVariables>;
export const SchemasApproveDocument = new TypedDocumentString(`
    mutation SchemasApprove($recordType: String!, $version: Int!, $reason: String!) {
  approveSchemaVersion(
    recordType: $recordType
    version: $version
    reason: $reason
  ) {
    version
    state
  }
}
    `) as unknown as TypedDocumentString<SchemasApproveMutation, SchemasApproveMutationVariables>;
export const SchemasRejectDocument = new TypedDocumentString(`
    mutation SchemasReject($recordType: String!, $version: Int!, $reason: String!) {
  rejectSchemaVersion(recordType: $recordType, version: $version, reason: $reason) {
    version
    state
  }
}
    `) as unknown as TypedDocumentString<SchemasRejectMutation, SchemasRejectMutationVariables>;
export const SchemasDeprecateDocument = new TypedDocumentString(`
    mutation SchemasDeprecate($recordType: String!, $version: Int!, $reason: String!) {
  deprecateSchemaVersion(
    recordType: $recordType
    version: $version
    reason: $reason
  ) {
    version
    state
  }
}
    `) as unknown as TypedDocumentString<SchemasDeprecateMutation, SchemasDeprecateMutationVariables>;
export const SchemasRetireDocument = new TypedDocumentString(`
    mutation SchemasRetire($recordType: String!, $version: Int!, $reason: String!) {
  retireSchemaVersion(recordType: $recordType, version: $version, reason: $reason) {
    version
    state
  }
}
    `) as unknown as TypedDocumentString<SchemasRetireMutation, SchemasRetireMutationVariables>;
export const SchemasSetCompatibilityDocument = new TypedDocumentString(`
    mutation SchemasSetCompatibility($recordType: String!, $mode: String!, $reason: String!) {
  setCompatibility(recordType: $recordType, mode: $mode, reason: $reason)
}
    `) as unknown as TypedDocumentString<SchemasSetCompatibilityMutation, SchemasSetCompatibilityMutationVariables>;
export const SchemasRegistryDocument = new TypedDocumentString(`
    query SchemasRegistry {
  schemas {
    recordType
    compatibility
    versions {
      version
      state
      proposedAt
      proposedBy
      proposalReason
      decidedAt
      decidedBy
      decisionReason
      schemaJson
    }
  }
}
    `) as unknown as TypedDocumentString<SchemasRegistryQuery, SchemasRegistryQueryVariables>;
export const SchemasCheckCompatibilityDocument = new TypedDocumentString(`
    query SchemasCheckCompatibility($recordType: String!, $schema: String!) {
  checkCompatibility(recordType: $recordType, schema: $schema) {
    compatible
    version
    mode
    checkedAgainst
    incompatibilities {
      path
      rule
      direction
      against
      message
      schemaPath
    }
  }
}
    `) as unknown as TypedDocumentString<SchemasCheckCompatibilityQuery, SchemasCheckCompatibilityQueryVariables>;
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