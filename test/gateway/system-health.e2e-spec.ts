// systemHealth against a running stack: the gateway, database, bus and read
// model answer; the built-in adapters are approved and keeping up; an adapter
// registered and not yet approved is named with what is wrong; only stewards
// may ask.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '#spean/access';
import { roleTokens } from '../support/role-tokens.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

const HEALTH = `{
  systemHealth {
    checkedAt healthy
    components { name kind healthy state lagMessages lagSeconds deadLetters problems }
  }
}`;

interface Health {
  systemHealth: {
    checkedAt: string;
    healthy: boolean;
    components: Array<{
      name: string;
      kind: string;
      healthy: boolean;
      state: string | null;
      lagMessages: number | null;
      lagSeconds: number | null;
      deadLetters: number | null;
      problems: string[];
    }>;
  };
}

describe('systemHealth (embedded bus)', () => {
  let stack: SpeanStack;
  let tokens: Record<Role, string>;

  beforeAll(async () => {
    stack = await startStack('embedded', 'system_health');
    tokens = await roleTokens(stack);
    const registered = await stack.graphql(
      tokens.integrator,
      `mutation($input: RegisterAdapterInput!) { registerAdapter(input: $input) { name } }`,
      {
        input: {
          name: 'weighbridge',
          title: 'Weighbridge stations',
          consumes: [{ recordType: 'vehicle-registration' }],
        },
      },
    );
    expect(registered.errors).toBeUndefined();
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('tells a steward how each part of the exchange is doing', async () => {
    const answer = await stack.graphql<Health>(tokens.steward, HEALTH);
    expect(answer.errors).toBeUndefined();
    const health = answer.data!.systemHealth;
    expect(Math.abs(Date.parse(health.checkedAt) - Date.now())).toBeLessThan(60_000);
    const byName = (name: string, kind: string) =>
      health.components.find((component) => component.name === name && component.kind === kind);
    for (const [name, kind] of [
      ['gateway', 'gateway'],
      ['database', 'database'],
      ['bus', 'bus'],
    ]) {
      expect(byName(name, kind)).toMatchObject({ healthy: true, problems: [] });
    }
    expect(byName('gateway', 'read-model')!.lagMessages).not.toBeNull();
    expect(byName('transport', 'adapter')).toMatchObject({ state: 'approved', deadLetters: 0 });
    expect(byName('weighbridge', 'adapter')).toMatchObject({
      healthy: false,
      state: 'pending',
      problems: expect.arrayContaining(['its registration is pending']),
    });
    expect(health.healthy).toBe(false);
  });

  it.each(['agency', 'adapter', 'integrator', 'auditor', 'citizen'] as const)(
    'refuses a %s',
    async (role) => {
      const answer = await stack.graphql<Health>(tokens[role], HEALTH);
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    },
  );
});
