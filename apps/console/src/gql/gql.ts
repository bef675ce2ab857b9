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
