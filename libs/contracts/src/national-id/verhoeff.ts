// Verhoeff's decimal check digit, as MOSIP uses for UINs. Unlike a weighted
// mod-10 or mod-11 sum it catches every single-digit error and every swap of
// two adjacent digits — the two mistakes a clerk makes most when copying a
// number off a card. The tables are those of the dihedral group D5.

/** Multiplication table of D5. */
const MULTIPLY: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];

/** Position-dependent permutation; row i applies to the i-th digit from the right (mod 8). */
const PERMUTE: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

const INVERSE: readonly number[] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

const ZERO = 0x30;

/**
 * Folds the digits right to left; `offset` is the position of the rightmost
 * digit (1 when a check digit is still to be appended, 0 when it is present).
 * Returns -1 on a character that is not an ASCII digit.
 */
function fold(digits: string, offset: number): number {
  let check = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    check = MULTIPLY[check]![PERMUTE[(i + offset) % 8]![digit]!]!;
  }
  return check;
}

/** The check digit to append to `digits` (a non-empty string of ASCII digits). */
export function verhoeffCheckDigit(digits: string): number {
  const check = digits.length === 0 ? -1 : fold(digits, 1);
  if (check < 0) throw new RangeError('Verhoeff input must be a non-empty string of digits 0-9');
  return INVERSE[check]!;
}

/** True when the last digit of `digits` is the Verhoeff check digit of the ones before it. */
export function verhoeffIsValid(digits: string): boolean {
  return digits.length > 1 && fold(digits, 0) === 0;
}
