import { describe, expect, it } from '@jest/globals';
import type { Principal } from '#spean/access';
import { statedOfficer } from './stated-officer.js';

const desk: Principal = { clientId: 'mef-desk-1', agencyId: 'mef', role: 'agency' };

function refusal(principal: Principal | undefined, header: string | string[]) {
  try {
    statedOfficer(principal, header);
  } catch (error) {
    return error as { code: string; details: { header: string; rule: string } };
  }
  throw new Error('not refused');
}

describe('X-Spean-Officer', () => {
  it('records the officer a desk system names, on its word, with Khmer names percent-encoded', () => {
    expect(statedOfficer(desk, `4411;${encodeURIComponent('សុខ ដារា')}`)).toEqual({
      issuer: 'mef-desk-1',
      subject: '4411',
      name: 'សុខ ដារា',
      statedBy: 'client',
    });
    expect(statedOfficer(desk, undefined)).toBeUndefined();
  });

  it.each([
    ['format', '4411 Sok Dara'],
    ['staff-id', ';Sok Dara'],
    ['staff-id', '44 11;Sok'],
    ['percent-encoding', '4411;Sok%E0%A4'],
    ['name', '4411;'],
    ['name', '4411;Sok%00Dara'],
    ['name', `4411;${encodeURIComponent('Sok\u202eDara')}`],
    ['name', `4411;${'a'.repeat(201)}`],
  ])('refuses a header breaking %s: %j', (rule, header) => {
    expect(refusal(desk, header)).toMatchObject({
      code: 'BAD_OFFICER_HEADER',
      details: { header: 'X-Spean-Officer', rule },
    });
  });

  it('refuses it from anyone but an agency’s own system, and twice', () => {
    const person = { issuer: 'i', subject: 's', name: 'n', statedBy: 'session' as const };
    for (const principal of [
      { ...desk, role: 'steward' as const },
      { ...desk, role: 'citizen' as const },
      { ...desk, person },
    ])
      expect(refusal(principal, '4411;Sok')).toMatchObject({
        details: { rule: 'agency-clients-only' },
      });
    expect(refusal(desk, ['4411;Sok', '4412;Dara'])).toMatchObject({ details: { rule: 'single' } });
  });
});
