// consumerLag through GraphQL and /metrics, on either bus: an approved
// adapter that is not running falls behind on what it consumes, in messages
// and in seconds; the read model catches up; who may read it, and a group
// nobody registered.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '#spean/access';
import { newNationalId, publishFullCitizen } from '../support/full-citizen.js';
import { roleTokens } from '../support/role-tokens.js';
import { startStack, type SpeanStack, type Transport } from '../support/spean-stack.js';

const LAG = `query($g: String) {
  consumerLag(group: $g) { group kind topics messages seconds oldestUnconsumedAt error }
}`;

interface Lag {
  consumerLag: Array<{
    group: string;
    kind: string;
    topics: string[];
    messages: number | null;
    seconds: number | null;
    oldestUnconsumedAt: string | null;
    error: string | null;
  }>;
}

export function describeConsumerLag(transport: Transport): void {
  let stack: SpeanStack;
  let tokens: Record<Role, string>;
  let published: number;

  beforeAll(async () => {
    stack = await startStack(transport, `consumer_lag_${transport}`);
    tokens = await roleTokens(stack);
    // An adapter registered and approved to consume persons, and never started.
    const registered = await stack.graphql(
      tokens.integrator,
      `mutation($input: RegisterAdapterInput!) { registerAdapter(input: $input) { name } }`,
      {
        input: {
          name: 'fleet',
          title: 'Fleet register',
          publishes: [],
          consumes: [{ recordType: 'person' }],
        },
      },
    );
    expect(registered.errors).toBeUndefined();
    const approved = await stack.graphql(
      tokens.steward,
      `mutation { approveAdapter(name: "fleet", reason: "reviewed with the ministry") { state } }`,
    );
    expect(approved.errors).toBeUndefined();
    published = Date.now();
    await publishFullCitizen(stack, newNationalId());
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  async function lagOf(token: string, group?: string) {
    return stack.graphql<Lag>(token, LAG, group === undefined ? {} : { g: group });
  }

  describe(`consumerLag (${transport} bus)`, () => {
    it.each(['steward', 'integrator'] as const)(
      'tells a %s how far a stopped adapter is behind, in messages and seconds',
      async (role) => {
        await new Promise((resolve) => setTimeout(resolve, 1100));
        const answer = await lagOf(tokens[role], 'fleet');
        expect(answer.errors).toBeUndefined();
        const [fleet] = answer.data!.consumerLag;
        expect(fleet).toMatchObject({
          group: 'fleet',
          kind: 'adapter',
          topics: ['spean.person'],
          error: null,
        });
        expect(fleet!.messages).toBeGreaterThanOrEqual(1);
        expect(fleet!.seconds).toBeGreaterThanOrEqual(1);
        const oldest = Date.parse(fleet!.oldestUnconsumedAt!);
        expect(oldest).toBeGreaterThanOrEqual(published - 1000);
        expect(oldest).toBeLessThanOrEqual(Date.now());
      },
    );

    it('lists the read model and every adapter, and the read model catches up', async () => {
      const deadline = Date.now() + 10_000;
      let groups = (await lagOf(tokens.steward)).data!.consumerLag;
      while (groups.find((g) => g.group === 'gateway')?.messages !== 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        groups = (await lagOf(tokens.steward)).data!.consumerLag;
      }
      const gateway = groups.find((g) => g.group === 'gateway');
      expect(gateway).toMatchObject({
        kind: 'read-model',
        messages: 0,
        seconds: 0,
        oldestUnconsumedAt: null,
      });
      expect(groups.map((g) => g.group)).toEqual(
        expect.arrayContaining(['fleet', 'transport', 'tax']),
      );
    });

    it('fills spean_consumer_lag_messages and spean_consumer_lag_seconds on /metrics', async () => {
      const text = await (await fetch(`${stack.gatewayUrl}/metrics`)).text();
      const value = (name: string) => {
        const line = text
          .split('\n')
          .find((l) => l.startsWith(`${name}{`) && l.includes('group="fleet"'));
        return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
      };
      expect(value('spean_consumer_lag_messages')).toBeGreaterThanOrEqual(1);
      expect(value('spean_consumer_lag_seconds')).toBeGreaterThan(0);
    });

    it.each(['agency', 'adapter', 'auditor', 'citizen'] as const)('refuses a %s', async (role) => {
      const answer = await lagOf(tokens[role]);
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    });

    it('names the group argument when nobody consumes under that name', async () => {
      const answer = await lagOf(tokens.steward, 'ghost');
      expect(answer.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'group',
      });
      expect(answer.errors![0]!.message.startsWith('group: ')).toBe(true);
    });
  });
}
