/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

/** A name as written on a form, in Latin letters or Khmer script; case and spacing do not matter. */
export type NameClaim = {
  familyName: string;
  givenName: string;
};

export type MyAuditEntriesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAuditEntriesQuery = { myAuditEntries: Array<{ seq: number, at: string, kind: string, outcome: string, agencyId: string, clientId: string, purpose: string | null, subjectId: string | null, details: string, person: { name: string } | null }> };

export type DeskGrantsQueryVariables = Exact<{ [key: string]: never; }>;


export type DeskGrantsQuery = { grants: Array<{ id: string, purpose: string, section: string, fields: Array<string> | null, validUntil: string }>, purposes: Array<{ code: string, title: string, legalBasis: string }> };

export type DeskVerifyQueryVariables = Exact<{
  nationalId: string;
  purpose: string;
  reference?: string | null | undefined;
  claims: CitizenClaims;
}>;


export type DeskVerifyQuery = { verifyCitizen: { known: boolean, nationalId: string, name: boolean | null, dateOfBirth: boolean | null, alive: boolean | null, idCardNumber: boolean | null } };

export type DeskLookupQueryVariables = Exact<{
  nationalId: string;
  purpose: string;
  reference?: string | null | undefined;
  person: boolean;
  address: boolean;
  vehicles: boolean;
  landTitles: boolean;
  businesses: boolean;
  taxpayer: boolean;
  lifeEvents: boolean;
}>;


export type DeskLookupQuery = { citizen: { nationalId: string, person?: { nationalId: string, sex: string, dateOfBirth: string, alive: boolean, dateOfDeath: string | null, idCardNumber: string | null, name: { khmer: { familyName: string, givenName: string }, latin: { familyName: string, givenName: string } }, placeOfBirth: { province: { khmer: string | null, latin: string | null } } } | null, address?: { houseNumber: string | null, since: string, street: { khmer: string | null, latin: string | null } | null, village: { khmer: string | null, latin: string | null }, commune: { khmer: string | null, latin: string | null }, district: { khmer: string | null, latin: string | null }, province: { khmer: string | null, latin: string | null } } | null, vehicles?: Array<{ plateNumber: string, make: string, model: string, year: number, status: string, registrationDate: string }> | null, landTitles?: Array<{ titleNumber: string, areaSquareMetres: number, status: string, registrationDate: string }> | null, businesses?: Array<{ registrationNumber: string, legalForm: string, status: string, registrationDate: string, name: { khmer: string, english: string } }> | null, taxpayer?: { tin: string, type: string, status: string, registrationDate: string } | null, lifeEvents?: Array<{ eventType: string, date: string, registeredOn: string }> | null } | null };

export type MyRecordAccessLogQueryVariables = Exact<{
  nationalId: string;
  after?: string | null | undefined;
}>;


export type MyRecordAccessLogQuery = { accessLog: { nextCursor: string | null, entries: Array<{ entryId: string, at: string, kind: string, outcome: string, agencyId: string, agencyName: string | null, clientName: string | null, purpose: string | null, purposeTitle: string | null, reference: string | null, sectionsReturned: Array<string>, sectionsDenied: Array<string>, claimsFailed: Array<string>, claimsLocked: Array<string>, discloseAfter: string | null, previewOf: string | null, person: { name: string, statedBy: string } | null, question: { id: string, reason: string, askedAt: string, answer: string | null, answeredAt: string | null } | null }> } };

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
export const DeskGrantsDocument = new TypedDocumentString(`
    query DeskGrants {
  grants {
    id
    purpose
    section
    fields
    validUntil
  }
  purposes {
    code
    title
    legalBasis
  }
}
    `) as unknown as TypedDocumentString<DeskGrantsQuery, DeskGrantsQueryVariables>;
