/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query MyAuditEntries {\n    myAuditEntries(first: 20) {\n      seq\n      at\n      kind\n      outcome\n      agencyId\n      clientId\n      purpose\n      subjectId\n      details\n      person {\n        name\n      }\n    }\n  }\n": typeof types.MyAuditEntriesDocument,
    "\n  query AuditCitizenAccessLog($nationalId: ID!, $first: Int!, $after: String) {\n    accessLog(nationalId: $nationalId, first: $first, after: $after) {\n      entries {\n        entryId\n        at\n        kind\n        outcome\n        agencyId\n        agencyName\n        clientName\n        person {\n          name\n          statedBy\n        }\n        purpose\n        purposeTitle\n        reference\n        sectionsReturned\n        sectionsDenied\n        discloseAfter\n        previewOf\n      }\n      nextCursor\n    }\n  }\n": typeof types.AuditCitizenAccessLogDocument,
    "\n  query AuditExplorerEntries($filter: AuditFilter, $first: Int!, $after: String) {\n    auditEntries(filter: $filter, first: $first, after: $after) {\n      entries {\n        seq\n        at\n        kind\n        outcome\n        agencyId\n        clientId\n        subjectId\n        purpose\n        details\n        hash\n        person {\n          name\n          statedBy\n        }\n      }\n      nextCursor\n    }\n  }\n": typeof types.AuditExplorerEntriesDocument,
    "\n  query AuditChainStatus {\n    auditStatus {\n      lastCheckpoint {\n        seq\n        signedAt\n        keyId\n        hash\n      }\n      lastVerification {\n        ok\n        verifiedAt\n        entries\n        checkpoints\n        problem\n        seq\n        message\n      }\n      publicKey\n    }\n  }\n": typeof types.AuditChainStatusDocument,
    "\n  mutation AuditChainVerify {\n    verifyAuditLog {\n      ok\n      verifiedAt\n      entries\n      checkpoints\n      problem\n      seq\n      message\n    }\n  }\n": typeof types.AuditChainVerifyDocument,
    "\n  query AuditGrantsMatrix {\n    grants {\n      id\n      agencyId\n      section\n      purpose\n      fields\n      validFrom\n      validUntil\n      requiresOfficer\n      grantedBy\n      reason\n    }\n    grantUsage {\n      grant {\n        id\n      }\n      lastUsedAt\n    }\n    grantableSections {\n      name\n      fields\n    }\n    purposes {\n      code\n      title\n      retiredAt\n    }\n    clients {\n      agencyId\n      agencyName\n      role\n    }\n  }\n": typeof types.AuditGrantsMatrixDocument,
    "\n  mutation AuditGrantAccess($input: GrantInput!) {\n    grantAccess(input: $input) {\n      id\n    }\n  }\n": typeof types.AuditGrantAccessDocument,
    "\n  mutation AuditRevokeGrant($id: ID!, $reason: String!) {\n    revokeGrant(id: $id, reason: $reason) {\n      id\n    }\n  }\n": typeof types.AuditRevokeGrantDocument,
    "\n  query AuditPreviewAsAgency($agencyId: String!, $purpose: String!, $nationalId: ID!) {\n    previewAsAgency(agencyId: $agencyId, purpose: $purpose, nationalId: $nationalId) {\n      nationalId\n      person {\n        name {\n          latin {\n            familyName\n            givenName\n          }\n          khmer {\n            familyName\n            givenName\n          }\n        }\n        dateOfBirth\n        alive\n      }\n      address {\n        province {\n          khmer\n          latin\n        }\n        since\n      }\n      vehicles {\n        plateNumber\n        make\n        model\n      }\n      landTitles {\n        titleNumber\n      }\n      businesses {\n        registrationNumber\n        name {\n          english\n        }\n      }\n      taxpayer {\n        tin\n        status\n      }\n      lifeEvents {\n        eventType\n        date\n      }\n    }\n  }\n": typeof types.AuditPreviewAsAgencyDocument,
    "\n  query AuditPurposes {\n    purposes {\n      code\n      title\n      legalBasis\n      createdAt\n      retiredAt\n      discloseAfterDays\n      disclosureBasis\n    }\n  }\n": typeof types.AuditPurposesDocument,
    "\n  mutation AuditRegisterPurpose($input: PurposeInput!) {\n    registerPurpose(input: $input) {\n      code\n    }\n  }\n": typeof types.AuditRegisterPurposeDocument,
    "\n  mutation AuditRetirePurpose($code: String!, $reason: String!) {\n    retirePurpose(code: $code, reason: $reason)\n  }\n": typeof types.AuditRetirePurposeDocument,
    "\n  mutation AuditSetPurposeDisclosure(\n    $code: String!\n    $discloseAfterDays: Int\n    $legalBasis: String\n    $reason: String\n  ) {\n    setPurposeDisclosure(\n      code: $code\n      discloseAfterDays: $discloseAfterDays\n      legalBasis: $legalBasis\n      reason: $reason\n    ) {\n      code\n    }\n  }\n": typeof types.AuditSetPurposeDisclosureDocument,
    "\n  query AuditVerificationLocks($nationalId: ID) {\n    verificationLocks(nationalId: $nationalId) {\n      nationalId\n      agencyId\n      claim\n      failures\n      lockedUntil\n    }\n  }\n": typeof types.AuditVerificationLocksDocument,
    "\n  mutation AuditLiftVerificationLock($nationalId: ID!, $reason: String!) {\n    liftVerificationLock(nationalId: $nationalId, reason: $reason) {\n      claim\n    }\n  }\n": typeof types.AuditLiftVerificationLockDocument,
    "\n  query MyLastAuditEntry {\n    myAuditEntries(first: 1) {\n      seq\n      at\n      kind\n      outcome\n      agencyId\n      clientId\n      purpose\n      subjectId\n      details\n      person {\n        name\n      }\n    }\n  }\n": typeof types.MyLastAuditEntryDocument,
};
const documents: Documents = {
    "\n  query MyAuditEntries {\n    myAuditEntries(first: 20) {\n      seq\n      at\n      kind\n      outcome\n      agencyId\n      clientId\n      purpose\n      subjectId\n      details\n      person {\n        name\n      }\n    }\n  }\n": types.MyAuditEntriesDocument,
    "\n  query AuditCitizenAccessLog($nationalId: ID!, $first: Int!, $after: String) {\n    accessLog(nationalId: $nationalId, first: $first, after: $after) {\n      entries {\n        entryId\n        at\n        kind\n        outcome\n        agencyId\n        agencyName\n        clientName\n        person {\n          name\n          statedBy\n        }\n        purpose\n        purposeTitle\n        reference\n        sectionsReturned\n        sectionsDenied\n        discloseAfter\n        previewOf\n      }\n      nextCursor\n    }\n  }\n": types.AuditCitizenAccessLogDocument,
    "\n  query AuditExplorerEntries($filter: AuditFilter, $first: Int!, $after: String) {\n    auditEntries(filter: $filter, first: $first, after: $after) {\n      entries {\n        seq\n        at\n        kind\n        outcome\n        agencyId\n        clientId\n        subjectId\n        purpose\n        details\n        hash\n        person {\n          name\n          statedBy\n        }\n      }\n      nextCursor\n    }\n  }\n": types.AuditExplorerEntriesDocument,
    "\n  query AuditChainStatus {\n    auditStatus {\n      lastCheckpoint {\n        seq\n        signedAt\n        keyId\n        hash\n      }\n      lastVerification {\n        ok\n        verifiedAt\n        entries\n        checkpoints\n        problem\n        seq\n        message\n      }\n      publicKey\n    }\n  }\n": types.AuditChainStatusDocument,
    "\n  mutation AuditChainVerify {\n    verifyAuditLog {\n      ok\n      verifiedAt\n      entries\n      checkpoints\n      problem\n      seq\n      message\n    }\n  }\n": types.AuditChainVerifyDocument,
    "\n  query AuditGrantsMatrix {\n    grants {\n      id\n      agencyId\n      section\n      purpose\n      fields\n      validFrom\n      validUntil\n      requiresOfficer\n      grantedBy\n      reason\n    }\n    grantUsage {\n      grant {\n        id\n      }\n      lastUsedAt\n    }\n    grantableSections {\n      name\n      fields\n    }\n    purposes {\n      code\n      title\n      retiredAt\n    }\n    clients {\n      agencyId\n      agencyName\n      role\n    }\n  }\n": types.AuditGrantsMatrixDocument,
    "\n  mutation AuditGrantAccess($input: GrantInput!) {\n    grantAccess(input: $input) {\n      id\n    }\n  }\n": types.AuditGrantAccessDocument,
    "\n  mutation AuditRevokeGrant($id: ID!, $reason: String!) {\n    revokeGrant(id: $id, reason: $reason) {\n      id\n    }\n  }\n": types.AuditRevokeGrantDocument,
    "\n  query AuditPreviewAsAgency($agencyId: String!, $purpose: String!, $nationalId: ID!) {\n    previewAsAgency(agencyId: $agencyId, purpose: $purpose, nationalId: $nationalId) {\n      nationalId\n      person {\n        name {\n          latin {\n            familyName\n            givenName\n          }\n          khmer {\n            familyName\n            givenName\n          }\n        }\n        dateOfBirth\n        alive\n      }\n      address {\n        province {\n          khmer\n          latin\n        }\n        since\n      }\n      vehicles {\n        plateNumber\n        make\n        model\n      }\n      landTitles {\n        titleNumber\n      }\n      businesses {\n        registrationNumber\n        name {\n          english\n        }\n      }\n      taxpayer {\n        tin\n        status\n      }\n      lifeEvents {\n        eventType\n        date\n      }\n    }\n  }\n": types.AuditPreviewAsAgencyDocument,
    "\n  query AuditPurposes {\n    purposes {\n      code\n      title\n      legalBasis\n      createdAt\n      retiredAt\n      discloseAfterDays\n      disclosureBasis\n    }\n  }\n": types.AuditPurposesDocument,
    "\n  mutation AuditRegisterPurpose($input: PurposeInput!) {\n    registerPurpose(input: $input) {\n      code\n    }\n  }\n": types.AuditRegisterPurposeDocument,
    "\n  mutation AuditRetirePurpose($code: String!, $reason: String!) {\n    retirePurpose(code: $code, reason: $reason)\n  }\n": types.AuditRetirePurposeDocument,
    "\n  mutation AuditSetPurposeDisclosure(\n    $code: String!\n    $discloseAfterDays: Int\n    $legalBasis: String\n    $reason: String\n  ) {\n    setPurposeDisclosure(\n      code: $code\n      discloseAfterDays: $discloseAfterDays\n      legalBasis: $legalBasis\n      reason: $reason\n    ) {\n      code\n    }\n  }\n": types.AuditSetPurposeDisclosureDocument,
    "\n  query AuditVerificationLocks($nationalId: ID) {\n    verificationLocks(nationalId: $nationalId) {\n      nationalId\n      agencyId\n      claim\n      failures\n      lockedUntil\n    }\n  }\n": types.AuditVerificationLocksDocument,
    "\n  mutation AuditLiftVerificationLock($nationalId: ID!, $reason: String!) {\n    liftVerificationLock(nationalId: $nationalId, reason: $reason) {\n      claim\n    }\n  }\n": types.AuditLiftVerificationLockDocument,
    "\n  query MyLastAuditEntry {\n    myAuditEntries(first: 1) {\n      seq\n      at\n      kind\n      outcome\n      agencyId\n      clientId\n      purpose\n      subjectId\n      details\n      person {\n        name\n      }\n    }\n  }\n": types.MyLastAuditEntryDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAuditEntries {\n    myAuditEntries(first: 20) {\n      seq\n      at\n      kind\n      outcome\n      agencyId\n      clientId\n      purpose\n      subjectId\n      details\n      person {\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').MyAuditEntriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditCitizenAccessLog($nationalId: ID!, $first: Int!, $after: String) {\n    accessLog(nationalId: $nationalId, first: $first, after: $after) {\n      entries {\n        entryId\n        at\n        kind\n        outcome\n        agencyId\n        agencyName\n        clientName\n        person {\n          name\n          statedBy\n        }\n        purpose\n        purposeTitle\n        reference\n        sectionsReturned\n        sectionsDenied\n        discloseAfter\n        previewOf\n      }\n      nextCursor\n    }\n  }\n"): typeof import('./graphql').AuditCitizenAccessLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditExplorerEntries($filter: AuditFilter, $first: Int!, $after: String) {\n    auditEntries(filter: $filter, first: $first, after: $after) {\n      entries {\n        seq\n        at\n        kind\n        outcome\n        agencyId\n        clientId\n        subjectId\n        purpose\n        details\n        hash\n        person {\n          name\n          statedBy\n        }\n      }\n      nextCursor\n    }\n  }\n"): typeof import('./graphql').AuditExplorerEntriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditChainStatus {\n    auditStatus {\n      lastCheckpoint {\n        seq\n        signedAt\n        keyId\n        hash\n      }\n      lastVerification {\n        ok\n        verifiedAt\n        entries\n        checkpoints\n        problem\n        seq\n        message\n      }\n      publicKey\n    }\n  }\n"): typeof import('./graphql').AuditChainStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditChainVerify {\n    verifyAuditLog {\n      ok\n      verifiedAt\n      entries\n      checkpoints\n      problem\n      seq\n      message\n    }\n  }\n"): typeof import('./graphql').AuditChainVerifyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditGrantsMatrix {\n    grants {\n      id\n      agencyId\n      section\n      purpose\n      fields\n      validFrom\n      validUntil\n      requiresOfficer\n      grantedBy\n      reason\n    }\n    grantUsage {\n      grant {\n        id\n      }\n      lastUsedAt\n    }\n    grantableSections {\n      name\n      fields\n    }\n    purposes {\n      code\n      title\n      retiredAt\n    }\n    clients {\n      agencyId\n      agencyName\n      role\n    }\n  }\n"): typeof import('./graphql').AuditGrantsMatrixDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditGrantAccess($input: GrantInput!) {\n    grantAccess(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').AuditGrantAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditRevokeGrant($id: ID!, $reason: String!) {\n    revokeGrant(id: $id, reason: $reason) {\n      id\n    }\n  }\n"): typeof import('./graphql').AuditRevokeGrantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditPreviewAsAgency($agencyId: String!, $purpose: String!, $nationalId: ID!) {\n    previewAsAgency(agencyId: $agencyId, purpose: $purpose, nationalId: $nationalId) {\n      nationalId\n      person {\n        name {\n          latin {\n            familyName\n            givenName\n          }\n          khmer {\n            familyName\n            givenName\n          }\n        }\n        dateOfBirth\n        alive\n      }\n      address {\n        province {\n          khmer\n          latin\n        }\n        since\n      }\n      vehicles {\n        plateNumber\n        make\n        model\n      }\n      landTitles {\n        titleNumber\n      }\n      businesses {\n        registrationNumber\n        name {\n          english\n        }\n      }\n      taxpayer {\n        tin\n        status\n      }\n      lifeEvents {\n        eventType\n        date\n      }\n    }\n  }\n"): typeof import('./graphql').AuditPreviewAsAgencyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditPurposes {\n    purposes {\n      code\n      title\n      legalBasis\n      createdAt\n      retiredAt\n      discloseAfterDays\n      disclosureBasis\n    }\n  }\n"): typeof import('./graphql').AuditPurposesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditRegisterPurpose($input: PurposeInput!) {\n    registerPurpose(input: $input) {\n      code\n    }\n  }\n"): typeof import('./graphql').AuditRegisterPurposeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditRetirePurpose($code: String!, $reason: String!) {\n    retirePurpose(code: $code, reason: $reason)\n  }\n"): typeof import('./graphql').AuditRetirePurposeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditSetPurposeDisclosure(\n    $code: String!\n    $discloseAfterDays: Int\n    $legalBasis: String\n    $reason: String\n  ) {\n    setPurposeDisclosure(\n      code: $code\n      discloseAfterDays: $discloseAfterDays\n      legalBasis: $legalBasis\n      reason: $reason\n    ) {\n      code\n    }\n  }\n"): typeof import('./graphql').AuditSetPurposeDisclosureDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditVerificationLocks($nationalId: ID) {\n    verificationLocks(nationalId: $nationalId) {\n      nationalId\n      agencyId\n      claim\n      failures\n      lockedUntil\n    }\n  }\n"): typeof import('./graphql').AuditVerificationLocksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditLiftVerificationLock($nationalId: ID!, $reason: String!) {\n    liftVerificationLock(nationalId: $nationalId, reason: $reason) {\n      claim\n    }\n  }\n"): typeof import('./graphql').AuditLiftVerificationLockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyLastAuditEntry {\n    myAuditEntries(first: 1) {\n      seq\n      at\n      kind\n      outcome\n      agencyId\n      clientId\n      purpose\n      subjectId\n      details\n      person {\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').MyLastAuditEntryDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
