import { describe, expect, it } from '@jest/globals';
import { getNationalIdScheme, VerhoeffNationalIdScheme } from '#spean/contracts';
import { principalFromClaims } from './claim-mapping.js';
import type { IssuerSettings } from './sessions.config.js';

const claims = { name: 'n', role: 'position', agency: 'ministry', nationalId: 'uin' };
const officers: IssuerSettings = {
  audience: 'officer',
  issuer: 'https://login.gov.kh',
  clientId: 'spean',
  clientSecret: 's',
  claims,
};
const checks = {
  nationalIds: getNationalIdScheme(),
  agencyExists: (id: string) => Promise.resolve(id === 'mef'),
};

function refusal(issuer: IssuerSettings, given: Record<string, unknown>) {
  return principalFromClaims(issuer, given, checks).then(
    () => {
      throw new Error('not refused');
    },
    (error: unknown) => error as { code: string; message: string; details: object },
  );
}

describe('principalFromClaims', () => {
  it('maps an officer through the configured claim names, Khmer names as NFC', async () => {
    const name = 'ស\u17BB\u17B8'.normalize('NFD');
    await expect(
      principalFromClaims(
        officers,
        { sub: 'u1', n: name, position: 'agency', ministry: 'mef' },
        checks,
      ),
    ).resolves.toEqual({
      clientId: 'spean',
      agencyId: 'mef',
      role: 'agency',
      person: {
        issuer: 'https://login.gov.kh',
        subject: 'u1',
        name: name.normalize('NFC'),
        statedBy: 'session',
      },
    });
  });

  it.each([
    [{ n: 'Dara', position: 'agency', ministry: 'mef' }, 'sub', 'required'],
    [{ sub: 'u1', position: 'agency', ministry: 'mef' }, 'n', 'required'],
    [{ sub: 'u1', n: 'Dara\u202e', position: 'agency', ministry: 'mef' }, 'n', 'text'],
    [{ sub: 'u1', n: 'x'.repeat(201), position: 'agency', ministry: 'mef' }, 'n', 'text'],
    [{ sub: 'u1', n: 'Dara', position: ['agency'], ministry: 'mef' }, 'position', 'required'],
    [{ sub: 'u1', n: 'Dara', position: 'adapter', ministry: 'mef' }, 'position', 'one-of'],
    [{ sub: 'u1', n: 'Dara', position: 'agency', ministry: 'gdt' }, 'ministry', 'registered'],
  ])('refuses officer claims %j: claim %s breaks %s', async (given, claim, rule) => {
    const error = await refusal(officers, given);
    expect(error).toMatchObject({ code: 'BAD_CLAIM', details: { claim, rule } });
    // The message names the claim, never its value.
    const value = (given as Record<string, unknown>)[claim];
    if (typeof value === 'string' && value !== '') expect(error.message).not.toContain(value);
  });

  it('gives a citizen the citizens agency and the checked national id, refusing a mistyped one', async () => {
    const citizens: IssuerSettings = { ...officers, audience: 'citizen' };
    const id = new VerhoeffNationalIdScheme().fromSerial(12345);
    await expect(
      principalFromClaims(citizens, { sub: 'c1', n: 'Dara', uin: id }, checks),
    ).resolves.toMatchObject({ agencyId: 'citizens', role: 'citizen', nationalId: id });
    const typo = `${id.slice(0, 9)}${(Number(id[9]) + 1) % 10}`;
    const error = await refusal(citizens, { sub: 'c1', n: 'Dara', uin: typo });
    expect(error).toMatchObject({
      code: 'BAD_CLAIM',
      details: { claim: 'uin', rule: 'check-digit' },
    });
    expect(error.message).not.toContain(typo);
  });
});
