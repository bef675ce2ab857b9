import { describe, expect, it } from '@jest/globals';
import { VerhoeffNationalIdScheme } from '#spean/contracts';
import { AccessDeniedException } from './access-denied.exception.js';
import { ClientException } from './client.exception.js';
import {
  auditActorOf,
  authoriseCreate,
  authoriseCreating,
  authoriseListing,
  authoriseManage,
  maskNationalId,
  validateNewClient,
  validateOverlapHours,
  validateReason,
  type CredentialActor,
  type ValidNewClient,
} from './client-policy.js';
import type { Role } from './principal.js';

const scheme = new VerhoeffNationalIdScheme();
const CITIZEN_ID = '4016698706';

function client(
  role: Role,
  agencyId = 'mpwt',
  clientId = `${agencyId}.${role}.1`,
): CredentialActor {
  return { kind: 'client', principal: { clientId, agencyId, role } };
}
const operator: CredentialActor = { kind: 'operator', name: 'cli:ops' };

function invalidField(work: () => unknown): { field?: string; rule?: string } {
  try {
    work();
  } catch (error) {
    if (error instanceof ClientException) return { field: error.field, rule: error.rule };
    throw error;
  }
  throw new Error('expected a ClientException');
}

describe('validating a new client', () => {
  it('accepts an agency client and normalises its text', () => {
    expect(
      validateNewClient(
        { role: 'agency', agencyId: 'mef', agencyName: ' Ministry ', name: 'Desk\u0301 ' },
        scheme,
      ),
    ).toEqual({
      agencyId: 'mef',
      agencyName: 'Ministry',
      name: 'Desk\u0301'.normalize('NFC'),
      role: 'agency',
      adapter: null,
      nationalId: null,
      reason: null,
    });
  });

  it('puts a citizen in the citizens agency with the canonical national id', () => {
    const valid = validateNewClient(
      { role: 'citizen', name: 'Citizen', nationalId: '401 669-8706' },
      scheme,
    );
    expect(valid).toMatchObject({
      agencyId: 'citizens',
      agencyName: 'Citizens',
      role: 'citizen',
      nationalId: CITIZEN_ID,
    });
  });

  it.each([
    [{ role: 'root', agencyId: 'mef', name: 'x' }, 'role', 'one-of'],
    [{ role: 'agency', agencyId: 'mef', name: '  ' }, 'name', 'required'],
    [{ role: 'agency', name: 'x' }, 'agencyId', 'required'],
    [{ role: 'agency', agencyId: 'MEF!', name: 'x' }, 'agencyId', 'pattern'],
    [{ role: 'agency', agencyId: 'citizens', name: 'x' }, 'agencyId', 'reserved'],
    [
      { role: 'agency', agencyId: 'mef', name: 'x', nationalId: CITIZEN_ID },
      'nationalId',
      'citizen-only',
    ],
    [{ role: 'adapter', agencyId: 'moi', name: 'x' }, 'adapter', 'required'],
    [{ role: 'adapter', agencyId: 'moi', name: 'x', adapter: 'Interior' }, 'adapter', 'pattern'],
    [
      { role: 'agency', agencyId: 'moi', name: 'x', adapter: 'interior' },
      'adapter',
      'adapter-only',
    ],
    [{ role: 'citizen', name: 'x' }, 'nationalId', 'required'],
    [{ role: 'citizen', name: 'x', nationalId: '4016698707' }, 'nationalId', 'check-digit'],
    [{ role: 'citizen', name: 'x', nationalId: '40166987' }, 'nationalId', 'length'],
    [
      { role: 'citizen', name: 'x', nationalId: CITIZEN_ID, agencyId: 'mef' },
      'agencyId',
      'citizen-agency',
    ],
    [{ role: 'agency', agencyId: 'mef', name: 'a\u0000b' }, 'name', 'text'],
    [{ role: 'agency', agencyId: 'mef', name: 'x'.repeat(201) }, 'name', 'max-length'],
  ])('refuses %j: %s breaks %s', (input, field, rule) => {
    expect(invalidField(() => validateNewClient(input, scheme))).toEqual({ field, rule });
  });

  it('never repeats a national id in its messages', () => {
    try {
      validateNewClient({ role: 'citizen', name: 'x', nationalId: '4016698707' }, scheme);
    } catch (error) {
      expect((error as Error).message).not.toContain('4016698707');
      expect((error as Error).message).toMatch(/^nationalId /);
    }
  });
});

describe('overlap and reasons', () => {
  it('takes the default, whole hours from 0 to a week', () => {
    expect(validateOverlapHours(undefined, 24)).toBe(24);
    expect(validateOverlapHours(0, 24)).toBe(0);
    expect(validateOverlapHours(168, 24)).toBe(168);
    for (const bad of [-1, 169, 1.5, Number.NaN])
      expect(invalidField(() => validateOverlapHours(bad, 24))).toEqual({
        field: 'overlapHours',
        rule: 'range',
      });
  });

  it('needs a reason to revoke, and trims it', () => {
    expect(validateReason('  leaked ', true)).toBe('leaked');
    expect(validateReason(undefined, false)).toBeNull();
    expect(invalidField(() => validateReason(' ', true))).toEqual({
      field: 'reason',
      rule: 'required',
    });
  });
});

