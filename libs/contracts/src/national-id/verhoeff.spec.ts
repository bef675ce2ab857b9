import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { verhoeffCheckDigit, verhoeffIsValid } from './verhoeff.js';

const digitString = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength, maxLength });

describe('verhoeff', () => {
  it.each([
    ['236', 3],
    ['12345', 1],
    ['142857', 0],
    ['0', 4],
    ['75872', 2],
  ])('computes the check digit of %s as %i', (digits, check) => {
    expect(verhoeffCheckDigit(digits)).toBe(check);
    expect(verhoeffIsValid(`${digits}${check}`)).toBe(true);
  });

  it('rejects a number whose last digit is not its check digit', () => {
    expect(verhoeffIsValid('2363')).toBe(true);
    for (const wrong of '012456789') expect(verhoeffIsValid(`236${wrong}`)).toBe(false);
  });

  it('refuses input that is not a non-empty string of ASCII digits', () => {
    expect(() => verhoeffCheckDigit('')).toThrow(RangeError);
    expect(() => verhoeffCheckDigit('12a4')).toThrow(RangeError);
    expect(() => verhoeffCheckDigit('១២៣')).toThrow(RangeError);
    expect(verhoeffIsValid('')).toBe(false);
    expect(verhoeffIsValid('4')).toBe(false);
    expect(verhoeffIsValid('23x3')).toBe(false);
  });

  it('makes every digit string valid by appending its check digit', () => {
    fc.assert(
      fc.property(digitString(1, 30), (digits) => {
        expect(verhoeffIsValid(digits + verhoeffCheckDigit(digits))).toBe(true);
      }),
    );
  });

  it('catches every single-digit error', () => {
    fc.assert(
      fc.property(
        digitString(1, 20),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (body, at, shift) => {
          const valid = body + verhoeffCheckDigit(body);
          const i = at % valid.length;
          const wrong = String((Number(valid[i]) + shift) % 10);
          expect(verhoeffIsValid(valid.slice(0, i) + wrong + valid.slice(i + 1))).toBe(false);
        },
      ),
    );
  });

  it('catches every swap of two different adjacent digits', () => {
    fc.assert(
      fc.property(digitString(1, 20), fc.nat(), (body, at) => {
        const valid = body + verhoeffCheckDigit(body);
        const i = at % (valid.length - 1);
        fc.pre(valid[i] !== valid[i + 1]);
        const swapped = valid.slice(0, i) + valid[i + 1] + valid[i] + valid.slice(i + 2);
        expect(verhoeffIsValid(swapped)).toBe(false);
      }),
    );
  });
});
