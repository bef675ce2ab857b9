import { describe, expect, it } from '@jest/globals';
import {
  checkTypedNationalId,
  normaliseNationalIdInput,
  type NationalIdScheme,
} from './national-id-scheme.js';
import {
  DEFAULT_NATIONAL_ID_SCHEME,
  getNationalIdScheme,
  nationalIdSchemeNames,
  registerNationalIdScheme,
} from './national-id-scheme.registry.js';

describe('normaliseNationalIdInput', () => {
  it.each([
    ['  3234567891 ', 'trimmed'],
    ['323 456 7891', 'spaces removed'],
    ['323-456-7891', 'hyphens removed'],
    ['323\u00A0456\u2013789\u20101', 'no-break space, en dash and Unicode hyphen removed'],
    ['\t3234\n567891', 'tabs and line breaks removed'],
    ['៣២៣៤៥៦៧៨៩១', 'Khmer digits mapped to ASCII'],
    ['៣២៣ ៤៥៦-៧៨៩១', 'Khmer digits with separators'],
  ])('normalises %j (%s)', (raw) => {
    expect(normaliseNationalIdInput(raw)).toBe('3234567891');
  });

  it('keeps other characters so validation can name the problem', () => {
    expect(normaliseNationalIdInput('32345678O1')).toBe('32345678O1');
  });
});

describe('checkTypedNationalId', () => {
  it('validates what a clerk typed, in canonical form', () => {
    const scheme = getNationalIdScheme();
    expect(checkTypedNationalId(scheme, '323 456 7891')).toEqual({
      id: '3234567891',
      check: { valid: true },
    });
    expect(checkTypedNationalId(scheme, '323-456-7819').check).toMatchObject({
      valid: false,
      rule: 'check-digit',
    });
  });
});

describe('national id scheme registry', () => {
  it('selects verhoeff10 by default', () => {
    expect(DEFAULT_NATIONAL_ID_SCHEME).toBe('verhoeff10');
    expect(getNationalIdScheme().name).toBe('verhoeff10');
    expect(getNationalIdScheme('verhoeff10')).toBe(getNationalIdScheme());
  });

  it('names the known schemes when asked for an unknown one', () => {
    expect(() => getNationalIdScheme('luhn12')).toThrow(/luhn12.*verhoeff10/);
  });

  it('makes a registered scheme selectable, once per name', () => {
    const anything: NationalIdScheme = {
      name: 'test-anything',
      validate: () => ({ valid: true }),
    };
    registerNationalIdScheme(anything);
    expect(getNationalIdScheme('test-anything')).toBe(anything);
    expect(nationalIdSchemeNames()).toEqual(
      expect.arrayContaining(['verhoeff10', 'test-anything']),
    );
    expect(() => registerNationalIdScheme({ ...anything })).toThrow(/already registered/);
  });
});