describe('who may create clients', () => {
  const adapterClient = (agencyId: string, adapter = 'fleet'): ValidNewClient => ({
    agencyId,
    agencyName: null,
    name: 'Fleet adapter',
    role: 'adapter',
    adapter,
    nationalId: null,
    reason: null,
  });
  const steward: ValidNewClient = { ...adapterClient('interop'), role: 'steward', adapter: null };
  const facts = { renamesAgency: false, adapterAgency: 'mpwt' };

  it('lets operators and stewards create any client', () => {
    for (const actor of [operator, client('steward', 'interop')]) {
      expect(() => authoriseCreate(actor, steward, facts)).not.toThrow();
      expect(() => authoriseCreate(actor, adapterClient('moi'), facts)).not.toThrow();
    }
  });

  it("lets an integrator create adapter clients for its own agency's approved adapters only", () => {
    const integrator = client('integrator', 'mpwt');
    expect(() => authoriseCreate(integrator, adapterClient('mpwt'), facts)).not.toThrow();
    expect(() => authoriseCreate(integrator, steward, facts)).toThrow(AccessDeniedException);
    expect(() => authoriseCreate(integrator, adapterClient('moi'), facts)).toThrow(
      'its own agency',
    );
    expect(() =>
      authoriseCreate(integrator, adapterClient('mpwt'), { ...facts, adapterAgency: 'moi' }),
    ).toThrow('no approved registration');
    expect(() =>
      authoriseCreate(integrator, adapterClient('mpwt'), { ...facts, adapterAgency: undefined }),
    ).toThrow('no approved registration');
    expect(() =>
      authoriseCreate(integrator, adapterClient('mpwt'), { ...facts, renamesAgency: true }),
    ).toThrow('renaming an agency');
  });

  it.each(['agency', 'adapter', 'auditor', 'citizen'] as const)(
    'refuses a %s client before looking at the input',
    (role) => {
      expect(() => authoriseCreating(client(role))).toThrow(AccessDeniedException);
    },
  );
});

describe('who may list clients', () => {
  it('shows stewards, auditors and operators every agency, or the one asked for', () => {
    for (const actor of [operator, client('steward', 'interop'), client('auditor', 'naa')]) {
      expect(authoriseListing(actor, undefined)).toBeUndefined();
      expect(authoriseListing(actor, 'mef')).toBe('mef');
    }
  });

  it('keeps agency and integrator clients to their own agency', () => {
    for (const role of ['agency', 'integrator'] as const) {
      expect(authoriseListing(client(role, 'mef'), undefined)).toBe('mef');
      expect(authoriseListing(client(role, 'mef'), 'mef')).toBe('mef');
      expect(() => authoriseListing(client(role, 'mef'), 'moi')).toThrow(AccessDeniedException);
    }
  });

  it.each(['adapter', 'citizen'] as const)('refuses a %s client', (role) => {
    expect(() => authoriseListing(client(role), undefined)).toThrow(AccessDeniedException);
  });
});

describe('who may rotate or revoke a client', () => {
  const target = (role: Role, agencyId: string, clientId = `${agencyId}.${role}.9`) => ({
    clientId,
    agencyId,
    role,
  });

  it('lets operators and stewards manage any client', () => {
    for (const actor of [operator, client('steward', 'interop')])
      expect(() => authoriseManage(actor, target('steward', 'interop'), 'rotating')).not.toThrow();
  });

  it.each(['agency', 'adapter', 'auditor', 'citizen', 'integrator'] as const)(
    'lets a %s client manage itself, and no other client of its kind',
    (role) => {
      const self = client(role, 'mef', 'mef.self');
      expect(() =>
        authoriseManage(self, target(role, 'mef', 'mef.self'), 'revoking'),
      ).not.toThrow();
      expect(() => authoriseManage(self, target('agency', 'mef'), 'revoking')).toThrow(
        AccessDeniedException,
      );
    },
  );

  it("lets an integrator manage its own agency's adapter clients", () => {
    const integrator = client('integrator', 'mpwt');
    expect(() => authoriseManage(integrator, target('adapter', 'mpwt'), 'rotating')).not.toThrow();
    expect(() => authoriseManage(integrator, target('adapter', 'moi'), 'rotating')).toThrow(
      AccessDeniedException,
    );
    expect(() => authoriseManage(integrator, target('steward', 'mpwt'), 'rotating')).toThrow(
      AccessDeniedException,
    );
  });
});

describe('masking and audit actors', () => {
  it('shows only the last three digits of a national id', () => {
    expect(maskNationalId(CITIZEN_ID)).toBe('*******706');
    expect(maskNationalId(CITIZEN_ID)).not.toContain('4016');
  });

  it('records an operator under the agency "operator"', () => {
    expect(auditActorOf(operator)).toEqual({
      actorClient: 'cli:ops',
      actorAgency: 'operator',
      actorPerson: null,
    });
    expect(auditActorOf(client('steward', 'interop', 's1'))).toEqual({
      actorClient: 's1',
      actorAgency: 'interop',
      actorPerson: null,
    });
  });

  it('records the person a client acts for', () => {
    const person = {
      issuer: 'https://login.gov.kh',
      subject: 'u1',
      name: 'Chea Sreymom',
      statedBy: 'session' as const,
    };
    const steward = client('steward', 'interop', 's1');
    if (steward.kind !== 'client') throw new Error('a client actor');
    expect(auditActorOf({ ...steward, principal: { ...steward.principal, person } })).toEqual({
      actorClient: 's1',
      actorAgency: 'interop',
      actorPerson: person,
    });
  });
});
