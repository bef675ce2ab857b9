// The gateway's protective limits, end to end over HTTP against real gateways
// on a real database: the test stack's gateway with the default settings, and
// a second gateway on the same database in production mode with every limit
// set low (so each can be reached with a handful of requests). Everything the
// processes write to stdout, stderr and the console during the whole file is
// captured, and the last test proves no national id is in it.
import { randomBytes, randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { format } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLNamedType,
  type IntrospectionQuery,
} from 'graphql';
import {
  ClientCredentialsService,
  ClientRepository,
  Pseudonymizer,
  generateSigningKeyPem,
  signingKeyFromPem,
} from '#spean/access';
import { createEventBus } from '#spean/bus';
import { EnvReader } from '#spean/config';
import { VerhoeffNationalIdScheme, getNationalIdScheme } from '#spean/contracts';
import { Metrics } from '#spean/observability';
import { openSchemaRegistry } from '#spean/schema-registry';
import { readGatewayConfig } from '../../apps/gateway/src/config/gateway.config.js';
import { createGatewayApp } from '../../apps/gateway/src/gateway.app.js';
import { fetchAccessToken } from '../../tools/access-token.js';
import { personRecord } from '../citizen/citizen-lookup.suite.js';
import { startStack, type Credentials, type SpeanStack } from '../support/spean-stack.js';

/** The second gateway's settings: production mode, every limit low. */
const STRICT_ENV = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'debug',
  DATA_DIR: '/nonexistent-test-data-dir',
  GRAPHQL_MAX_DEPTH: '4',
  GRAPHQL_MAX_ALIASES: '2',
  GRAPHQL_MAX_COST: '60',
  GRAPHQL_MAX_TOKENS: '200',
  GRAPHQL_MAX_BODY_BYTES: '4096',
  GRAPHQL_RATE_LIMIT_PER_SECOND: '1',
  GRAPHQL_RATE_LIMIT_BURST: '3',
  AUTH_TOKEN_FAILURES_PER_MINUTE: '1',
  AUTH_TOKEN_FAILURE_BURST: '2',
};

const ids = new VerhoeffNationalIdScheme();
const newNationalId = (): string => ids.fromSerial(randomInt(0, ids.capacity));

interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown> & {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  };
}

async function send(url: string, init: RequestInit): Promise<HttpAnswer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: HttpAnswer['json'] = {};
  try {
    json = JSON.parse(text) as HttpAnswer['json'];
  } catch {
    // Not JSON: the assertions on status and text say what went wrong.
  }
  return { status: response.status, headers: response.headers, text, json };
}

function graphql(
  baseUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<HttpAnswer> {
  return send(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
}

const codes = (answer: HttpAnswer): unknown[] =>
  (answer.json.errors ?? []).map((error) => error.extensions?.code);
const messages = (answer: HttpAnswer): string[] =>
  (answer.json.errors ?? []).map((error) => error.message);

/** Every byte written to stdout, stderr and the console while started. */
class OutputCapture {
  text = '';
  private readonly restore: Array<() => void> = [];

  start(): void {
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write;
      stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        this.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
        done?.();
        return true;
      }) as typeof stream.write;
      this.restore.push(() => (stream.write = original));
    }
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      const original = console[method];
      console[method] = (...args: unknown[]) => {
        this.text += `${format(...args)}\n`;
      };
      this.restore.push(() => (console[method] = original));
    }
  }

  stop(): void {
    for (const restore of this.restore.splice(0).reverse()) restore();
  }
}

interface StrictGateway {
  url: string;
  app: INestApplication;
  close(): Promise<void>;
}

