import { describe, expect, it } from '@jest/globals';
import { CitizenException } from './citizen.exception.js';
import { checkReference } from './reference.js';

function refusal(input: string): Record<string, unknown> {
  try {
    checkReference(input);
  } catch (error) {
    if (error instanceof CitizenException) return { message: error.message, ...error.details };
    throw error;
  }
  throw new Error(`${JSON.stringify(input)} was accepted`);
}

describe('checkReference', () => {
  it('keeps a case number, in Latin or Khmer script, as NFC without surrounding space', () => {
    expect(checkReference(' BR-2026-0042 ')).toBe('BR-2026-0042');
    expect(checkReference('ក.ស-២០២៦/០០៤២')).toBe('ក.ស-២០២៦/០០៤២');
    expect(checkReference('Cafe\u0301 1')).toBe('Café 1');
    expect(checkReference(null)).toBeNull();
    expect(checkReference(undefined)).toBeNull();
  });

  it('allows the zero-width space and joiners Khmer text uses between words', () => {
    for (const separator of ['\u200B', '\u200C', '\u200D']) {
      expect(checkReference(`សំណុំ${separator}រឿង 42`)).toBe(`សំណុំ${separator}រឿង 42`);
    }
  });

  it.each([
    ['\u202A', 'LEFT-TO-RIGHT EMBEDDING'],
    ['\u202B', 'RIGHT-TO-LEFT EMBEDDING'],
    ['\u202C', 'POP DIRECTIONAL FORMATTING'],
    ['\u202D', 'LEFT-TO-RIGHT OVERRIDE'],
    ['\u202E', 'RIGHT-TO-LEFT OVERRIDE'],
    ['\u2066', 'LEFT-TO-RIGHT ISOLATE'],
    ['\u2067', 'RIGHT-TO-LEFT ISOLATE'],
    ['\u2068', 'FIRST STRONG ISOLATE'],
    ['\u2069', 'POP DIRECTIONAL ISOLATE'],
    ['\u200E', 'LEFT-TO-RIGHT MARK'],
    ['\u200F', 'RIGHT-TO-LEFT MARK'],
    ['\u061C', 'ARABIC LETTER MARK'],
  ])(
    'refuses the direction control %j (%s), naming the field, the rule and the code point',
    (char) => {
      const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      expect(refusal(`BR-2026${char}-0042`)).toEqual({
        message: expect.stringContaining(code),
        field: 'reference',
        rule: 'no-direction-controls',
      });
    },
  );

  it.each([['\u0000'], ['\u0007'], ['\t'], ['\n'], ['\u001B'], ['\u007F'], ['\u0085'], ['\u009B']])(
    'refuses the control character %j',
    (char) => {
      expect(refusal(`BR${char}42`)).toMatchObject({
        field: 'reference',
        rule: 'no-control-characters',
      });
    },
  );

  it.each([['\u2060'], ['\uFEFF'], ['\u00AD'], ['\u2028'], ['\u2029'], ['\u{E0041}'], ['\uE000']])(
    'refuses the invisible character %j',
    (char) => {
      expect(refusal(`BR${char}42`)).toMatchObject({
        field: 'reference',
        rule: 'no-invisible-characters',
      });
    },
  );

  it('refuses an empty, too long or ill-formed reference, naming the rule', () => {
    expect(refusal('   ')).toMatchObject({ field: 'reference', rule: 'minLength' });
    expect(refusal('x'.repeat(101))).toMatchObject({ field: 'reference', rule: 'maxLength' });
    expect(refusal('BR\uD800')).toMatchObject({ field: 'reference', rule: 'well-formed' });
  });
});
