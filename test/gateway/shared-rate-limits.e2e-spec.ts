// The rate limits hold across gateway processes: two gateways on one database
// give a client its rate, not twice it, and a wrong-secret lockout earned at
// one gateway holds at the other. Below them, two limiters on one database
// asked at once share one bucket exactly (the statement's row lock).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateSigningKeyPem, signingKeyFromPem } from '#spean/access';
import { LeasedRateLimiter, RateBucketRepository } from '../../apps/gateway/src/gateway.app.js';
import { startStack, type Credentials, type SpeanStack } from '../support/spean-stack.js';
import { startGateway, type GatewayInstance } from './gateway-instance.js';

const RATE = 10;
const BURST = 10;
const LIMITS = {
  GRAPHQL_RATE_LIMIT_PER_SECOND: String(RATE),
  GRAPHQL_RATE_LIMIT_BURST: String(BURST),
  AUTH_TOKEN_FAILURES_PER_MINUTE: '1',
  AUTH_TOKEN_FAILURE_BURST: '3',
  AUTH_TOKEN_CLIENT_FAILURES_PER_MINUTE: '1',
  AUTH_TOKEN_CLIENT_FAILURE_BURST: '100',
};

async function exchange(gateway: GatewayInstance, clientId: string, secret: string) {
  const response = await fetch(`${gateway.url}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: secret,
    }).toString(),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function typename(gateway: GatewayInstance, token: string): Promise<number> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('rate limits shared by gateway processes', () => {
  let stack: SpeanStack;
  let first: GatewayInstance;
  let second: GatewayInstance;
  const clients: Record<string, Credentials> = {};

  beforeAll(async () => {
    stack = await startStack('embedded', 'shared-rate-limits');
    const key = signingKeyFromPem(generateSigningKeyPem());
    first = await startGateway(stack, LIMITS, key);
    second = await startGateway(stack, LIMITS, key);
    for (const name of ['busy', 'guessed']) clients[name] = await first.register(`shared ${name}`);
  }, 120_000);

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await stack?.close();
  });

  it('gives a client calling both gateways its rate, not twice it', async () => {
    const { clientId, clientSecret } = clients.busy!;
    const issued = await exchange(first, clientId, clientSecret);
    expect(issued.status).toBe(200);
    const token = issued.json.access_token as string;
    const admitted = new Map<GatewayInstance, number>([
      [first, 0],
      [second, 0],
    ]);
    let refused = 0;
    const started = performance.now();
    const until = started + 2_000;
    // Two callers at each gateway, as fast as they are answered, for two seconds.
    await Promise.all(
      [first, first, second, second].map(async (gateway) => {
        while (performance.now() < until) {
          const status = await typename(gateway, token);
          if (status === 200) admitted.set(gateway, admitted.get(gateway)! + 1);
          else if (status === 429) refused++;
          else throw new Error(`unexpected status ${status}`);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const total = admitted.get(first)! + admitted.get(second)!;
    // The callers asked for far more than the limit: it was reached.
    expect(refused).toBeGreaterThan(total);
    // Each gateway served the client, and together no more than one limit
    // allows (lease 1 here: at most 1.5 tokens per process leased early).
    expect(admitted.get(first)).toBeGreaterThan(0);
    expect(admitted.get(second)).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(Math.floor(BURST + RATE * seconds + 2 * 1.5));
    // Two limits apart would have admitted about twice the burst at once.
    expect(total).toBeGreaterThanOrEqual(BURST);
  }, 30_000);

  it('holds a wrong-secret lockout earned at one gateway at the other', async () => {
    const { clientId, clientSecret } = clients.guessed!;
    // Three wrong secrets (the burst), alternately at each gateway, from one address.
    expect((await exchange(first, clientId, 'wrong-1')).status).toBe(401);
    expect((await exchange(second, clientId, 'wrong-2')).status).toBe(401);
    expect((await exchange(first, clientId, 'wrong-3')).status).toBe(401);
    // The fourth is refused at the gateway that saw only one of them.
    const refused = await exchange(second, clientId, 'wrong-4');
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({
      error: 'rate_limited',
      limit: 'AUTH_TOKEN_FAILURES_PER_MINUTE',
      burst: 3,
    });
    expect((await exchange(first, clientId, 'wrong-5')).status).toBe(429);
    // A client that knows its secret is never refused, at either gateway.
    expect((await exchange(first, clientId, clientSecret)).status).toBe(200);
    expect((await exchange(second, clientId, clientSecret)).status).toBe(200);
  });

  it('shares one bucket exactly between two limiters asked at once', async () => {
    const limit = { name: 'concurrent', ratePerSecond: 1, burst: 50 };
    const limiters = [0, 1].map(
      () => new LeasedRateLimiter(new RateBucketRepository(stack.db.database), limit),
    );
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => limiters[i % 2]!.take('one-client')),
    );
    const seconds = (performance.now() - started) / 1000;
    const allowed = answers.filter((answer) => answer.allowed).length;
    expect(allowed).toBeGreaterThanOrEqual(limit.burst);
    expect(allowed).toBeLessThanOrEqual(
      Math.floor(limit.burst + seconds * limit.ratePerSecond + 3),
    );
    expect(answers.find((answer) => !answer.allowed)).toMatchObject({ retryAfterSeconds: 1 });
  });
});
