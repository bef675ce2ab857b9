// The token endpoint end to end over HTTP on a real database: malformed
// credentials are refused with 400 invalid_request naming the field, never a
// 5xx; failed secret checks are limited per client and address and per
// client, never refusing a client that knows its secret; and the address is
// taken from X-Forwarded-For only when the connection comes from a trusted
// proxy.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateSigningKeyPem, signingKeyFromPem } from '#spean/access';
import { startStack, type Credentials, type SpeanStack } from '../support/spean-stack.js';
import { startGateway, type GatewayInstance } from './gateway-instance.js';

/** Low limits, so each is reached in a few requests. */
const LIMITS = {
  AUTH_TOKEN_FAILURES_PER_MINUTE: '1',
  AUTH_TOKEN_FAILURE_BURST: '3',
  AUTH_TOKEN_CLIENT_FAILURES_PER_MINUTE: '1',
  AUTH_TOKEN_CLIENT_FAILURE_BURST: '6',
};

interface Answer {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
}

async function post(url: string, headers: Record<string, string>, body: string): Promise<Answer> {
  const response = await fetch(`${url}/auth/token`, { method: 'POST', headers, body });
  const text = await response.text();
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { notJson: text.slice(0, 200) };
  }
  return { status: response.status, headers: response.headers, json };
}

const form = (fields: Record<string, string>, extra: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...extra },
  body: new URLSearchParams({ grant_type: 'client_credentials', ...fields }).toString(),
});
const basic = (user: string) => `Basic ${Buffer.from(user, 'utf8').toString('base64')}`;