/** A second gateway on the stack's database, assembled as main.ts does, with its own settings. */
async function startStrictGateway(stack: SpeanStack): Promise<StrictGateway> {
  const closers: Array<() => Promise<void>> = [];
  const schemas = await openSchemaRegistry(stack.db.database, {
    environment: 'test',
    audit: stack.audit,
  });
  closers.push(() => schemas.close());
  const bus = await createEventBus({
    kafkaBrokers: [],
    partitions: 4,
    clientId: `gateway-strict-${stack.db.name}`,
    database: stack.db.database,
    logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
  });
  closers.push(() => bus.close());
  const app = await createGatewayApp({
    config: readGatewayConfig(new EnvReader(STRICT_ENV)),
    database: stack.db.database,
    bus,
    metrics: new Metrics('gateway'),
    signingKey: signingKeyFromPem(generateSigningKeyPem()),
    validator: schemas.validator,
    nationalIds: getNationalIdScheme(),
    schemaRegistry: schemas.registry,
    lineage: schemas.lineage,
    audit: stack.audit,
    pseudonyms: new Pseudonymizer(randomBytes(32)),
  });
  closers.push(() => app.close());
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    async close() {
      for (const close of closers.reverse()) await close();
    },
  };
}

/** Builds a selection of every field under `type` (fields needing arguments left out). */
function everyField(type: GraphQLNamedType, depth = 0): string {
  if (!isObjectType(type) || depth > 12) return '';
  const fields = Object.values(type.getFields())
    .filter((field) => field.args.every((arg) => !isNonNullType(arg.type)))
    .map((field) => {
      const named = getNamedType(field.type);
      return isLeafType(named) ? field.name : `${field.name} ${everyField(named, depth + 1)}`;
    });
  return `{ ${fields.join(' ')} }`;
}

async function limitRefusals(baseUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const counts: Record<string, number> = {};
  for (const match of text.matchAll(
    /^spean_limit_refusals_total\{limit="([a-z_]+)"[^}]*\} (\d+)/gm,
  ))
    counts[match[1]!] = Number(match[2]);
  return counts;
}

const LOOKUP = `query Lookup($id: ID!, $purpose: String!) {
  citizen(nationalId: $id, purpose: $purpose) {
    nationalId
    person { sex dateOfBirth alive idCardNumber }
  }
}`;

