// The national id is the key every record and every lookup hangs on, and the
// numbering may change (a new card generation, a merger of registers), so the
// rules live behind this interface rather than in a regular expression that
// every app would copy.

/** The rules a national id scheme checks; a failed check names exactly one. */
export type NationalIdRule = 'length' | 'digits-only' | 'leading-digit' | 'check-digit';

export type NationalIdCheck =
  | { readonly valid: true }
  | {
      readonly valid: false;
      readonly rule: NationalIdRule;
      /**
       * A predicate to follow the field's name ("must have exactly 10 digits").
       * It never repeats the id: the id is personal data and messages are logged.
       */
      readonly message: string;
    };

/** Returns a number in [0, 1), like Math.random or a seeded generator. */
export type RandomSource = () => number;

export interface NationalIdScheme {
  /** The name configuration selects the scheme by, e.g. `verhoeff10`. */
  readonly name: string;
  /** Checks an id already in canonical form; see normaliseNationalIdInput for typed input. */
  validate(id: string): NationalIdCheck;
  /** A valid id drawn from `random`: deterministic for a seeded source. */
  generate?(random: RandomSource): string;
}

/** The one success value, shared so that a valid id costs no allocation. */
export const NATIONAL_ID_VALID: NationalIdCheck = Object.freeze({ valid: true });

// Clerks copy ids off cards and forms: they type spaces or dashes to group the
// digits, and on a Khmer keyboard the digits are Khmer (០–៩). None of these
// change the id, so they are removed or mapped before the scheme sees it.
const SEPARATORS = /[\s\u00AD\u2010-\u2015\u2212\uFE63\uFF0D-]/gu;
const KHMER_DIGITS = /[\u17E0-\u17E9]/gu;
const KHMER_ZERO = 0x17e0;

/**
 * Canonical form of an id as a person typed it: NFC, no white space or
 * hyphen-like separators, Khmer digits as ASCII digits. Other characters are
 * kept, so that validation can still name what is wrong.
 */
export function normaliseNationalIdInput(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(SEPARATORS, '')
    .replace(KHMER_DIGITS, (digit) => String.fromCharCode(0x30 + digit.charCodeAt(0) - KHMER_ZERO));
}

/** Normalises typed input, then validates it with `scheme`. */
export function checkTypedNationalId(
  scheme: NationalIdScheme,
  raw: string,
): { readonly id: string; readonly check: NationalIdCheck } {
  const id = normaliseNationalIdInput(raw);
  return { id, check: scheme.validate(id) };
}
