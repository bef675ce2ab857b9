import { describe, expect, it } from '@jest/globals';
import {
  GENESIS_HASH,
  canonicalEntry,
  canonicalJson,
  checkpointMessage,
  hashEntry,
} from './audit-hash.js';

const entry = {
  seq: 1,
  at: new Date('2026-11-22T03:00:00.000Z'),
  kind: 'lookup',
  actorClient: 'mef-desk',
  actorAgency: 'mef',
  actorPerson: null,
  subjectId: '010203040',
  purpose: 'business-registration',
  details: { sectionsReturned: ['identity', 'address'], sectionsDenied: [] },
  prevHash: GENESIS_HASH,
};

describe('canonical serialisation', () => {
  it('is a fixed-order JSON array with a format tag', () => {
    expect(canonicalEntry(entry)).toBe(
      '["spean-audit/1",1,"2026-11-22T03:00:00.000Z","lookup","mef-desk","mef","010203040",' +
        '"business-registration",{"sectionsDenied":[],"sectionsReturned":["identity","address"]},' +
        `"${GENESIS_HASH}"]`,
    );
  });

  it('hashes to a known value, so a change of format cannot slip in unnoticed', () => {
    expect(hashEntry(entry)).toBe(
      'dfee1d4bf29c294c007833a0c3ffd20b85b70e319af1d476b7a70c167e5362f1',
    );
  });

  it('does not depend on key order at any depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
    const reordered = {
      ...entry,
      details: { sectionsDenied: [], sectionsReturned: ['identity', 'address'] },
    };
    expect(hashEntry(reordered)).toBe(hashEntry(entry));
  });

  it('changes with every hashed field', () => {
    const base = hashEntry(entry);
    const variants = [
      { seq: 2 },
      { at: new Date('2026-11-22T03:00:00.001Z') },
      { kind: 'verification' },
      { actorClient: 'mef-desk-2' },
      { actorAgency: 'gdt' },
      { subjectId: '010203041' },
      { subjectId: null },
      { purpose: null },
      { purpose: '' },
      { details: { sectionsReturned: ['address', 'identity'], sectionsDenied: [] } },
      { prevHash: 'f'.repeat(64) },
    ];
    const hashes = variants.map((variant) => hashEntry({ ...entry, ...variant }));
    for (const hash of hashes) expect(hash).not.toBe(base);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('keeps field boundaries: text moved between fields changes the hash', () => {
    expect(hashEntry({ ...entry, actorClient: 'ab', actorAgency: 'c' })).not.toBe(
      hashEntry({ ...entry, actorClient: 'a', actorAgency: 'bc' }),
    );
  });

  it('treats Khmer text as Unicode, not bytes', () => {
    expect(canonicalJson({ ឈ្មោះ: 'សុខ' })).toBe('{"ឈ្មោះ":"សុខ"}');
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
    expect(() => canonicalJson(BigInt(1))).toThrow(TypeError);
  });

  it('signs seq:hash for checkpoints', () => {
    expect(checkpointMessage(1000, 'ab').toString('utf8')).toBe('1000:ab');
  });
});

describe('entries with a person (spean-audit/2)', () => {
  const person = {
    issuer: 'https://login.mef.gov.kh',
    subject: 'u-17',
    name: 'Sok Dara',
    statedBy: 'session' as const,
  };
  const withPerson = { ...entry, actorPerson: person };

  it('appends the person, keys sorted, after the /1 fields under the /2 tag', () => {
    expect(canonicalEntry(withPerson)).toBe(
      '["spean-audit/2",1,"2026-11-22T03:00:00.000Z","lookup","mef-desk","mef","010203040",' +
        '"business-registration",{"sectionsDenied":[],"sectionsReturned":["identity","address"]},' +
        `"${GENESIS_HASH}",` +
        '{"issuer":"https://login.mef.gov.kh","name":"Sok Dara","statedBy":"session","subject":"u-17"}]',
    );
  });

  it('leaves an entry without a person in the /1 format, hash unchanged', () => {
    expect(canonicalEntry(entry).startsWith('["spean-audit/1",')).toBe(true);
    expect(hashEntry(entry)).toBe(
      'dfee1d4bf29c294c007833a0c3ffd20b85b70e319af1d476b7a70c167e5362f1',
    );
  });

  it('changes with every field of the person, and when the person is taken away', () => {
    const base = hashEntry(withPerson);
    const variants = [
      { issuer: 'https://login.gdt.gov.kh' },
      { subject: 'u-18' },
      { name: 'Sok Dara ' },
      { statedBy: 'client' as const },
    ];
    const hashes = variants.map((variant) =>
      hashEntry({ ...withPerson, actorPerson: { ...person, ...variant } }),
    );
    for (const hash of hashes) expect(hash).not.toBe(base);
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(hashEntry({ ...withPerson, actorPerson: null })).not.toBe(base);
  });

  it('ignores any field of the person the format does not name', () => {
    const extra = { ...person, email: 'dara@mef.gov.kh' } as typeof person;
    expect(hashEntry({ ...withPerson, actorPerson: extra })).toBe(hashEntry(withPerson));
  });
});