describe('the token endpoint', () => {
  let stack: SpeanStack;
  let proxied: GatewayInstance;
  let direct: GatewayInstance;
  const clients: Record<string, Credentials> = {};

  beforeAll(async () => {
    stack = await startStack('embedded', 'token-endpoint');
    const key = signingKeyFromPem(generateSigningKeyPem());
    proxied = await startGateway(stack, { ...LIMITS, TRUSTED_PROXIES: '127.0.0.1, ::1' }, key);
    direct = await startGateway(stack, LIMITS, key);
    for (const name of ['knows', 'neighbour', 'spread', 'unproxied'])
      clients[name] = await proxied.register(`token endpoint ${name}`);
  }, 120_000);

  afterAll(async () => {
    await proxied?.close();
    await direct?.close();
    await stack?.close();
  });

  const exchange = (
    gateway: GatewayInstance,
    client: Credentials,
    secret: string,
    forwardedFor?: string,
  ): Promise<Answer> => {
    const request = form(
      { client_id: client.clientId, client_secret: secret },
      forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    );
    return post(gateway.url, request.headers, request.body);
  };

  it('refuses malformed credentials with 400 invalid_request naming the field and the rule', async () => {
    const { clientId, clientSecret } = clients.knows!;
    const json = { 'content-type': 'application/json' };
    const formType = { 'content-type': 'application/x-www-form-urlencoded' };
    const cases: Array<[string, Record<string, string>, string, string]> = [
      [
        'Basic: id not percent-encoded',
        { ...formType, authorization: basic(`%E0%A4%A:${clientSecret}`) },
        'grant_type=client_credentials',
        'client_id',
      ],
      [
        'Basic: secret not percent-encoded',
        { ...formType, authorization: basic(`${clientId}:%zz`) },
        'grant_type=client_credentials',
        'client_secret',
      ],
      [
        'Basic: not base64',
        { ...formType, authorization: 'Basic !!!not-base64!!!' },
        'grant_type=client_credentials',
        'authorization',
      ],
      [
        'Basic: no colon',
        { ...formType, authorization: basic(clientId) },
        'grant_type=client_credentials',
        'authorization',
      ],
      [
        'JSON: NUL in client_id',
        json,
        JSON.stringify({
          grant_type: 'client_credentials',
          client_id: `${clientId}\u0000`,
          client_secret: clientSecret,
        }),
        'client_id',
      ],
      [
        'JSON: NUL in client_secret',
        json,
        JSON.stringify({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: `a\u0000b`,
        }),
        'client_secret',
      ],
      [
        'JSON: lone surrogate in client_id',
        json,
        `{"grant_type":"client_credentials","client_id":"a\\ud800b","client_secret":"x"}`,
        'client_id',
      ],
      [
        'JSON: array for client_id',
        json,
        JSON.stringify({
          grant_type: 'client_credentials',
          client_id: [clientId],
          client_secret: clientSecret,
        }),
        'client_id',
      ],
      [
        'JSON: number for client_secret',
        json,
        JSON.stringify({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: 12,
        }),
        'client_secret',
      ],
      ['JSON: not an object', json, JSON.stringify(['client_credentials']), 'grant_type'],
      ['JSON: not JSON', json, '{"grant_type": "client_credentials",', 'body'],
      [
        'form: client_id twice',
        { 'content-type': 'application/x-www-form-urlencoded' },
        `grant_type=client_credentials&client_id=${clientId}&client_id=x&client_secret=y`,
        'client_id',
      ],
      [
        'form: NUL in client_id',
        { 'content-type': 'application/x-www-form-urlencoded' },
        `grant_type=client_credentials&client_id=a%00&client_secret=y`,
        'client_id',
      ],
      [
        'form: bad percent-encoding',
        { 'content-type': 'application/x-www-form-urlencoded' },
        `grant_type=client_credentials&client_id=%E0%A4%A&client_secret=y`,
        'client_id',
      ],
      [
        'form: huge client_id',
        { 'content-type': 'application/x-www-form-urlencoded' },
        `grant_type=client_credentials&client_id=${'x'.repeat(5000)}&client_secret=y`,
        'client_id',
      ],
      [
        'both Basic and a body secret',
        {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: basic(`${clientId}:${clientSecret}`),
        },
        `grant_type=client_credentials&client_secret=${clientSecret}`,
        'client_secret',
      ],
    ];
    for (const [name, headers, body, field] of cases) {
      const answer = await post(stack.gatewayUrl, headers, body);
      expect({ name, status: answer.status, error: answer.json.error }).toEqual({
        name,
        status: 400,
        error: 'invalid_request',
      });
      expect({
        name,
        field: answer.json.field,
        rule: answer.json.rule,
        description: answer.json.error_description,
      }).toEqual({
        name,
        field,
        rule: expect.stringMatching(/^[a-z0-9.-]+$/),
        description: expect.stringContaining(field),
      });
    }
    // Correctly encoded, the same client is fine.
    const good = await post(
      stack.gatewayUrl,
      {
        authorization: basic(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`),
        'content-type': 'application/x-www-form-urlencoded',
      },
      'grant_type=client_credentials',
    );
    expect(good.status).toBe(200);
  });

  it('never refuses a client that knows its secret, however many wrong ones came from its address', async () => {
    const knows = clients.knows!;
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await exchange(direct, knows, `wrong-${i}`)).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual(Array(18).fill(429));
    const right = await exchange(direct, knows, knows.clientSecret);
    expect(right.status).toBe(200);
    expect(right.json.access_token).toEqual(expect.any(String));
    // Another client behind the same address (one proxy, one country) is not slowed down.
    expect((await exchange(direct, clients.neighbour!, 'wrong')).status).toBe(401);
    expect(
      (await exchange(direct, clients.neighbour!, clients.neighbour!.clientSecret)).status,
    ).toBe(200);
  });

  it('limits wrong secrets per client and address, then per client across addresses', async () => {
    const spread = clients.spread!;
    const from = (address: string) => exchange(proxied, spread, 'wrong', address);
    const first = [];
    for (let i = 0; i < 4; i++) first.push((await from('10.0.0.1')).status);
    expect(first).toEqual([401, 401, 401, 429]);
    const refused = await from('10.0.0.1');
    expect(refused.json).toMatchObject({
      error: 'rate_limited',
      limit: 'AUTH_TOKEN_FAILURES_PER_MINUTE',
      perMinute: 1,
      burst: 3,
    });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    // Another address behind the trusted proxy has its own count, until the client's runs out.
    const second = [];
    for (let i = 0; i < 3; i++) second.push((await from('10.0.0.2')).status);
    expect(second).toEqual([401, 401, 401]);
    const third = await from('10.0.0.3');
    expect(third.status).toBe(429);
    expect(third.json).toMatchObject({ limit: 'AUTH_TOKEN_CLIENT_FAILURES_PER_MINUTE', burst: 6 });
    // Still: the right secret, from any address.
    expect((await exchange(proxied, spread, spread.clientSecret, '10.0.0.1')).status).toBe(200);
  });

  it('takes X-Forwarded-For only from a trusted proxy', async () => {
    const client = clients.unproxied!;
    const statuses = [];
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'])
      statuses.push((await exchange(direct, client, 'wrong', address)).status);
    // Not trusted: every request counts under the connection's own address.
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('accepts a token only in the spelling it was issued in, at the gateway and at an adapter', async () => {
    const token = await stack.token(stack.adapter);
    const [header, claims, signature] = token.split('.') as [string, string, string];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const flipped = alphabet[alphabet.indexOf(signature.at(-1)!) ^ 1];
    const variants = [
      `${token}==`,
      `${header}.${claims}.${signature.slice(0, 10)}*${signature.slice(10)}`,
      `${header}.${claims}.${signature.slice(0, -1)}${flipped}`,
    ];
    const atGateway = (bearer: string) =>
      fetch(`${stack.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    // The original first, so a variant could only pass as a hit in the verified-token cache.
    expect((await atGateway(token)).status).toBe(200);
    expect((await stack.publish(token, [])).status).not.toBe(401);
    for (const variant of variants) {
      const gateway = await atGateway(variant);
      expect({ variant, status: gateway.status }).toEqual({ variant, status: 401 });
      expect(gateway.headers.get('www-authenticate')).toContain('malformed');
      const adapter = await stack.publish(variant, []);
      expect({ variant, status: adapter.status }).toEqual({ variant, status: 401 });
    }
  });
});
