// grantUsage and unusedGrants through GraphQL: a lookup uses the grants of the
// sections it returned for its purpose, a verification the verification grant,
// and nothing else; read from the audit log, so nothing is written per lookup.
// Who may ask (stewards, auditors) and who may not; an unknown agency named.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '#spean/access';
import { newNationalId, publishFullCitizen } from '../support/full-citizen.js';
import { roleTokens } from '../support/role-tokens.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

const USAGE = `query($a: String) {
  grantUsage(agencyId: $a) { grant { id agencyId section purpose } lastUsedAt }
}`;
const UNUSED = `query($a: String) { unusedGrants(agencyId: $a) { grant { section purpose } lastUsedAt } }`;

interface Usage {
  grant: { id: string; agencyId: string; section: string; purpose: string };
  lastUsedAt: string | null;
}

let stack: SpeanStack;
let tokens: Record<Role, string>;
let nationalId: string;

beforeAll(async () => {
  stack = await startStack('embedded', 'grant_usage');
  tokens = await roleTokens(stack);
  nationalId = newNationalId();
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

async function usage(token: string, agencyId?: string) {
  return stack.graphql<{ grantUsage: Usage[] }>(token, USAGE, agencyId ? { a: agencyId } : {});
}

const used = (rows: Usage[]) =>
  rows
    .filter((row) => row.lastUsedAt !== null)
    .map((row) => `${row.grant.section}/${row.grant.purpose}`);

describe('grant usage', () => {
  it('starts with every grant unused', async () => {
    const answer = await usage(tokens.steward, 'mef');
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.grantUsage.length).toBeGreaterThan(10);
    expect(used(answer.data!.grantUsage)).toEqual([]);
  });

  it('marks the grants a lookup and a verification used, and only those', async () => {
    // Waits for the read model with lookups of its own, for business-registration.
    await publishFullCitizen(stack, nationalId);
    const before = Date.now();
    type Found = { person: { dateOfBirth: string } | null } | null;
    const agency = await stack.token(stack.agency);
    let person: Found = null;
    for (let tries = 0; tries < 100 && !person?.person; tries++) {
      const lookup = await stack.graphql<{ citizen: Found }>(
        agency,
        `query($id: ID!) { citizen(nationalId: $id, purpose: "social-assistance") { person { dateOfBirth } } }`,
        { id: nationalId },
      );
      person = lookup.data!.citizen;
      if (!person?.person) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const verified = await stack.graphql(
      agency,
      `query($id: ID!, $d: String!) { verifyCitizen(nationalId: $id, purpose: "tax-administration", claims: { dateOfBirth: $d }) { known } }`,
      { id: nationalId, d: person!.person!.dateOfBirth },
    );
    expect(verified.errors).toBeUndefined();

    const answer = await usage(tokens.auditor, 'mef');
    expect(answer.errors).toBeUndefined();
    const ours = used(answer.data!.grantUsage).filter((g) => !g.endsWith('/business-registration'));
    // The lookup returned the person and, under the nationalId grant, the id itself.
    expect(ours.sort()).toEqual([
      'nationalId/social-assistance',
      'person/social-assistance',
      'verification/tax-administration',
    ]);
    const at = Date.parse(answer.data!.grantUsage.find((r) => r.lastUsedAt)!.lastUsedAt!);
    expect(at).toBeGreaterThanOrEqual(before - 1000);

    const unused = await stack.graphql<{ unusedGrants: Usage[] }>(tokens.steward, UNUSED, {
      a: 'mef',
    });
    const names = unused.data!.unusedGrants.map(
      (row) => `${row.grant.section}/${row.grant.purpose}`,
    );
    expect(names).not.toContain('person/social-assistance');
    expect(names).toContain('person/tax-administration');
    expect(names).toContain('vehicles/social-assistance');
    expect(unused.data!.unusedGrants.every((row) => row.lastUsedAt === null)).toBe(true);
  });

  it.each(['agency', 'adapter', 'integrator', 'citizen'] as const)('refuses a %s', async (role) => {
    for (const query of [USAGE, UNUSED]) {
      const answer = await stack.graphql(tokens[role], query, {});
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('names agencyId when no such agency is registered', async () => {
    for (const query of [USAGE, UNUSED]) {
      const answer = await stack.graphql(tokens.steward, query, { a: 'atlantis' });
      expect(answer.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'agencyId',
      });
    }
  });
});