export const DeskVerifyDocument = new TypedDocumentString(`
    query DeskVerify($nationalId: ID!, $purpose: String!, $reference: String, $claims: CitizenClaims!) {
  verifyCitizen(
    nationalId: $nationalId
    purpose: $purpose
    reference: $reference
    claims: $claims
  ) {
    known
    nationalId
    name
    dateOfBirth
    alive
    idCardNumber
  }
}
    `) as unknown as TypedDocumentString<DeskVerifyQuery, DeskVerifyQueryVariables>;
export const DeskLookupDocument = new TypedDocumentString(`
    query DeskLookup($nationalId: ID!, $purpose: String!, $reference: String, $person: Boolean!, $address: Boolean!, $vehicles: Boolean!, $landTitles: Boolean!, $businesses: Boolean!, $taxpayer: Boolean!, $lifeEvents: Boolean!) {
  citizen(nationalId: $nationalId, purpose: $purpose, reference: $reference) {
    nationalId
    person @include(if: $person) {
      nationalId
      name {
        khmer {
          familyName
          givenName
        }
        latin {
          familyName
          givenName
        }
      }
      sex
      dateOfBirth
      alive
      dateOfDeath
      idCardNumber
      placeOfBirth {
        province {
          khmer
          latin
        }
      }
    }
    address @include(if: $address) {
      houseNumber
      street {
        khmer
        latin
      }
      village {
        khmer
        latin
      }
      commune {
        khmer
        latin
      }
      district {
        khmer
        latin
      }
      province {
        khmer
        latin
      }
      since
    }
    vehicles @include(if: $vehicles) {
      plateNumber
      make
      model
      year
      status
      registrationDate
    }
    landTitles @include(if: $landTitles) {
      titleNumber
      areaSquareMetres
      status
      registrationDate
    }
    businesses @include(if: $businesses) {
      registrationNumber
      name {
        khmer
        english
      }
      legalForm
      status
      registrationDate
    }
    taxpayer @include(if: $taxpayer) {
      tin
      type
      status
      registrationDate
    }
    lifeEvents @include(if: $lifeEvents) {
      eventType
      date
      registeredOn
    }
  }
}
    `) as unknown as TypedDocumentString<DeskLookupQuery, DeskLookupQueryVariables>;
export const MyRecordAccessLogDocument = new TypedDocumentString(`
    query MyRecordAccessLog($nationalId: ID!, $after: String) {
  accessLog(nationalId: $nationalId, first: 50, after: $after) {
    nextCursor
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
      claimsFailed
      claimsLocked
      discloseAfter
      previewOf
      question {
        id
        reason
        askedAt
        answer
        answeredAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyRecordAccessLogQuery, MyRecordAccessLogQueryVariables>;
export const MyRecordPurposesDocument = new TypedDocumentString(`
    query MyRecordPurposes {
  purposes {
    code
    legalBasis
  }
}
    `) as unknown as TypedDocumentString<MyRecordPurposesQuery, MyRecordPurposesQueryVariables>;
export const MyRecordQuestionAccessDocument = new TypedDocumentString(`
    mutation MyRecordQuestionAccess($entry: ID!, $reason: String!) {
  questionAccess(entry: $entry, reason: $reason) {
    id
    askedAt
  }
}
    `) as unknown as TypedDocumentString<MyRecordQuestionAccessMutation, MyRecordQuestionAccessMutationVariables>;
export const QuestionsListDocument = new TypedDocumentString(`
    query QuestionsList($answered: Boolean!) {
  accessQuestions(answered: $answered) {
    id
    entryId
    nationalId
    reason
    askedAt
    answer
    answeredAt
    entry {
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
    }
  }
}
    `) as unknown as TypedDocumentString<QuestionsListQuery, QuestionsListQueryVariables>;
export const QuestionsAnswerDocument = new TypedDocumentString(`
    mutation QuestionsAnswer($id: ID!, $answer: String!) {
  answerAccessQuestion(id: $id, answer: $answer) {
    id
    answeredAt
  }
}
    `) as unknown as TypedDocumentString<QuestionsAnswerMutation, QuestionsAnswerMutationVariables>;
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