describe('gateway hardening', () => {
  const capture = new OutputCapture();
  let stack: SpeanStack;
  let strict: StrictGateway;
  let agencyToken: string;
  /** One client per test on the strict gateway: its rate limit is per client. */
  const strictClients: Record<string, Credentials> = {};
  const strictTokens: Record<string, string> = {};
  const strictClientNames = [
    'depth',
    'aliases',
    'cost',
    'tokens',
    'details',
    'body',
    'rate',
    'rate-other',
    'pii-0',
    'pii-1',
    'pii-2',
  ];

  beforeAll(async () => {
    capture.start();
    stack = await startStack('embedded', 'hardening');
    strict = await startStrictGateway(stack);
    agencyToken = await stack.token(stack.agency);
    const credentials = new ClientCredentialsService(
      new ClientRepository(stack.db.database),
      () => signingKeyFromPem(generateSigningKeyPem()),
      900,
    );
    for (const name of strictClientNames) {
      strictClients[name] = await credentials.register({
        agencyId: 'mef',
        agencyName: 'Ministry of Economy and Finance',
        name: `hardening ${name}`,
        role: 'agency',
      });
      // Successful exchanges from one address, many more than the failure burst of 2.
      strictTokens[name] = await fetchAccessToken(strict.url, strictClients[name]);
    }
  }, 120_000);

  afterAll(async () => {
    try {
      await strict?.close();
      await stack?.close();
    } finally {
      capture.stop();
    }
  });

  describe('GraphQL document limits', () => {
    const deep = `{ citizen(nationalId: "2345678901", purpose: "identity-verification") {
      person { name { latin { familyName } } } } }`;

    it('refuses a query deeper than GRAPHQL_MAX_DEPTH before it runs', async () => {
      const refused = await graphql(strict.url, strictTokens.depth!, deep);
      expect(refused.status).toBe(400);
      expect(codes(refused)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(messages(refused)).toEqual(['query depth 5 exceeds the limit of 4']);
      expect(refused.json.errors![0]!.extensions).toMatchObject({
        limit: 'depth',
        maximum: 4,
        actual: 5,
      });
      // The same query is valid where the limit is the default (10).
      const accepted = await graphql(stack.gatewayUrl, agencyToken, deep);
      expect(codes(accepted)).not.toContain('GRAPHQL_VALIDATION_FAILED');
    });

    it('refuses more aliases than GRAPHQL_MAX_ALIASES', async () => {
      const refused = await graphql(
        strict.url,
        strictTokens.aliases!,
        '{ a: __typename b: __typename c: __typename }',
      );
      expect(refused.status).toBe(400);
      expect(codes(refused)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(messages(refused)).toEqual(['number of aliases 3 exceeds the limit of 2']);
      const accepted = await graphql(
        strict.url,
        strictTokens.aliases!,
        '{ a: __typename b: __typename }',
      );
      expect(accepted.status).toBe(200);
      expect(accepted.json.data).toEqual({ a: 'Query', b: 'Query' });
    });

    it('refuses a query costing more than GRAPHQL_MAX_COST, list fields counted 10 times', async () => {
      const citizen = (selection: string) =>
        `{ citizen(nationalId: "2345678901", purpose: "vehicle-registration") { ${selection} } }`;
      // citizen 1 + vehicles (1 + 10 × 5 fields) = 52
      const vehicles = 'vehicles { plateNumber vin make model year }';
      const cheap = await graphql(strict.url, strictTokens.cost!, citizen(vehicles));
      expect(codes(cheap)).not.toContain('GRAPHQL_VALIDATION_FAILED');
      // + landTitles (1 + 10 × 1) = 63
      const refused = await graphql(
        strict.url,
        strictTokens.cost!,
        citizen(`${vehicles} landTitles { titleNumber }`),
      );
      expect(refused.status).toBe(400);
      expect(codes(refused)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(messages(refused)).toEqual(['query cost 63 exceeds the limit of 60']);
    });

    it('stops parsing a document longer than GRAPHQL_MAX_TOKENS', async () => {
      const refused = await graphql(strict.url, strictTokens.tokens!, `{ ${'a '.repeat(250)}}`);
      expect(refused.status).toBe(400);
      expect(codes(refused)).toEqual(['GRAPHQL_PARSE_FAILED']);
      expect(messages(refused)).toEqual(['query token count exceeds the limit of 200']);
      expect(refused.json.errors![0]!.extensions).toMatchObject({ limit: 'tokens', maximum: 200 });
      // Under the limit a document as long is answered (__typename costs nothing).
      const parsed = await graphql(
        strict.url,
        strictTokens.tokens!,
        `{ ${'__typename '.repeat(150)}}`,
      );
      expect(parsed.status).toBe(200);
      expect(parsed.json.data).toEqual({ __typename: 'Query' });
    });

    it('counts each refusal by limit in spean_limit_refusals_total', async () => {
      expect(await limitRefusals(strict.url)).toMatchObject({
        depth: 1,
        aliases: 1,
        cost: 1,
        tokens: 1,
      });
    });

    it('admits, with the default limits, a lookup of every field of every section', async () => {
      const introspection = await graphql(stack.gatewayUrl, agencyToken, getIntrospectionQuery());
      const schema = buildClientSchema(introspection.json.data as unknown as IntrospectionQuery);
      const citizenType = getNamedType(schema.getQueryType()!.getFields().citizen!.type);
      const query = `{ citizen(nationalId: "${newNationalId()}", purpose: "identity-verification") ${everyField(citizenType)} }`;
      const answer = await graphql(stack.gatewayUrl, agencyToken, query);
      expect(answer.status).toBe(200);
      expect(codes(answer)).toEqual([]);
      expect(answer.json.data).toEqual({ citizen: null });
    });
  });

  describe('schema details in production', () => {
    const typo =
      '{ citizn(nationalId: "2345678901", purpose: "identity-verification") { nationalId } }';

    it('gives no "Did you mean" hints where schema details are hidden', async () => {
      const hidden = await graphql(strict.url, strictTokens.details!, typo);
      expect(hidden.status).toBe(400);
      expect(messages(hidden)).toEqual(['Cannot query field "citizn" on type "Query".']);
      // In development the hint is there: the test above would see it if it leaked.
      const shown = await graphql(stack.gatewayUrl, agencyToken, typo);
      expect(messages(shown)).toEqual([
        'Cannot query field "citizn" on type "Query". Did you mean "citizen"?',
      ]);
    });

    it('answers no introspection in production', async () => {
      const refused = await graphql(
        strict.url,
        strictTokens.details!,
        '{ __schema { queryType { name } } }',
      );
      expect(refused.status).toBe(400);
      expect(codes(refused)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(messages(refused)[0]).toMatch(/introspection is not allowed/);
      const development = await graphql(
        stack.gatewayUrl,
        agencyToken,
        '{ __schema { queryType { name } } }',
      );
      expect(development.json.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });
  });

  describe('CSRF prevention', () => {
    const csrf = /Cross-Site Request Forgery/;

    it('refuses simple requests a browser would send without a preflight', async () => {
      const authorization = `Bearer ${agencyToken}`;
      const form = await send(`${stack.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
        body: new URLSearchParams({ query: '{ __typename }' }).toString(),
      });
      expect(form.status).toBe(400);
      expect(form.text).toMatch(csrf);

      const plain = await send(`${stack.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', authorization },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(plain.status).toBe(400);
      expect(plain.text).toMatch(csrf);

      const query = encodeURIComponent('{ __typename }');
      const get = await send(`${stack.gatewayUrl}/graphql?query=${query}`, {
        headers: { authorization },
      });
      expect(get.status).toBe(400);
      expect(get.text).toMatch(csrf);

      // The same GET with a header no simple request can carry is answered.
      const preflighted = await send(`${stack.gatewayUrl}/graphql?query=${query}`, {
        headers: { authorization, 'apollo-require-preflight': 'true' },
      });
      expect(preflighted.status).toBe(200);
      expect(preflighted.json.data).toEqual({ __typename: 'Query' });
    });
  });

  describe('request size', () => {
    const padded = (bytes: number): string => {
      const head = JSON.stringify({ query: '{ __typename }', variables: { pad: '' } });
      return head.replace('"pad":""', `"pad":"${'x'.repeat(bytes - head.length)}"`);
    };
    const post = (baseUrl: string, body: RequestInit['body'], extra: RequestInit = {}) =>
      send(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${agencyToken}` },
        body,
        ...extra,
      });

    it('answers 413 to a /graphql body over GRAPHQL_MAX_BODY_BYTES (100 kB by default)', async () => {
      expect((await post(stack.gatewayUrl, padded(90_000))).status).toBe(200);
      const refused = await post(stack.gatewayUrl, padded(150_000));
      expect(refused.status).toBe(413);
      expect(refused.json).toEqual({
        error: 'payload_too_large',
        message: 'the request body exceeds the limit of 102400 bytes',
        limit: 'GRAPHQL_MAX_BODY_BYTES',
        maximum: 102400,
      });
    });

    it('counts the bytes of a chunked body too (no Content-Length to trust)', async () => {
      const bytes = new TextEncoder().encode(padded(150_000));
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 16_384)
            controller.enqueue(bytes.subarray(at, at + 16_384));
          controller.close();
        },
      });
      const refused = await post(stack.gatewayUrl, stream, { duplex: 'half' } as RequestInit);
      expect(refused.status).toBe(413);
      expect(refused.json.limit).toBe('GRAPHQL_MAX_BODY_BYTES');
    });

    it('reads GRAPHQL_MAX_BODY_BYTES from the settings, and counts the refusal', async () => {
      const token = strictTokens.body!;
      const at = (body: string) =>
        send(`${strict.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
        });
      expect((await at(padded(4_000))).status).toBe(200);
      const refused = await at(padded(5_000));
      expect(refused.status).toBe(413);
      expect(refused.json.maximum).toBe(4096);
      expect((await limitRefusals(strict.url)).body_size).toBe(1);
    });

    it('keeps the general 1 MB limit elsewhere (the token endpoint)', async () => {
      const answer = await send(`${stack.gatewayUrl}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', pad: 'x'.repeat(150_000) }),
      });
      expect(answer.status).toBe(400);
      expect(answer.json.error).toBe('invalid_request');
    });
  });

  it.each([
    ['not JSON', { 'content-type': 'application/json' }, '{"x": 1', 400, 'json'],
    ['JSON that is not an object', { 'content-type': 'application/json' }, 'null', 400, 'json'],
    [
      'over 1 MB',
      { 'content-type': 'application/json' },
      `"${'x'.repeat(1_100_000)}"`,
      413,
      'max-size',
    ],
    [
      'in UTF-16 that does not decode',
      { 'content-type': 'application/json; charset=utf-16' },
      '{}',
      400,
      'json',
    ],
    [
      'a form in Latin-1',
      { 'content-type': 'application/x-www-form-urlencoded; charset=latin1' },
      'a=b',
      415,
      'charset',
    ],
    [
      'compressed in an unknown way',
      { 'content-type': 'application/json', 'content-encoding': 'snappy' },
      '{}',
      415,
      'content-encoding',
    ],
  ] as const)(
    'answers a body %s on any other route with 4xx naming the rule, never a 500 (/auth/logout)',
    async (_what, headers, body, status, rule) => {
      const answer = await send(`${stack.gatewayUrl}/auth/logout`, {
        method: 'POST',
        headers: { ...headers, cookie: 'spean_session=abc', 'x-csrf-token': 'x' },
        body,
      });
      expect(answer.status).toBe(status);
      expect(answer.json).toMatchObject({ error: 'bad_request', field: 'body', rule });
      expect(answer.text).not.toContain('"x": 1');
    },
  );

  describe('rate limits', () => {
    it('answers 429 with Retry-After once a client spends its burst, and only that client', async () => {
      const token = strictTokens.rate!;
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await graphql(strict.url, token, '{ __typename }')).status);
      expect(statuses).toEqual([200, 200, 200]);

      const refused = await graphql(strict.url, token, '{ __typename }');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(refused.json).toEqual({
        error: 'rate_limited',
        message: 'client rate limit of 1 requests per second (burst 3) exceeded; retry after 1 s',
        limit: 'GRAPHQL_RATE_LIMIT_PER_SECOND',
        ratePerSecond: 1,
        burst: 3,
        retryAfterSeconds: 1,
      });

      // Another client of the same agency is not slowed down.
      expect(
        (await graphql(strict.url, strictTokens['rate-other']!, '{ __typename }')).status,
      ).toBe(200);
      // After Retry-After the client may call again.
      await new Promise((resolve) => setTimeout(resolve, 1_050));
      expect((await graphql(strict.url, token, '{ __typename }')).status).toBe(200);
      expect((await limitRefusals(strict.url)).graphql_rate).toBe(1);
    });

    it('limits failed client authentications per client and address at /auth/token', async () => {
      const client = strictClients.rate!;
      const exchange = (secret: string) =>
        send(`${strict.url}/auth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: client.clientId,
            client_secret: secret,
          }).toString(),
        });
      // Successful exchanges never count (beforeAll made a dozen from this address).
      expect((await exchange(client.clientSecret)).status).toBe(200);
      expect((await exchange('wrong-1')).status).toBe(401);
      expect((await exchange('wrong-2')).status).toBe(401);
      const refused = await exchange('wrong-3');
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
      expect(refused.json).toMatchObject({
        error: 'rate_limited',
        limit: 'AUTH_TOKEN_FAILURES_PER_MINUTE',
        perMinute: 1,
        burst: 2,
      });
      // A client that knows its secret is never refused.
      expect((await exchange(client.clientSecret)).status).toBe(200);
      expect((await limitRefusals(strict.url)).token_failures).toBe(1);
      // Each gateway instance counts its own addresses: the stack's still issues tokens.
      await expect(stack.token(stack.agency)).resolves.toEqual(expect.any(String));
    });
  });

  describe('personal data', () => {
    it('writes no national id to logs, metrics or error messages, valid or not', async () => {
      const known = newNationalId();
      const unknown = newNationalId();
      // A typo of the known id: its check digit no longer matches.
      const typo = known.slice(0, 9) + String((Number(known[9]) + 1) % 10);
      const typed = `${known.slice(0, 3)} ${known.slice(3, 6)}-${known.slice(6)}`;
      // The strict gateway allows 3 requests at once per client: take turns.
      let turn = 0;
      const piiToken = (): string => strictTokens[`pii-${turn++ % 3}`]!;

      const publisherToken = await stack.token(stack.adapter);
      expect((await stack.publish(publisherToken, personRecord(known))).status).toBe(202);
      const deadline = Date.now() + 10_000;
      let found: HttpAnswer | undefined;
      while (Date.now() < deadline) {
        found = await graphql(stack.gatewayUrl, agencyToken, LOOKUP, {
          id: known,
          purpose: 'identity-verification',
        });
        if ((found.json.data?.citizen as { person?: unknown } | null)?.person) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(found?.json.data?.citizen).toMatchObject({ nationalId: known });

      const gateways = [
        { url: stack.gatewayUrl, token: agencyToken },
        { url: strict.url, token: '' },
      ];
      for (const gateway of gateways) {
        const url = gateway.url;
        const token = (): string => (url === strict.url ? piiToken() : gateway.token);
        for (const id of [known, unknown, typed]) {
          const answer = await graphql(url, token(), LOOKUP, {
            id,
            purpose: 'identity-verification',
          });
          expect(answer.status).toBe(200);
        }
        // The typo is refused, and its message does not echo the id, as variable or literal.
        const byVariable = await graphql(url, token(), LOOKUP, {
          id: typo,
          purpose: 'identity-verification',
        });
        const literal = await graphql(
          url,
          token(),
          `{ citizen(nationalId: "${typo}", purpose: "identity-verification") { nationalId } }`,
        );
        for (const answer of [byVariable, literal]) {
          expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
          expect(answer.json.data).toEqual({ citizen: null });
          expect(answer.text).not.toContain(typo);
        }
      }

      // Refused before any resolver: a too-deep query, a broken body, an oversized one.
      const deep = await graphql(
        strict.url,
        piiToken(),
        `{ citizen(nationalId: "${known}", purpose: "identity-verification") { person { name { latin { familyName } } } } }`,
      );
      expect(deep.status).toBe(400);
      expect(deep.text).not.toContain(known);
      const broken = await send(`${stack.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${agencyToken}` },
        // Single quotes, as a shell script might send: JSON.parse's message would quote the id.
        body: `{"query": ${JSON.stringify(LOOKUP)}, "variables": {"id": '${known}', "purpose": "x"}}`,
      });
      expect(broken.status).toBe(400);
      expect(broken.json).toEqual({
        error: 'invalid_json',
        message: 'the request body is not valid JSON',
      });
      expect(broken.text).not.toContain(known);
      const oversized = await send(`${strict.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${piiToken()}`,
        },
        body: JSON.stringify({
          query: `{ citizen(nationalId: "${known}", purpose: "x") { nationalId } }`,
          variables: { pad: 'x'.repeat(5_000) },
        }),
      });
      expect(oversized.status).toBe(413);
      expect(oversized.text).not.toContain(known);

      const metrics = [
        await (await fetch(`${stack.gatewayUrl}/metrics`)).text(),
        await (await fetch(`${strict.url}/metrics`)).text(),
      ].join('\n');
      // Give asynchronous writers (the audit log, the consumers) a moment to say anything.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const written = capture.text;
      // The capture works: the strict gateway logs at debug level, as JSON.
      expect(written).toMatch(/"context"/);
      // Any 8 digits in a row of an id count: a message quoting part of one leaks it too.
      const pieces = [
        typed,
        ...[known, unknown, typo].flatMap((id) => [0, 1, 2].map((at) => id.slice(at, at + 8))),
      ];
      const leaks = (text: string): string[] =>
        text.split('\n').filter((line) => pieces.some((piece) => line.includes(piece)));
      expect(leaks(written)).toEqual([]);
      expect(leaks(metrics)).toEqual([]);
    });
  });
});
