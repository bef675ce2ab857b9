import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { isNfcJson, normaliseToNfc, toNfc } from './nfc.js';

// Characters NFC treats specially, mixed with ordinary ones: Latin letters
// and combining accents, precomposed letters, Khmer consonants, vowels and
// the two Khmer marks with a combining class, zero-width joiners, Hangul.
const tricky = fc.string({
  unit: fc.constantFrom(
    'a',
    'e',
    'A',
    ' ',
    '-',
    "'",
    '\u0301',
    '\u0302',
    '\u0303',
    '\u0323',
    '\u00E9',
    '\u1EC5',
    'ក',
    'ស',
    'ត',
    '\u17B6',
    '\u17C1',
    '\u17C6',
    '\u17D2',
    '\u17DD',
    '\u17E1',
    '\u200B',
    '\u200D',
    '\u2019',
    '\u1100',
    '\u1161',
    '\uAC00',
    '\u212B',
    '\u0344',
  ),
  maxLength: 12,
});

describe('toNfc', () => {
  it('agrees with String.prototype.normalize on tricky text', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        expect(toNfc(text)).toBe(text.normalize('NFC'));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with String.prototype.normalize on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(toNfc(text)).toBe(text.normalize('NFC'));
      }),
      { numRuns: 2000 },
    );
  });

  it('composes decomposed Latin and reorders Khmer marks', () => {
    expect(toNfc('Nguye\u0302\u0303n')).toBe('Nguy\u1EC5n');
    expect(toNfc('ស\u17DD\u17D2ត')).toBe('ស\u17D2\u17DDត');
    expect(toNfc('សុខ ដារ៉ា')).toBe('សុខ ដារ៉ា');
  });
});

describe('normaliseToNfc', () => {
  it('returns a value that is already NFC as it is', () => {
    const record = { name: { khmer: 'សុខ', latin: 'Sok' }, tags: ['a', 'ក'], n: 1, ok: true };
    expect(normaliseToNfc(record)).toBe(record);
  });

  it('copies what leads to a changed string and leaves the input alone', () => {
    const untouched = { khmer: 'សុខ' };
    const input = { name: { latin: 'Cafe\u0301', untouched }, list: ['x', 'e\u0301'], n: null };
    const output = normaliseToNfc(input);
    expect(output).toEqual({
      name: { latin: 'Caf\u00E9', untouched },
      list: ['x', '\u00E9'],
      n: null,
    });
    expect(output.name.untouched).toBe(untouched);
    expect(input.name.latin).toBe('Cafe\u0301');
    expect(input.list[1]).toBe('e\u0301');
  });

  it('normalises property names too', () => {
    expect(normaliseToNfc({ 'cafe\u0301': 1 })).toEqual({ 'caf\u00E9': 1 });
  });

  it('keeps a "__proto__" key an ordinary property', () => {
    const input = JSON.parse('{"__proto__": {"polluted": "e\u0301"}, "a": "x"}');
    const output = normaliseToNfc(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(Object.keys(output)).toEqual(['__proto__', 'a']);
    expect(Object.getOwnPropertyDescriptor(output, '__proto__')?.value).toEqual({
      polluted: '\u00E9',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves values that are not JSON, and absurdly deep nesting, to validation', () => {
    const date = new Date(0);
    expect(normaliseToNfc({ when: date }).when).toBe(date);
    let deep: unknown = 'e\u0301';
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => normaliseToNfc(deep)).not.toThrow();
  });
});

describe('isNfcJson', () => {
  const json = fc.dictionary(tricky, fc.oneof(tricky, fc.array(tricky, { maxLength: 3 })), {
    maxKeys: 4,
  });

  it('says NFC only of JSON whose every string and key already is', () => {
    fc.assert(
      fc.property(json, (value) => {
        if (isNfcJson(JSON.stringify(value))) expect(normaliseToNfc(value)).toBe(value);
      }),
      { numRuns: 2_000 },
    );
  });

  it('passes plain Latin and Khmer text, and sends anything else the slow way', () => {
    expect(isNfcJson(JSON.stringify({ name: 'Sok Dara', khmer: 'សុខ ដារា', n: 1 }))).toBe(true);
    expect(isNfcJson(JSON.stringify({ name: 'e\u0301' }))).toBe(false);
    expect(isNfcJson(JSON.stringify({ name: '\u17DD\u17D2' }))).toBe(false);
    // An escape may spell a combining mark: the raw text does not show it.
    expect(isNfcJson('{"name":"e\\u0301"}')).toBe(false);
  });
});
