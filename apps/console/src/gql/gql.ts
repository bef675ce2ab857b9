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
    "\n  mutation AdaptersRegisterAdapter($input: RegisterAdapterInput!) {\n    registerAdapter(input: $input) {\n      name\n      state\n    }\n  }\n": typeof types.AdaptersRegisterAdapterDocument,
    "\n  query AdaptersDirectory {\n    adapters {\n      name\n      title\n      agencyId\n      state\n      registeredAt\n      registeredBy\n      decidedAt\n      decidedBy\n      decisionReason\n      consumerLag\n      deadLetters\n      refusedRecords\n      publishes {\n        recordType\n        schemaVersion\n        approved\n      }\n      consumes {\n        recordType\n        schemaVersion\n        approved\n      }\n    }\n    adapterKeys {\n      keyId\n      adapter\n      state\n      proposedAt\n      notAfter\n    }\n    consumerLag {\n      group\n      messages\n      seconds\n      error\n    }\n  }\n": typeof types.AdaptersDirectoryDocument,
    "\n  mutation AdaptersSuspendAdapter($name: String!, $reason: String!) {\n    suspendAdapter(name: $name, reason: $reason) {\n      name\n      state\n    }\n  }\n": typeof types.AdaptersSuspendAdapterDocument,
    "\n  mutation AdaptersRevokeKey($keyId: String!, $reason: String!) {\n    revokeAdapterKey(keyId: $keyId, reason: $reason) {\n      keyId\n      state\n    }\n  }\n": typeof types.AdaptersRevokeKeyDocument,
    "\n  query AdaptersClients {\n    clients {\n      clientId\n      name\n      agencyId\n      agencyName\n      role\n      adapter\n      createdAt\n      rotatedAt\n      previousSecretValidUntil\n      revokedAt\n      revokedBy\n      revokeReason\n      maskedNationalId\n    }\n    adapters {\n      name\n      agencyId\n      state\n    }\n  }\n": typeof types.AdaptersClientsDocument,
    "\n  mutation AdaptersCreateClient($input: NewClientInput!) {\n    createClient(input: $input) {\n      clientId\n      clientSecret\n      previousSecretValidUntil\n    }\n  }\n": typeof types.AdaptersCreateClientDocument,
    "\n  mutation AdaptersRotateClientSecret($clientId: ID!, $overlapHours: Int, $reason: String) {\n    rotateClientSecret(clientId: $clientId, overlapHours: $overlapHours, reason: $reason) {\n      clientId\n      clientSecret\n      previousSecretValidUntil\n    }\n  }\n": typeof types.AdaptersRotateClientSecretDocument,
    "\n  mutation AdaptersRevokeClient($clientId: ID!, $reason: String!) {\n    revokeClient(clientId: $clientId, reason: $reason) {\n      clientId\n      revokedAt\n    }\n  }\n": typeof types.AdaptersRevokeClientDocument,
    "\n  query AdaptersSystemHealth {\n    systemHealth {\n      checkedAt\n      healthy\n      components {\n        name\n        kind\n        healthy\n        state\n        lagMessages\n        lagSeconds\n        deadLetters\n        problems\n      }\n    }\n  }\n": typeof types.AdaptersSystemHealthDocument,
    "\n  query AdaptersInbox {\n    adapters {\n      name\n      title\n      agencyId\n      state\n      registeredAt\n      registeredBy\n      decidedAt\n      decidedBy\n      decisionReason\n      publishes {\n        recordType\n        schemaVersion\n        approved\n      }\n      consumes {\n        recordType\n        schemaVersion\n        approved\n      }\n    }\n    adapterKeys {\n      keyId\n      adapter\n      state\n      proposedAt\n      proposedBy\n      notAfter\n    }\n    schemas {\n      recordType\n      compatibility\n      versions {\n        version\n        state\n        proposedAt\n        proposedBy\n        proposalReason\n      }\n    }\n  }\n": typeof types.AdaptersInboxDocument,
    "\n  mutation AdaptersApproveKey($keyId: String!, $reason: String!, $overlapHours: Float) {\n    approveAdapterKey(keyId: $keyId, reason: $reason, overlapHours: $overlapHours) {\n      keyId\n      state\n    }\n  }\n": typeof types.AdaptersApproveKeyDocument,
    "\n  mutation AdaptersRefuseKey($keyId: String!, $reason: String!) {\n    revokeAdapterKey(keyId: $keyId, reason: $reason) {\n      keyId\n      state\n    }\n  }\n": typeof types.AdaptersRefuseKeyDocument,
    "\n  mutation AdaptersApproveSchemaVersion($recordType: String!, $version: Int!, $reason: String!) {\n    approveSchemaVersion(recordType: $recordType, version: $version, reason: $reason) {\n      recordType\n      version\n      state\n    }\n  }\n": typeof types.AdaptersApproveSchemaVersionDocument,
    "\n  mutation AdaptersRejectSchemaVersion($recordType: String!, $version: Int!, $reason: String!) {\n    rejectSchemaVersion(recordType: $recordType, version: $version, reason: $reason) {\n      recordType\n      version\n      state\n    }\n  }\n": typeof types.AdaptersRejectSchemaVersionDocument,
    "\n  query AdaptersMine {\n    adapters {\n      name\n      title\n      agencyId\n      state\n      registeredAt\n      registeredBy\n      decidedAt\n      decidedBy\n      decisionReason\n      consumerLag\n      deadLetters\n      refusedRecords\n      publishes {\n        recordType\n        schemaVersion\n        approved\n      }\n      consumes {\n        recordType\n        schemaVersion\n        approved\n      }\n    }\n    adapterKeys {\n      keyId\n      adapter\n      state\n      decidedAt\n      decidedBy\n      decisionReason\n    }\n    consumerLag {\n      group\n      messages\n      seconds\n      error\n    }\n    schemas {\n      recordType\n    }\n  }\n": typeof types.AdaptersMineDocument,
    "\n  query AdaptersOrphans($first: Int!, $offset: Int!, $recordType: String) {\n    orphans(first: $first, offset: $offset, recordType: $recordType) {\n      recordType\n      recordId\n      source\n      appliedAt\n    }\n    schemas {\n      recordType\n    }\n  }\n": typeof types.AdaptersOrphansDocument,
    "\n  mutation AdaptersApproveAdapter($name: String!, $reason: String!) {\n    approveAdapter(name: $name, reason: $reason) {\n      name\n      state\n    }\n  }\n": typeof types.AdaptersApproveAdapterDocument,
    "\n  mutation AdaptersRejectAdapter($name: String!, $reason: String!) {\n    rejectAdapter(name: $name, reason: $reason) {\n      name\n      state\n    }\n  }\n": typeof types.AdaptersRejectAdapterDocument,
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
    "\n  query DeskGrants {\n    grants {\n      id\n      purpose\n      section\n      fields\n      validUntil\n    }\n    purposes {\n      code\n      title\n      legalBasis\n    }\n  }\n": typeof types.DeskGrantsDocument,
    "\n  query DeskVerify(\n    $nationalId: ID!\n    $purpose: String!\n    $reference: String\n    $claims: CitizenClaims!\n  ) {\n    verifyCitizen(\n      nationalId: $nationalId\n      purpose: $purpose\n      reference: $reference\n      claims: $claims\n    ) {\n      known\n      nationalId\n      name\n      dateOfBirth\n      alive\n      idCardNumber\n    }\n  }\n": typeof types.DeskVerifyDocument,
    "\n  query DeskLookup(\n    $nationalId: ID!\n    $purpose: String!\n    $reference: String\n    $person: Boolean!\n    $address: Boolean!\n    $vehicles: Boolean!\n    $landTitles: Boolean!\n    $businesses: Boolean!\n    $taxpayer: Boolean!\n    $lifeEvents: Boolean!\n  ) {\n    citizen(nationalId: $nationalId, purpose: $purpose, reference: $reference) {\n      nationalId\n      person @include(if: $person) {\n        nationalId\n        name {\n          khmer {\n            familyName\n            givenName\n          }\n          latin {\n            familyName\n            givenName\n          }\n        }\n        sex\n        dateOfBirth\n        alive\n        dateOfDeath\n        idCardNumber\n        placeOfBirth {\n          province {\n            khmer\n            latin\n          }\n        }\n      }\n      address @include(if: $address) {\n        houseNumber\n        street {\n          khmer\n          latin\n        }\n        village {\n          khmer\n          latin\n        }\n        commune {\n          khmer\n          latin\n        }\n        district {\n          khmer\n          latin\n        }\n        province {\n          khmer\n          latin\n        }\n        since\n      }\n      vehicles @include(if: $vehicles) {\n        plateNumber\n        make\n        model\n        year\n        status\n        registrationDate\n      }\n      landTitles @include(if: $landTitles) {\n        titleNumber\n        areaSquareMetres\n        status\n        registrationDate\n      }\n      businesses @include(if: $businesses) {\n        registrationNumber\n        name {\n          khmer\n          english\n        }\n        legalForm\n        status\n        registrationDate\n      }\n      taxpayer @include(if: $taxpayer) {\n        tin\n        type\n        status\n        registrationDate\n      }\n      lifeEvents @include(if: $lifeEvents) {\n        eventType\n        date\n        registeredOn\n      }\n    }\n  }\n": typeof types.DeskLookupDocument,
    "\n  query MyRecordAccessLog($nationalId: ID!, $after: String) {\n    accessLog(nationalId: $nationalId, first: 50, after: $after) {\n      nextCursor\n      entries {\n        entryId\n        at\n        kind\n        outcome\n        agencyId\n        agencyName\n        clientName\n        person {\n          name\n          statedBy\n        }\n        purpose\n        purposeTitle\n        reference\n        sectionsReturned\n        sectionsDenied\n        claimsFailed\n        claimsLocked\n        discloseAfter\n        previewOf\n        question {\n          id\n          reason\n          askedAt\n          answer\n          answeredAt\n        }\n      }\n    }\n  }\n": typeof types.MyRecordAccessLogDocument,
    "\n  query MyRecordPurposes {\n    purposes {\n      code\n      legalBasis\n    }\n  }\n": typeof types.MyRecordPurposesDocument,
    "\n  mutation MyRecordQuestionAccess($entry: ID!, $reason: String!) {\n    questionAccess(entry: $entry, reason: $reason) {\n      id\n      askedAt\n    }\n  }\n": typeof types.MyRecordQuestionAccessDocument,
    "\n  query QuestionsList($answered: Boolean!) {\n    accessQuestions(answered: $answered) {\n      id\n      entryId\n      nationalId\n      reason\n      askedAt\n      answer\n      answeredAt\n      entry {\n        at\n        kind\n        outcome\n        agencyId\n        agencyName\n        clientName\n        person {\n          name\n          statedBy\n        }\n        purpose\n        purposeTitle\n        reference\n        sectionsReturned\n        sectionsDenied\n      }\n    }\n  }\n": typeof types.QuestionsListDocument,
    "\n  mutation QuestionsAnswer($id: ID!, $answer: String!) {\n    answerAccessQuestion(id: $id, answer: $answer) {\n      id\n      answeredAt\n    }\n  }\n": typeof types.QuestionsAnswerDocument,
    "\n  query SchemasDeadLetters(\n    $group: String\n    $recordType: String\n    $code: String\n    $source: String\n    $status: String\n  ) {\n    deadLetters(\n      group: $group\n      recordType: $recordType\n      code: $code\n      source: $source\n      status: $status\n      first: 1000\n    ) {\n      id\n      group\n      recordType\n      schemaVersion\n      code\n      reason\n      source\n      recordId\n      eventId\n      attempts\n      lastFailedAt\n      status\n      replayRequestedAt\n      resolvedAt\n    }\n  }\n": typeof types.SchemasDeadLettersDocument,
    "\n  mutation SchemasReplayDeadLetters(\n    $group: String\n    $recordType: String\n    $code: String\n    $source: String\n    $reason: String\n    $dryRun: Boolean\n  ) {\n    replayDeadLetters(\n      group: $group\n      recordType: $recordType\n      code: $code\n      source: $source\n      reason: $reason\n      dryRun: $dryRun\n    ) {\n      requested\n      groups\n    }\n  }\n": typeof types.SchemasReplayDeadLettersDocument,
    "\n  query SchemasLineage {\n    lineage {\n      party\n      role\n      recordType\n      schemaVersion\n      firstSeen\n      lastSeen\n    }\n  }\n": typeof types.SchemasLineageDocument,
    "\n  mutation SchemasPropose($recordType: String!, $schema: String!, $reason: String!) {\n    proposeSchemaVersion(recordType: $recordType, schema: $schema, reason: $reason) {\n      recordType\n      version\n      state\n    }\n  }\n": typeof types.SchemasProposeDocument,
    "\n  query SchemasDryRunIntake($recordType: String!, $version: Int!, $records: String!) {\n    dryRunIntake(recordType: $recordType, version: $version, records: $records) {\n      recordType\n      version\n      valid\n      invalid\n      issues {\n        index\n        path\n        rule\n        message\n      }\n    }\n  }\n": typeof types.SchemasDryRunIntakeDocument,
    "\n  query SchemasChanges($recordType: String!) {\n    schemaChanges(recordType: $recordType) {\n      action\n      actor\n      at\n      reason\n      version\n    }\n  }\n": typeof types.SchemasChangesDocument,
    "\n  query SchemasDiff($recordType: String!, $from: Int!, $to: Int!) {\n    schemaDiff(recordType: $recordType, from: $from, to: $to) {\n      from\n      to\n      impact\n      mode\n      allowedUnderMode\n      differences {\n        path\n        change\n        impact\n        beforeJson\n        afterJson\n        incompatibilities {\n          rule\n        }\n      }\n      incompatibilities {\n        path\n        rule\n        direction\n        against\n        message\n      }\n    }\n  }\n": typeof types.SchemasDiffDocument,
    "\n  mutation SchemasApprove($recordType: String!, $version: Int!, $reason: String!) {\n    approveSchemaVersion(recordType: $recordType, version: $version, reason: $reason) {\n      version\n      state\n    }\n  }\n": typeof types.SchemasApproveDocument,
    "\n  mutation SchemasReject($recordType: String!, $version: Int!, $reason: String!) {\n    rejectSchemaVersion(recordType: $recordType, version: $version, reason: $reason) {\n      version\n      state\n    }\n  }\n": typeof types.SchemasRejectDocument,
    "\n  mutation SchemasDeprecate($recordType: String!, $version: Int!, $reason: String!) {\n    deprecateSchemaVersion(recordType: $recordType, version: $version, reason: $reason) {\n      version\n      state\n    }\n  }\n": typeof types.SchemasDeprecateDocument,
    "\n  mutation SchemasRetire($recordType: String!, $version: Int!, $reason: String!) {\n    retireSchemaVersion(recordType: $recordType, version: $version, reason: $reason) {\n      version\n      state\n    }\n  }\n": typeof types.SchemasRetireDocument,
    "\n  mutation SchemasSetCompatibility($recordType: String!, $mode: String!, $reason: String!) {\n    setCompatibility(recordType: $recordType, mode: $mode, reason: $reason)\n  }\n": typeof types.SchemasSetCompatibilityDocument,
    "\n  query SchemasRegistry {\n    schemas {\n      recordType\n      compatibility\n      versions {\n        version\n        state\n        proposedAt\n        proposedBy\n        proposalReason\n        decidedAt\n        decidedBy\n        decisionReason\n        schemaJson\n      }\n    }\n  }\n": typeof types.SchemasRegistryDocument,
    "\n  query SchemasCheckCompatibility($recordType: String!, $schema: String!) {\n    checkCompatibility(recordType: $recordType, schema: $schema) {\n      compatible\n      version\n      mode\n      checkedAgainst\n      incompatibilities {\n        path\n        rule\n        direction\n        against\n        message\n        schemaPath\n      }\n    }\n  }\n": typeof types.SchemasCheckCompatibilityDocument,
    "\n  query MyLastAuditEntry {\n    myAuditEntries(first: 1) {\n      seq\n      at\n      kind\n      outcome\n      agencyId\n      clientId\n      purpose\n      subjectId\n      details\n      person {\n        name\n      }\n    }\n  }\n": typeof types.MyLastAuditEntryDocument,
};
const documents: Documents = {
    "\n  query MyAuditEntries {\n    myAuditEntries(first: 20) {\n      seq\n      at\n      kind\n      outcome\n      agencyId\n      clientId\n      purpose\n      subjectId\n      details\n      person {\n        name\n      }\n    }\n  }\n": types.MyAuditEntriesDocument,
    "\n  mutation AdaptersRegisterAdapter($input: RegisterAdapterInput!) {\n    registerAdapter(input: $input) {\n      name\n      state\n    }\n  }\n": types.AdaptersRegisterAdapterDocument,
    "\n  query AdaptersDirectory {\n    adapters {\n      name\n      title\n      agencyId\n      state\n      registeredAt\n      registeredBy\n      decidedAt\n      decidedBy\n      decisionReason\n      consumerLag\n      deadLetters\n      refusedRecords\n      publishes {\n        recordType\n        schemaVersion\n        approved\n      }\n      consumes {\n        recordType\n        schemaVersion\n        approved\n      }\n    }\n    adapterKeys {\n      keyId\n      adapter\n      state\n      proposedAt\n      notAfter\n    }\n    consumerLag {\n      group\n      messages\n      seconds\n      error\n    }\n  }\n": types.AdaptersDirectoryDocument,
    "\n  mutation AdaptersSuspendAdapter($name: String!, $reason: String!) {\n    suspendAdapter(name: $name, reason: $reason) {\n      name\n      state\n    }\n  }\n": types.AdaptersSuspendAdapterDocument,
    "\n  mutation AdaptersRevokeKey($keyId: String!, $reason: String!) {\n    revokeAdapterKey(keyId: $keyId, reason: $reason) {\n      keyId\n      state\n    }\n  }\n": types.AdaptersRevokeKeyDocument,
    "\n  query AdaptersClients {\n    clients {\n      clientId\n      name\n      agencyId\n      agencyName\n      role\n      adapter\n      createdAt\n      rotatedAt\n      previousSecretValidUntil\n      revokedAt\n      revokedBy\n      revokeReason\n      maskedNationalId\n    }\n    adapters {\n      name\n      agencyId\n      state\n    }\n  }\n": types.AdaptersClientsDocument,
    "\n  mutation AdaptersCreateClient($input: NewClientInput!) {\n    createClient(input: $input) {\n      clientId\n      clientSecret\n      previousSecretValidUntil\n    }\n  }\n": types.AdaptersCreateClientDocument,
    "\n  mutation AdaptersRotateClientSecret($clientId: ID!, $overlapHours: Int, $reason: String) {\n    rotateClientSecret(clientId: $clientId, overlapHours: $overlapHours, reason: $reason) {\n      clientId\n      clientSecret\n      previousSecretValidUntil\n    }\n  }\n": types.AdaptersRotateClientSecretDocument,
    "\n  mutation AdaptersRevokeClient($clientId: ID!, $reason: String!) {\n    revokeClient(clientId: $clientId, reason: $reason) {\n      clientId\n      revokedAt\n    }\n  }\n": types.AdaptersRevokeClientDocument,
    "\n  query AdaptersSystemHealth {\n    systemHealth {\n      checkedAt\n      healthy\n      components {\n        name\n        kind\n        healthy\n        state\n        lagMessages\n        lagSeconds\n        deadLetters\n        problems\n      }\n    }\n  }\n": types.AdaptersSystemHealthDocument,
    "\n  query AdaptersInbox {\n    adapters {\n      name\n      title\n      agencyId\n      state\n      registeredAt\n      registeredBy\n      decidedAt\n      decidedBy\n      decisionReason\n      publishes {\n        recordType\n        schemaVersion\n        approved\n      }\n      consumes {\n        recordType\n        schemaVersion\n        approved\n      }\n    }\n    adapterKeys {\n      keyId\n      adapter\n      state\n      proposedAt\n      proposedBy\n      notAfter\n    }\n    schemas {\n      recordType\n      compatibility\n      versions {\n        version\n        state\n        proposedAt\n        proposedBy\n        proposalReason\n      }\n    }\n  }\n": types.AdaptersInboxDocument,
    "\n  mutation AdaptersApproveKey($keyId: String!, $reason: String!, $overlapHours: Float) {\n    approveAdapterKey(keyId: $keyId, reason: $reason, overlapHours: $overlapHours) {\n      keyId\n      state\n    }\n  }\n": types.AdaptersApproveKeyDocument,
    "\n  mutation AdaptersRefuseKey($keyId: String!, $reason: String!) {\n    revokeAdapterKey(keyId: $keyId, reason: $reason) {\n      keyId\n      state\n    }\n  }\n": types.AdaptersRefuseKeyDocument,
    "\n  mutation AdaptersApproveSchemaVersion($recordType: String!, $version: Int!, $reason: String!) {\n    approveSchemaVersion(recordType: $recordType, version: $version, reason: $reason) {\n      recordType\n      version\n      state\n    }\n  }\n": types.AdaptersApproveSchemaVersionDocument,
    "\n  mutation AdaptersRejectSchemaVersion($recordType: String!, $version: Int!, $reason: String!) {\n    rejectSchemaVersion(recordType: $recordType, version: $version, reason: $reason) {\n      recordType\n      version\n      state\n    }\n  }\n": types.AdaptersRejectSchemaVersionDocument,
    "\n  query AdaptersMine {\n    adapters {\n      name\n      title\n      agencyId\n      state\n      registeredAt\n      registeredBy\n      decidedAt\n      decidedBy\n      decisionReason\n      consumerLag\n      deadLetters\n      refusedRecords\n      publishes {\n        recordType\n        schemaVersion\n        approved\n      }\n      consumes {\n        recordType\n        schemaVersion\n        approved\n      }\n    }\n    adapterKeys {\n      keyId\n      adapter\n      state\n      decidedAt\n      decidedBy\n      decisionReason\n    }\n    consumerLag {\n      group\n      messages\n      seconds\n      error\n    }\n    schemas {\n      recordType\n    }\n  }\n": types.AdaptersMineDocument,
    "\n  query AdaptersOrphans($first: Int!, $offset: Int!, $recordType: String) {\n    orphans(first: $first, offset: $offset, recordType: $recordType) {\n      recordType\n      recordId\n      source\n      appliedAt\n    }\n    schemas {\n      recordType\n    }\n  }\n": types.AdaptersOrphansDocument,
    "\n  mutation AdaptersApproveAdapter($name: String!, $reason: String!) {\n    approveAdapter(name: $name, reason: $reason) {\n      name\n      state\n    }\n  }\n": types.AdaptersApproveAdapterDocument,
    "\n  mutation AdaptersRejectAdapter($name: String!, $reason: String!) {\n    rejectAdapter(name: $name, reason: $reason) {\n      name\n      state\n    }\n  }\n": types.AdaptersRejectAdapterDocument,
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
    "\n  query DeskGrants {\n    grants {\n      id\n      purpose\n      section\n      fields\n      validUntil\n    }\n    purposes {\n      code\n      title\n      legalBasis\n    }\n  }\n": types.DeskGrantsDocument,
    "\n  query DeskVerify(\n    $nationalId: ID!\n    $purpose: String!\n    $reference: String\n    $claims: CitizenClaims!\n  ) {\n    verifyCitizen(\n      nationalId: $nationalId\n      purpose: $purpose\n      reference: $reference\n      claims: $claims\n    ) {\n      known\n      nationalId\n      name\n      dateOfBirth\n      alive\n      idCardNumber\n    }\n  }\n": types.DeskVerifyDocument,
    "\n  query DeskLookup(\n    $nationalId: ID!\n    $purpose: String!\n    $reference: String\n    $person: Boolean!\n    $address: Boolean!\n    $vehicles: Boolean!\n    $landTitles: Boolean!\n    $businesses: Boolean!\n    $taxpayer: Boolean!\n    $lifeEvents: Boolean!\n  ) {\n    citizen(nationalId: $nationalId, purpose: $purpose, reference: $reference) {\n      nationalId\n      person @include(if: $person) {\n        nationalId\n        name {\n          khmer {\n            familyName\n            givenName\n          }\n          latin {\n            familyName\n            givenName\n          }\n        }\n        sex\n        dateOfBirth\n        alive\n        dateOfDeath\n        idCardNumber\n        placeOfBirth {\n          province {\n            khmer\n            latin\n          }\n        }\n      }\n      address @include(if: $address) {\n        houseNumber\n        street {\n          khmer\n          latin\n        }\n        village {\n          khmer\n          latin\n        }\n        commune {\n          khmer\n          latin\n        }\n        district {\n          khmer\n          latin\n        }\n        province {\n          khmer\n          latin\n        }\n        since\n      }\n      vehicles @include(if: $vehicles) {\n        plateNumber\n        make\n        model\n        year\n        status\n        registrationDate\n      }\n      landTitles @include(if: $landTitles) {\n        titleNumber\n        areaSquareMetres\n        status\n        registrationDate\n      }\n      businesses @include(if: $businesses) {\n        registrationNumber\n        name {\n          khmer\n          english\n        }\n        legalForm\n        status\n        registrationDate\n      }\n      taxpayer @include(if: $taxpayer) {\n        tin\n        type\n        status\n        registrationDate\n      }\n      lifeEvents @include(if: $lifeEvents) {\n        eventType\n        date\n        registeredOn\n      }\n    }\n  }\n": types.DeskLookupDocument,
    "\n  query MyRecordAccessLog($nationalId: ID!, $after: String) {\n    accessLog(nationalId: $nationalId, first: 50, after: $after) {\n      nextCursor\n      entries {\n        entryId\n        at\n        kind\n        outcome\n        agencyId\n        agencyName\n        clientName\n        person {\n          name\n          statedBy\n        }\n        purpose\n        purposeTitle\n        reference\n        sectionsReturned\n        sectionsDenied\n        claimsFailed\n        claimsLocked\n        discloseAfter\n        previewOf\n        question {\n          id\n          reason\n          askedAt\n          answer\n          answeredAt\n        }\n      }\n    }\n  }\n": types.MyRecordAccessLogDocument,
    "\n  query MyRecordPurposes {\n    purposes {\n      code\n      legalBasis\n    }\n  }\n": types.MyRecordPurposesDocument,
    "\n  mutation MyRecordQuestionAccess($entry: ID!, $reason: String!) {\n    questionAccess(entry: $entry, reason: $reason) {\n      id\n      askedAt\n    }\n  }\n": types.MyRecordQuestionAccessDocument,
    "\n  query QuestionsList($answered: Boolean!) {\n    accessQuestions(answered: $answered) {\n      id\n      entryId\n      nationalId\n      reason\n      askedAt\n      answer\n      answeredAt\n      entry {\n        at\n        kind\n        outcome\n        agencyId\n        agencyName\n        clientName\n        person {\n          name\n          statedBy\n        }\n        purpose\n        purposeTitle\n        reference\n        sectionsReturned\n        sectionsDenied\n      }\n    }\n  }\n": types.QuestionsListDocument,
    "\n  mutation QuestionsAnswer($id: ID!, $answer: String!) {\n    answerAccessQuestion(id: $id, answer: $answer) {\n      id\n      answeredAt\n    }\n  }\n": types.QuestionsAnswerDocument,
    "\n  query SchemasDeadLetters(\n    $group: String\n    $recordType: String\n    $code: String\n    $source: String\n    $status: String\n  ) {\n    deadLetters(\n      group: $group\n      recordType: $recordType\n      code: $code\n      source: $source\n      status: $status\n      first: 1000\n    ) {\n      id\n      group\n      recordType\n      schemaVersion\n      code\n      reason\n      source\n      recordId\n      eventId\n      attempts\n      lastFailedAt\n      status\n      replayRequestedAt\n      resolvedAt\n    }\n  }\n": types.SchemasDeadLettersDocument,
    "\n  mutation SchemasReplayDeadLetters(\n    $group: String\n    $recordType: String\n    $code: String\n    $source: String\n    $reason: String\n    $dryRun: Boolean\n  ) {\n    replayDeadLetters(\n      group: $group\n      recordType: $recordType\n      code: $code\n      source: $source\n      reason: $reason\n      dryRun: $dryRun\n    ) {\n      requested\n      groups\n    }\n  }\n": types.SchemasReplayDeadLettersDocument,
    "\n  query SchemasLineage {\n    lineage {\n      party\n      role\n      recordType\n      schemaVersion\n      firstSeen\n      lastSeen\n    }\n  }\n": types.SchemasLineageDocument,
    "\n  mutation SchemasPropose($recordType: String!, $schema: String!, $reason: String!) {\n    proposeSchemaVersion(recordType: $recordType, schema: $schema, reason: $reason) {\n      recordType\n      version\n      state\n    }\n  }\n": types.SchemasProposeDocument,
    "\n  query SchemasDryRunIntake($recordType: String!, $version: Int!, $records: String!) {\n    dryRunIntake(recordType: $recordType, version: $version, records: $records) {\n      recordType\n      version\n      valid\n      invalid\n      issues {\n        index\n        path\n        rule\n        message\n      }\n    }\n  }\n": types.SchemasDryRunIntakeDocument,
    "\n  query SchemasChanges($recordType: String!) {\n    schemaChanges(recordType: $recordType) {\n      action\n      actor\n      at\n      reason\n      version\n    }\n  }\n": types.SchemasChangesDocument,
    "\n  query SchemasDiff($recordType: String!, $from: Int!, $to: Int!) {\n    schemaDiff(recordType: $recordType, from: $from, to: $to) {\n      from\n      to\n      impact\n      mode\n      allowedUnderMode\n      differences {\n        path\n        change\n        impact\n        beforeJson\n        afterJson\n        incompatibilities {\n          rule\n        }\n      }\n      incompatibilities {\n        path\n        rule\n        direction\n        against\n        message\n      }\n    }\n  }\n": types.SchemasDiffDocument,
    "\n  mutation SchemasApprove($recordType: String!, $version: Int!, $reason: String!) {\n    approveSchemaVersion(recordType: $recordType, version: $version, reason: $reason) {\n      version\n      state\n    }\n  }\n": types.SchemasApproveDocument,
    "\n  mutation SchemasReject($recordType: String!, $version: Int!, $reason: String!) {\n    rejectSchemaVersion(recordType: $recordType, version: $version, reason: $reason) {\n      version\n      state\n    }\n  }\n": types.SchemasRejectDocument,
    "\n  mutation SchemasDeprecate($recordType: String!, $version: Int!, $reason: String!) {\n    deprecateSchemaVersion(recordType: $recordType, version: $version, reason: $reason) {\n      version\n      state\n    }\n  }\n": types.SchemasDeprecateDocument,
    "\n  mutation SchemasRetire($recordType: String!, $version: Int!, $reason: String!) {\n    retireSchemaVersion(recordType: $recordType, version: $version, reason: $reason) {\n      version\n      state\n    }\n  }\n": types.SchemasRetireDocument,
    "\n  mutation SchemasSetCompatibility($recordType: String!, $mode: String!, $reason: String!) {\n    setCompatibility(recordType: $recordType, mode: $mode, reason: $reason)\n  }\n": types.SchemasSetCompatibilityDocument,
    "\n  query SchemasRegistry {\n    schemas {\n      recordType\n      compatibility\n      versions {\n        version\n        state\n        proposedAt\n        proposedBy\n        proposalReason\n        decidedAt\n        decidedBy\n        decisionReason\n        schemaJson\n      }\n    }\n  }\n": types.SchemasRegistryDocument,
    "\n  query SchemasCheckCompatibility($recordType: String!, $schema: String!) {\n    checkCompatibility(recordType: $recordType, schema: $schema) {\n      compatible\n      version\n      mode\n      checkedAgainst\n      incompatibilities {\n        path\n        rule\n        direction\n        against\n        message\n        schemaPath\n      }\n    }\n  }\n": types.SchemasCheckCompatibilityDocument,
    "\n  query MyLastAuditEntry {\n    myAuditEntries(first: 1) {\n      seq\n      at\n      kind\n      outcome\n      agencyId\n      clientId\n      purpose\n      subjectId\n      details\n      person {\n        name\n      }\n    }\n  }\n": types.MyLastAuditEntryDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAuditEntries {\n    myAuditEntries(first: 20) {\n      seq\n      at\n      kind\n      outcome\n      agencyId\n      clientId\n      purpose\n      subjectId\n      details\n      person {\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').MyAuditEntriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdaptersRegisterAdapter($input: RegisterAdapterInput!) {\n    registerAdapter(input: $input) {\n      name\n      state\n    }\n  }\n"): typeof import('./graphql').AdaptersRegisterAdapterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdaptersDirectory {\n    adapters {\n      name\n      title\n      agencyId\n      state\n      registeredAt\n      registeredBy\n      decidedAt\n      decidedBy\n      decisionReason\n      consumerLag\n      deadLetters\n      refusedRecords\n      publishes {\n        recordType\n        schemaVersion\n        approved\n      }\n      consumes {\n        recordType\n        schemaVersion\n        approved\n      }\n    }\n    adapterKeys {\n      keyId\n      adapter\n      state\n      proposedAt\n      notAfter\n    }\n    consumerLag {\n      group\n      messages\n      seconds\n      error\n    }\n  }\n"): typeof import('./graphql').AdaptersDirectoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdaptersSuspendAdapter($name: String!, $reason: String!) {\n    suspendAdapter(name: $name, reason: $reason) {\n      name\n      state\n    }\n  }\n"): typeof import('./graphql').AdaptersSuspendAdapterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdaptersRevokeKey($keyId: String!, $reason: String!) {\n    revokeAdapterKey(keyId: $keyId, reason: $reason) {\n      keyId\n      state\n    }\n  }\n"): typeof import('./graphql').AdaptersRevokeKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdaptersClients {\n    clients {\n      clientId\n      name\n      agencyId\n      agencyName\n      role\n      adapter\n      createdAt\n      rotatedAt\n      previousSecretValidUntil\n      revokedAt\n      revokedBy\n      revokeReason\n      maskedNationalId\n    }\n    adapters {\n      name\n      agencyId\n      state\n    }\n  }\n"): typeof import('./graphql').AdaptersClientsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdaptersCreateClient($input: NewClientInput!) {\n    createClient(input: $input) {\n      clientId\n      clientSecret\n      previousSecretValidUntil\n    }\n  }\n"): typeof import('./graphql').AdaptersCreateClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdaptersRotateClientSecret($clientId: ID!, $overlapHours: Int, $reason: String) {\n    rotateClientSecret(clientId: $clientId, overlapHours: $overlapHours, reason: $reason) {\n      clientId\n      clientSecret\n      previousSecretValidUntil\n    }\n  }\n"): typeof import('./graphql').AdaptersRotateClientSecretDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdaptersRevokeClient($clientId: ID!, $reason: String!) {\n    revokeClient(clientId: $clientId, reason: $reason) {\n      clientId\n      revokedAt\n    }\n  }\n"): typeof import('./graphql').AdaptersRevokeClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdaptersSystemHealth {\n    systemHealth {\n      checkedAt\n      healthy\n      components {\n        name\n        kind\n        healthy\n        state\n        lagMessages\n        lagSeconds\n        deadLetters\n        problems\n      }\n    }\n  }\n"): typeof import('./graphql').AdaptersSystemHealthDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdaptersInbox {\n    adapters {\n      name\n      title\n      agencyId\n      state\n      registeredAt\n      registeredBy\n      decidedAt\n      decidedBy\n      decisionReason\n      publishes {\n        recordType\n        schemaVersion\n        approved\n      }\n      consumes {\n        recordType\n        schemaVersion\n        approved\n      }\n    }\n    adapterKeys {\n      keyId\n      adapter\n      state\n      proposedAt\n      proposedBy\n      notAfter\n    }\n    schemas {\n      recordType\n      compatibility\n      versions {\n        version\n        state\n        proposedAt\n        proposedBy\n        proposalReason\n      }\n    }\n  }\n"): typeof import('./graphql').AdaptersInboxDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdaptersApproveKey($keyId: String!, $reason: String!, $overlapHours: Float) {\n    approveAdapterKey(keyId: $keyId, reason: $reason, overlapHours: $overlapHours) {\n      keyId\n      state\n    }\n  }\n"): typeof import('./graphql').AdaptersApproveKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdaptersRefuseKey($keyId: String!, $reason: String!) {\n    revokeAdapterKey(keyId: $keyId, reason: $reason) {\n      keyId\n      state\n    }\n  }\n"): typeof import('./graphql').AdaptersRefuseKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdaptersApproveSchemaVersion($recordType: String!, $version: Int!, $reason: String!) {\n    approveSchemaVersion(recordType: $recordType, version: $version, reason: $reason) {\n      recordType\n      version\n      state\n    }\n  }\n"): typeof import('./graphql').AdaptersApproveSchemaVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdaptersRejectSchemaVersion($recordType: String!, $version: Int!, $reason: String!) {\n    rejectSchemaVersion(recordType: $recordType, version: $version, reason: $reason) {\n      recordType\n      version\n      state\n    }\n  }\n"): typeof import('./graphql').AdaptersRejectSchemaVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdaptersMine {\n    adapters {\n      name\n      title\n      agencyId\n      state\n      registeredAt\n      registeredBy\n      decidedAt\n      decidedBy\n      decisionReason\n      consumerLag\n      deadLetters\n      refusedRecords\n      publishes {\n        recordType\n        schemaVersion\n        approved\n      }\n      consumes {\n        recordType\n        schemaVersion\n        approved\n      }\n    }\n    adapterKeys {\n      keyId\n      adapter\n      state\n      decidedAt\n      decidedBy\n      decisionReason\n    }\n    consumerLag {\n      group\n      messages\n      seconds\n      error\n    }\n    schemas {\n      recordType\n    }\n  }\n"): typeof import('./graphql').AdaptersMineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdaptersOrphans($first: Int!, $offset: Int!, $recordType: String) {\n    orphans(first: $first, offset: $offset, recordType: $recordType) {\n      recordType\n      recordId\n      source\n      appliedAt\n    }\n    schemas {\n      recordType\n    }\n  }\n"): typeof import('./graphql').AdaptersOrphansDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdaptersApproveAdapter($name: String!, $reason: String!) {\n    approveAdapter(name: $name, reason: $reason) {\n      name\n      state\n    }\n  }\n"): typeof import('./graphql').AdaptersApproveAdapterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdaptersRejectAdapter($name: String!, $reason: String!) {\n    rejectAdapter(name: $name, reason: $reason) {\n      name\n      state\n    }\n  }\n"): typeof import('./graphql').AdaptersRejectAdapterDocument;
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
export function graphql(source: "\n  query DeskGrants {\n    grants {\n      id\n      purpose\n      section\n      fields\n      validUntil\n    }\n    purposes {\n      code\n      title\n      legalBasis\n    }\n  }\n"): typeof import('./graphql').DeskGrantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskVerify(\n    $nationalId: ID!\n    $purpose: String!\n    $reference: String\n    $claims: CitizenClaims!\n  ) {\n    verifyCitizen(\n      nationalId: $nationalId\n      purpose: $purpose\n      reference: $reference\n      claims: $claims\n    ) {\n      known\n      nationalId\n      name\n      dateOfBirth\n      alive\n      idCardNumber\n    }\n  }\n"): typeof import('./graphql').DeskVerifyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskLookup(\n    $nationalId: ID!\n    $purpose: String!\n    $reference: String\n    $person: Boolean!\n    $address: Boolean!\n    $vehicles: Boolean!\n    $landTitles: Boolean!\n    $businesses: Boolean!\n    $taxpayer: Boolean!\n    $lifeEvents: Boolean!\n  ) {\n    citizen(nationalId: $nationalId, purpose: $purpose, reference: $reference) {\n      nationalId\n      person @include(if: $person) {\n        nationalId\n        name {\n          khmer {\n            familyName\n            givenName\n          }\n          latin {\n            familyName\n            givenName\n          }\n        }\n        sex\n        dateOfBirth\n        alive\n        dateOfDeath\n        idCardNumber\n        placeOfBirth {\n          province {\n            khmer\n            latin\n          }\n        }\n      }\n      address @include(if: $address) {\n        houseNumber\n        street {\n          khmer\n          latin\n        }\n        village {\n          khmer\n          latin\n        }\n        commune {\n          khmer\n          latin\n        }\n        district {\n          khmer\n          latin\n        }\n        province {\n          khmer\n          latin\n        }\n        since\n      }\n      vehicles @include(if: $vehicles) {\n        plateNumber\n        make\n        model\n        year\n        status\n        registrationDate\n      }\n      landTitles @include(if: $landTitles) {\n        titleNumber\n        areaSquareMetres\n        status\n        registrationDate\n      }\n      businesses @include(if: $businesses) {\n        registrationNumber\n        name {\n          khmer\n          english\n        }\n        legalForm\n        status\n        registrationDate\n      }\n      taxpayer @include(if: $taxpayer) {\n        tin\n        type\n        status\n        registrationDate\n      }\n      lifeEvents @include(if: $lifeEvents) {\n        eventType\n        date\n        registeredOn\n      }\n    }\n  }\n"): typeof import('./graphql').DeskLookupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyRecordAccessLog($nationalId: ID!, $after: String) {\n    accessLog(nationalId: $nationalId, first: 50, after: $after) {\n      nextCursor\n      entries {\n        entryId\n        at\n        kind\n        outcome\n        agencyId\n        agencyName\n        clientName\n        person {\n          name\n          statedBy\n        }\n        purpose\n        purposeTitle\n        reference\n        sectionsReturned\n        sectionsDenied\n        claimsFailed\n        claimsLocked\n        discloseAfter\n        previewOf\n        question {\n          id\n          reason\n          askedAt\n          answer\n          answeredAt\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MyRecordAccessLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyRecordPurposes {\n    purposes {\n      code\n      legalBasis\n    }\n  }\n"): typeof import('./graphql').MyRecordPurposesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MyRecordQuestionAccess($entry: ID!, $reason: String!) {\n    questionAccess(entry: $entry, reason: $reason) {\n      id\n      askedAt\n    }\n  }\n"): typeof import('./graphql').MyRecordQuestionAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuestionsList($answered: Boolean!) {\n    accessQuestions(answered: $answered) {\n      id\n      entryId\n      nationalId\n      reason\n      askedAt\n      answer\n      answeredAt\n      entry {\n        at\n        kind\n        outcome\n        agencyId\n        agencyName\n        clientName\n        person {\n          name\n          statedBy\n        }\n        purpose\n        purposeTitle\n        reference\n        sectionsReturned\n        sectionsDenied\n      }\n    }\n  }\n"): typeof import('./graphql').QuestionsListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuestionsAnswer($id: ID!, $answer: String!) {\n    answerAccessQuestion(id: $id, answer: $answer) {\n      id\n      answeredAt\n    }\n  }\n"): typeof import('./graphql').QuestionsAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchemasDeadLetters(\n    $group: String\n    $recordType: String\n    $code: String\n    $source: String\n    $status: String\n  ) {\n    deadLetters(\n      group: $group\n      recordType: $recordType\n      code: $code\n      source: $source\n      status: $status\n      first: 1000\n    ) {\n      id\n      group\n      recordType\n      schemaVersion\n      code\n      reason\n      source\n      recordId\n      eventId\n      attempts\n      lastFailedAt\n      status\n      replayRequestedAt\n      resolvedAt\n    }\n  }\n"): typeof import('./graphql').SchemasDeadLettersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchemasReplayDeadLetters(\n    $group: String\n    $recordType: String\n    $code: String\n    $source: String\n    $reason: String\n    $dryRun: Boolean\n  ) {\n    replayDeadLetters(\n      group: $group\n      recordType: $recordType\n      code: $code\n      source: $source\n      reason: $reason\n      dryRun: $dryRun\n    ) {\n      requested\n      groups\n    }\n  }\n"): typeof import('./graphql').SchemasReplayDeadLettersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchemasLineage {\n    lineage {\n      party\n      role\n      recordType\n      schemaVersion\n      firstSeen\n      lastSeen\n    }\n  }\n"): typeof import('./graphql').SchemasLineageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchemasPropose($recordType: String!, $schema: String!, $reason: String!) {\n    proposeSchemaVersion(recordType: $recordType, schema: $schema, reason: $reason) {\n      recordType\n      version\n      state\n    }\n  }\n"): typeof import('./graphql').SchemasProposeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchemasDryRunIntake($recordType: String!, $version: Int!, $records: String!) {\n    dryRunIntake(recordType: $recordType, version: $version, records: $records) {\n      recordType\n      version\n      valid\n      invalid\n      issues {\n        index\n        path\n        rule\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').SchemasDryRunIntakeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchemasChanges($recordType: String!) {\n    schemaChanges(recordType: $recordType) {\n      action\n      actor\n      at\n      reason\n      version\n    }\n  }\n"): typeof import('./graphql').SchemasChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchemasDiff($recordType: String!, $from: Int!, $to: Int!) {\n    schemaDiff(recordType: $recordType, from: $from, to: $to) {\n      from\n      to\n      impact\n      mode\n      allowedUnderMode\n      differences {\n        path\n        change\n        impact\n        beforeJson\n        afterJson\n        incompatibilities {\n          rule\n        }\n      }\n      incompatibilities {\n        path\n        rule\n        direction\n        against\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').SchemasDiffDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchemasApprove($recordType: String!, $version: Int!, $reason: String!) {\n    approveSchemaVersion(recordType: $recordType, version: $version, reason: $reason) {\n      version\n      state\n    }\n  }\n"): typeof import('./graphql').SchemasApproveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchemasReject($recordType: String!, $version: Int!, $reason: String!) {\n    rejectSchemaVersion(recordType: $recordType, version: $version, reason: $reason) {\n      version\n      state\n    }\n  }\n"): typeof import('./graphql').SchemasRejectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchemasDeprecate($recordType: String!, $version: Int!, $reason: String!) {\n    deprecateSchemaVersion(recordType: $recordType, version: $version, reason: $reason) {\n      version\n      state\n    }\n  }\n"): typeof import('./graphql').SchemasDeprecateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchemasRetire($recordType: String!, $version: Int!, $reason: String!) {\n    retireSchemaVersion(recordType: $recordType, version: $version, reason: $reason) {\n      version\n      state\n    }\n  }\n"): typeof import('./graphql').SchemasRetireDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchemasSetCompatibility($recordType: String!, $mode: String!, $reason: String!) {\n    setCompatibility(recordType: $recordType, mode: $mode, reason: $reason)\n  }\n"): typeof import('./graphql').SchemasSetCompatibilityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchemasRegistry {\n    schemas {\n      recordType\n      compatibility\n      versions {\n        version\n        state\n        proposedAt\n        proposedBy\n        proposalReason\n        decidedAt\n        decidedBy\n        decisionReason\n        schemaJson\n      }\n    }\n  }\n"): typeof import('./graphql').SchemasRegistryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchemasCheckCompatibility($recordType: String!, $schema: String!) {\n    checkCompatibility(recordType: $recordType, schema: $schema) {\n      compatible\n      version\n      mode\n      checkedAgainst\n      incompatibilities {\n        path\n        rule\n        direction\n        against\n        message\n        schemaPath\n      }\n    }\n  }\n"): typeof import('./graphql').SchemasCheckCompatibilityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyLastAuditEntry {\n    myAuditEntries(first: 1) {\n      seq\n      at\n      kind\n      outcome\n      agencyId\n      clientId\n      purpose\n      subjectId\n      details\n      person {\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').MyLastAuditEntryDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
