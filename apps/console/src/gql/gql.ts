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
    "\n  query MyLastAuditEntry {\n    myAuditEntries(first: 1) {\n      seq\n      at\n      kind\n      outcome\n      agencyId\n      clientId\n      purpose\n      subjectId\n      details\n      person {\n        name\n      }\n    }\n  }\n": typeof types.MyLastAuditEntryDocument,
};
const documents: Documents = {
    "\n  query MyAuditEntries {\n    myAuditEntries(first: 20) {\n      seq\n      at\n      kind\n      outcome\n      agencyId\n      clientId\n      purpose\n      subjectId\n      details\n      person {\n        name\n      }\n    }\n  }\n": types.MyAuditEntriesDocument,
    "\n  query MyLastAuditEntry {\n    myAuditEntries(first: 1) {\n      seq\n      at\n      kind\n      outcome\n      agencyId\n      clientId\n      purpose\n      subjectId\n      details\n      person {\n        name\n      }\n    }\n  }\n": types.MyLastAuditEntryDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAuditEntries {\n    myAuditEntries(first: 20) {\n      seq\n      at\n      kind\n      outcome\n      agencyId\n      clientId\n      purpose\n      subjectId\n      details\n      person {\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').MyAuditEntriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyLastAuditEntry {\n    myAuditEntries(first: 1) {\n      seq\n      at\n      kind\n      outcome\n      agencyId\n      clientId\n      purpose\n      subjectId\n      details\n      person {\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').MyLastAuditEntryDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
