/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type MyAuditEntriesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAuditEntriesQuery = { myAuditEntries: Array<{ seq: number, at: string, kind: string, outcome: string, agencyId: string, clientId: string, purpose: string | null, subjectId: string | null, details: string, person: { name: string } | null }> };

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