// The compiled path of a citizen lookup (citizen/compiled-lookup*.ts) answers
// exactly what the general GraphQL path answers: every case below is sent
// twice on one gateway — once as written, which the compiled path answers,
// and once with `@include(if: true)` on the citizen field, a no-op that the
// compiled path leaves to Apollo — and the two answers must be the same bytes,
// with the same status and content type, and leave the same audit entries.
// The gateway's counter of compiled lookups says which path answered.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isLeafType,
  isObjectType,
  type GraphQLObjectType,
  type IntrospectionQuery,
} from 'graphql';
import { auditEntriesSince, lastAuditSeq } from '../support/audit-entries.js';
import { newNationalId, publishFullCitizen } from '../support/full-citizen.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';
import { SYSTEM_ACTOR } from '../../tools/demo-access.js';

let stack: SpeanStack;
let nationalId: string;
const tokens: Record<'mef' | 'welfare' | 'police' | 'steward', string> = {} as never;
let everything: string;

beforeAll(async () => {
  stack = await startStack('embedded', 'compiled_lookup');
  nationalId = newNationalId();
  await publishFullCitizen(stack, nationalId);
  for (const agencyId of ['welfare', 'police'] as const) {
    tokens[agencyId] = await stack.token(await stack.agencyDesk(agencyId));
  }
  tokens.mef = await stack.token(stack.agency);
  tokens.steward = await stack.token(stack.steward);
  const validUntil = new Date(Date.now() + 3600_000);
  const grant = (input: Record<string, unknown>) =>
    stack.accessControl.grant(
      SYSTEM_ACTOR,
      { validUntil, reason: 'compiled lookup test', ...input } as never,
      new Date(),
    );
  // welfare: the person narrowed to two fields, no national id (pseudonyms).
  await grant({
    agencyId: 'welfare',
    section: 'person',
    fields: ['name', 'alive'],
    purpose: 'social-assistance',
  });
  await grant({ agencyId: 'welfare', section: 'lifeEvents', purpose: 'social-assistance' });
  // police: vehicles, only with the officer named.
  await grant({
    agencyId: 'police',
    section: 'vehicles',
    purpose: 'vehicle-registration',
    requiresOfficer: true,
  });
  everything = await fullSelection();
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

/** Every field of every section, from the gateway's own schema. */
async function fullSelection(): Promise<string> {
  const response = await post(tokens.mef, { query: getIntrospectionQuery() });
  const schema = buildClientSchema(
    (JSON.parse(response.text) as { data: IntrospectionQuery }).data,
  );
  const selectionOf = (type: GraphQLObjectType): string =>
    `{ ${Object.values(type.getFields())
      .filter((field) => field.args.length === 0)
      .map((field) => {
        const named = getNamedType(field.type);
        if (isLeafType(named)) return field.name;
        return isObjectType(named) ? `${field.name} ${selectionOf(named)}` : '';
      })
      .join(' ')} }`;
  const citizen = getNamedType(schema.getQueryType()!.getFields()['citizen']!.type);
  return selectionOf(citizen as GraphQLObjectType);
}

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

async function post(
  token: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${stack.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text: withoutStacktraces(await response.text()),
  };
}

/**
 * The answer as sent, less the stack traces a development gateway adds to
 * errors (the two paths reach an error through different frames). Parsing
 * and writing it again keeps its keys in their order.
 */
function withoutStacktraces(text: string): string {
  if (!text.includes('"stacktrace"')) return text;
  const body = JSON.parse(text) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
  for (const error of body.errors ?? []) delete error.extensions?.['stacktrace'];
  return JSON.stringify(body);
}

async function compiledCount(): Promise<number> {
  const text = await (await fetch(`${stack.gatewayUrl}/metrics`)).text();
  const count = /^spean_graphql_compiled_lookups_total(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1];
  return Number(count ?? 'NaN');
}

interface Case {
  token: keyof typeof tokens;
  /** The citizen field's arguments as written, and the variables they use (all three by default). */
  args: string;
  definitions?: string;
  selection: string;
  variables?: Record<string, unknown>;
  /** Fragments after the operation. */
  fragments?: string;
  headers?: Record<string, string>;
  operationName?: string;
}

/** The document: the citizen field on line 2, the marker alone on line 3, the selection after. */
function documentOf(c: Case, marker: string): string {
  return (
    `query Lookup${c.definitions ?? '($id: ID!, $purpose: String!, $reference: String)'} {\n` +
    `  answer: citizen(${c.args})\n` +
    `  ${marker}\n` +
    `  ${c.selection}\n}\n${c.fragments ?? ''}`
  );
}

/** Sends the case both ways; the compiled path's answer, having checked it equals Apollo's. */
async function bothWays(c: Case, compiles = true) {
  const send = async (marker: string) => {
    const since = await lastAuditSeq(stack.db.database);
    const before = await compiledCount();
    const answer = await post(
      tokens[c.token],
      {
        query: documentOf(c, marker),
        variables: { id: nationalId, purpose: 'business-registration', ...c.variables },
        ...(c.operationName ? { operationName: c.operationName } : {}),
      },
      c.headers,
    );
    const compiled = (await compiledCount()) - before;
    const audit = (
      await auditEntriesSince(stack.db.database, ['lookup', 'related-party-disclosure'], since)
    ).map(({ details, ...entry }) => ({ ...entry, details: { ...details, lookupId: undefined } }));
    return { answer, compiled, audit };
  };
  const compiled = await send('#                 ');
  const general = await send('@include(if: true)');
  expect(general.compiled).toBe(0);
  expect(compiled.compiled).toBe(compiles ? 1 : 0);
  expect(compiled.answer).toEqual(general.answer);
  expect(compiled.audit).toEqual(general.audit);
  return JSON.parse(compiled.answer.text) as {
    data?: { answer: Record<string, unknown> | null };
    errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  };
}

const ARGS = 'nationalId: $id, purpose: $purpose, reference: $reference';

describe('a lookup answered by its compiled plan', () => {
  it('answers every field of every section as Apollo does, refused sections included', async () => {
    const body = await bothWays({ token: 'mef', args: ARGS, selection: everything });
    expect(body.errors).toBeUndefined();
    expect(body.data!.answer!['nationalId']).toBe(nationalId);
    expect(body.data!.answer!['person']).toMatchObject({ alive: true });
    const refused = await bothWays({
      token: 'welfare',
      args: ARGS,
      variables: { purpose: 'social-assistance' },
      selection: everything,
    });
    expect(refused.errors!.map((error) => error.path![1]).sort()).toEqual([
      'address',
      'businesses',
      'landTitles',
      'person',
      'taxpayer',
      'vehicles',
    ]);
    expect(refused.data!.answer!['lifeEvents']).toHaveLength(1);
  });

  it('merges aliases, fragments, repeated fields and __typename as graphql-js does', async () => {
    const body = await bothWays({
      token: 'mef',
      args: ARGS,
      variables: { reference: 'CASE-7' },
      selection:
        '{ __typename id: nationalId ...Who person { name { latin { familyName } } } ' +
        '... on Citizen { address { __typename since } } taxpayer { tin } taxpayer { tin registeredOn: tin } }',
      fragments: 'fragment Who on Citizen { person { alive __typename } nationalId }',
    });
    expect(Object.keys(body.data!.answer!)).toEqual([
      '__typename',
      'id',
      'person',
      'nationalId',
      'address',
      'taxpayer',
    ]);
  });

  it('answers literal arguments, an unknown citizen and the accepted content types', async () => {
    await bothWays({
      token: 'mef',
      args: `nationalId: "${newNationalId()}", purpose: "business-registration"`,
      definitions: '',
      selection: '{ nationalId person { alive } }',
    });
    for (const accept of ['*/*', 'application/json', 'application/graphql-response+json']) {
      await bothWays({
        token: 'mef',
        args: ARGS,
        selection: '{ person { alive } }',
        headers: { accept },
      });
    }
  });

  it('answers refusals as Apollo does: a bad id, an unregistered purpose, a role, a missing officer', async () => {
    const badId = await bothWays({
      token: 'mef',
      args: ARGS,
      variables: { id: '123' },
      selection: '{ nationalId }',
    });
    expect(badId.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'nationalId',
    });
    expect(badId.data!.answer).toBeNull();
    const purpose = await bothWays({
      token: 'mef',
      args: ARGS,
      variables: { purpose: 'curiosity' },
      selection: '{ nationalId }',
    });
    expect(purpose.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'purpose',
    });
    const role = await bothWays({ token: 'steward', args: ARGS, selection: '{ nationalId }' });
    expect(role.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const officer = await bothWays({
      token: 'police',
      args: ARGS,
      variables: { purpose: 'vehicle-registration' },
      selection: '{ vehicles { plateNumber } }',
    });
    expect(officer.errors![0]!.extensions).toMatchObject({ code: 'OFFICER_REQUIRED' });
    await bothWays({
      token: 'police',
      args: ARGS,
      variables: { purpose: 'vehicle-registration' },
      selection: '{ vehicles { plateNumber record { source agencyId receivedAt version } } }',
      headers: { 'x-spean-officer': 'P-42;Sok Dara' },
    });
  });

  it('answers pseudonyms and a grant narrowed to fields as Apollo does', async () => {
    const narrowed = await bothWays({
      token: 'welfare',
      args: ARGS,
      variables: { purpose: 'social-assistance' },
      selection: '{ nationalId person { alive dateOfBirth } lifeEvents { eventType } }',
    });
    expect(narrowed.data!.answer!['nationalId']).not.toBe(nationalId);
    expect(narrowed.errors![0]).toMatchObject({
      path: ['answer', 'person'],
      extensions: { code: 'FORBIDDEN', fields: ['dateOfBirth'] },
    });
    await bothWays({
      token: 'welfare',
      args: ARGS,
      variables: { purpose: 'social-assistance' },
      selection: '{ nationalId person { alive name { latin { givenName } } } }',
    });
  });

  it('leaves to Apollo what it cannot answer exactly, before doing anything', async () => {
    // Text the gateway refuses, a variable that does not coerce, another operation's name, an unknown Accept.
    for (const c of [
      { variables: { reference: 'CASE\u00001' } },
      { variables: { id: { not: 'an id' } } },
      { operationName: 'Other' },
      { headers: { accept: 'text/html' } },
      // A null into a non-null argument, through a nullable variable with a default.
      {
        definitions: '($id: ID = "0000000000", $purpose: String!, $reference: String)',
        variables: { id: null },
      },
    ] as const) {
      await bothWays({ token: 'mef', args: ARGS, selection: '{ nationalId }', ...c }, false);
    }
  });
});
