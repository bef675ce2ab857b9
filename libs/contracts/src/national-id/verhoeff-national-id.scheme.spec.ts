import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { verhoeffCheckDigit } from './verhoeff.js';
import { VerhoeffNationalIdScheme } from './verhoeff-national-id.scheme.js';

const scheme = new VerhoeffNationalIdScheme();

const serial = fc.integer({ min: 0, max: scheme.capacity - 1 });
const validId = serial.map((n) => scheme.fromSerial(n));

function ruleOf(id: string): string | undefined {
  const check = scheme.validate(id);
  return check.valid ? undefined : check.rule;
}

/** A small seeded generator (mulberry32), as a seeder would use. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('VerhoeffNationalIdScheme', () => {
  it('is named verhoeff10', () => {
    expect(scheme.name).toBe('verhoeff10');
  });

  it('accepts ten digits ending in the Verhoeff check digit of the first nine', () => {
    expect(scheme.validate('3234567891')).toEqual({ valid: true });
    expect(scheme.validate('2363000000'.slice(0, 9) + verhoeffCheckDigit('236300000'))).toEqual({
      valid: true,
    });
  });

  it('validates every id it generates from a serial', () => {
    fc.assert(
      fc.property(validId, (id) => {
        expect(id).toMatch(/^[2-9][0-9]{9}$/);
        expect(scheme.validate(id)).toEqual({ valid: true });
      }),
    );
  });

  it('rejects every single-digit substitution of a valid id', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 9 }), (id, at) => {
        for (let shift = 1; shift <= 9; shift++) {
          const wrong = String((Number(id[at]) + shift) % 10);
          expect(scheme.validate(id.slice(0, at) + wrong + id.slice(at + 1)).valid).toBe(false);
        }
      }),
    );
  });

  it('rejects every transposition of two different adjacent digits of a valid id', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 8 }), (id, at) => {
        fc.pre(id[at] !== id[at + 1]);
        const swapped = id.slice(0, at) + id[at + 1] + id[at] + id.slice(at + 2);
        expect(scheme.validate(swapped).valid).toBe(false);
      }),
    );
  });

  it('rejects a leading 0 or 1 even with a correct check digit', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('0', '1'),
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 8, maxLength: 8 }),
        (lead, rest) => {
          const body = lead + rest;
          expect(ruleOf(body + verhoeffCheckDigit(body))).toBe('leading-digit');
        },
      ),
    );
  });

  it('rejects a wrong length with the rule "length"', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 20 }),
        (digits) => {
          fc.pre(digits.length !== 10);
          expect(ruleOf(digits)).toBe('length');
        },
      ),
    );
    expect(ruleOf('')).toBe('length');
    expect(ruleOf('32345678912')).toBe('length');
  });

  it('rejects anything but ASCII digits with the rule "digits-only"', () => {
    for (const id of [
      '32345678a1',
      '3234 67891',
      '323456789-',
      '៣២៣៤៥៦៧៨៩១',
      '３２３４５６７８９１',
    ]) {
      expect(ruleOf(id)).toBe('digits-only');
    }
    fc.assert(
      fc.property(
        validId,
        fc.integer({ min: 0, max: 9 }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
        (id, at, char) => {
          fc.pre(!/[0-9]/.test(char));
          expect(ruleOf(id.slice(0, at) + char + id.slice(at + 1))).toBe('digits-only');
        },
      ),
    );
  });

  it('explains a failure without repeating the id', () => {
    const check = scheme.validate('3234567892');
    expect(check).toMatchObject({ valid: false, rule: 'check-digit' });
    if (!check.valid) expect(check.message).not.toContain('3234567892');
  });

  it('maps distinct serials to distinct ids', () => {
    const ids = new Set<string>();
    for (let n = 0; n < 200_000; n++) ids.add(scheme.fromSerial(n));
    expect(ids.size).toBe(200_000);
    fc.assert(
      fc.property(serial, serial, (a, b) => {
        fc.pre(a !== b);
        expect(scheme.fromSerial(a)).not.toBe(scheme.fromSerial(b));
      }),
    );
    expect(scheme.fromSerial(scheme.capacity - 1)).toMatch(/^[2-9][0-9]{9}$/);
  });

  it('is deterministic for a serial and for a seeded random source', () => {
    expect(scheme.fromSerial(0)).toBe('3234567891');
    expect(scheme.fromSerial(1)).toBe('8178839804');
    const draw = (seed: number) => {
      const random = seeded(seed);
      return Array.from({ length: 5 }, () => scheme.generate(random));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const id of draw(42)) expect(scheme.validate(id).valid).toBe(true);
  });

  it('refuses serials and random draws outside their range', () => {
    for (const bad of [-1, 1.5, scheme.capacity, Number.NaN]) {
      expect(() => scheme.fromSerial(bad)).toThrow(RangeError);
    }
    expect(() => scheme.generate(() => 1)).toThrow(RangeError);
    expect(() => scheme.generate(() => -0.1)).toThrow(RangeError);
  });
});
