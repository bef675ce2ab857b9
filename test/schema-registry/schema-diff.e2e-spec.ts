// schemaDiff through GraphQL: who may read it, what it says about a real
// proposed version of vehicle-registration, and bad input named by argument.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '#spean/access';
import { roleTokens } from '../support/role-tokens.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const v1 = JSON.parse(
  fs.readFileSync(path.join(root, 'schemas/vehicle-registration/1.json'), 'utf8'),
) as { properties: Record<string, unknown> };

/** v1 plus an optional fuel type: allowed under BACKWARD_TRANSITIVE, breaks old consumers. */
const v2 = {
  ...v1,
  properties: { ...v1.properties, fuelType: { enum: ['petrol', 'diesel', 'electric'] } },
};

const DIFF = `query($t: String!, $from: Int!, $to: Int!) {
  schemaDiff(recordType: $t, from: $from, to: $to) {
    recordType from to mode allowedUnderMode impact
    differences { path change beforeJson afterJson impact incompatibilities { rule direction } }
    incompatibilities { rule }
  }
}`;

interface Diff {
  schemaDiff: {
    from: number;
    to: number;
    mode: string;
    allowedUnderMode: boolean;
    impact: string;
    differences: Array<{
      path: string;
      change: string;
      beforeJson: string | null;
      afterJson: string | null;
      impact: string;
      incompatibilities: Array<{ rule: string; direction: string }>;
    }>;
  };
}

let stack: SpeanStack;
let tokens: Record<Role, string>;

beforeAll(async () => {
  stack = await startStack('embedded', 'schema_diff');
  tokens = await roleTokens(stack);
  const proposed = await stack.graphql(
    tokens.integrator,
    `mutation($s: String!) { proposeSchemaVersion(recordType: "vehicle-registration", schema: $s, reason: "fuel type for the emissions tax") { version } }`,
    { s: JSON.stringify(v2) },
  );
  expect(proposed.errors).toBeUndefined();
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('schemaDiff', () => {
  it.each(['steward', 'integrator', 'auditor'])(
    'answers a %s with each change and its impact',
    async (role) => {
      const answer = await stack.graphql<Diff>(tokens[role as Role], DIFF, {
        t: 'vehicle-registration',
        from: 1,
        to: 2,
      });
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.schemaDiff).toMatchObject({
        from: 1,
        to: 2,
        mode: 'BACKWARD_TRANSITIVE',
        allowedUnderMode: true,
        impact: 'BACKWARD',
        differences: [
          {
            path: '/properties/fuelType',
            change: 'added',
            beforeJson: null,
            afterJson: JSON.stringify({ enum: ['petrol', 'diesel', 'electric'] }),
            impact: 'BACKWARD',
            incompatibilities: [{ rule: 'property-added-to-closed-model', direction: 'forward' }],
          },
        ],
      });
    },
  );

  it('reads the same change the other way round', async () => {
    const answer = await stack.graphql<Diff>(tokens.steward, DIFF, {
      t: 'vehicle-registration',
      from: 2,
      to: 1,
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.schemaDiff).toMatchObject({
      allowedUnderMode: false,
      impact: 'FORWARD',
      differences: [{ path: '/properties/fuelType', change: 'removed', afterJson: null }],
    });
  });

  it.each(['agency', 'adapter', 'citizen'])('refuses a %s', async (role) => {
    const answer = await stack.graphql<Diff>(tokens[role as Role], DIFF, {
      t: 'vehicle-registration',
      from: 1,
      to: 2,
    });
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it.each([
    ['recordType', { t: 'spaceship', from: 1, to: 2 }],
    ['from', { t: 'vehicle-registration', from: 9, to: 1 }],
    ['to', { t: 'vehicle-registration', from: 1, to: -3 }],
  ])('names %s when it is not registered', async (argument, variables) => {
    const answer = await stack.graphql<Diff>(tokens.steward, DIFF, variables);
    const error = answer.errors![0]!;
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
    expect(error.message.startsWith(`${argument}: `)).toBe(true);
  });
});

describe('reading the registry', () => {
  const READ = `query($t: String!) {
    schemas(recordType: $t) { compatibility versions { version state } }
    schemaChanges(recordType: $t) { action version }
  }`;

  it.each(['steward', 'integrator', 'auditor'])(
    'shows a %s the versions and every change',
    async (role) => {
      const answer = await stack.graphql<{
        schemas: Array<{ versions: Array<{ version: number; state: string }> }>;
        schemaChanges: Array<{ action: string; version: number | null }>;
      }>(tokens[role as Role], READ, { t: 'vehicle-registration' });
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.schemas[0]!.versions.map((v) => v.version)).toEqual([1, 2]);
      expect(answer.data!.schemaChanges).toContainEqual({ action: 'propose', version: 2 });
    },
  );

  it.each(['agency', 'adapter', 'citizen'])('refuses a %s', async (role) => {
    const answer = await stack.graphql(tokens[role as Role], READ, { t: 'vehicle-registration' });
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('keeps the working tools from an auditor', async () => {
    for (const query of [
      `{ lineage { party } }`,
      `{ checkCompatibility(recordType: "vehicle-registration", schema: "{}") { compatible } }`,
    ]) {
      const answer = await stack.graphql(tokens.auditor, query);
      expect(answer.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });
});
