// The default national id: ten digits, the last a Verhoeff check digit over
// the first nine (as MOSIP UINs are), and never a leading 0 or 1 — so an id
// cannot lose a digit to a spreadsheet that reads it as a number, nor be
// confused with the 9-digit number printed on the ID card.

import {
  NATIONAL_ID_VALID,
  type NationalIdCheck,
  type NationalIdScheme,
  type RandomSource,
} from './national-id-scheme.js';
import { verhoeffCheckDigit, verhoeffIsValid } from './verhoeff.js';

const LENGTH = 10;
const FIRST_BODY = 200_000_000;
const CAPACITY = 800_000_000;

// fromSerial spreads serials over the id space by multiplying modulo the
// capacity (a Weyl sequence): a bijection because the multiplier 494_427_191
// (about capacity / golden ratio) is coprime to 2^11 * 5^8. The product is
// taken in two halves, multiplier = HIGH * 10^4 + LOW, so that every
// intermediate stays an exact integer in a double.
const HIGH = 49_442;
const LOW = 7_191;
const OFFSET = 123_456_789;

function scramble(serial: number): number {
  return (((((serial * HIGH) % CAPACITY) * 10_000 + serial * LOW) % CAPACITY) + OFFSET) % CAPACITY;
}

const DIGITS_ONLY: NationalIdCheck = Object.freeze({
  valid: false,
  rule: 'digits-only',
  message: 'must contain only the digits 0-9',
});
const WRONG_LENGTH: NationalIdCheck = Object.freeze({
  valid: false,
  rule: 'length',
  message: `must have exactly ${LENGTH} digits`,
});
const LEADING_DIGIT: NationalIdCheck = Object.freeze({
  valid: false,
  rule: 'leading-digit',
  message: 'must not start with 0 or 1',
});
const CHECK_DIGIT: NationalIdCheck = Object.freeze({
  valid: false,
  rule: 'check-digit',
  message: 'must end in its check digit (Verhoeff); the number was probably mistyped',
});

export class VerhoeffNationalIdScheme implements NationalIdScheme {
  readonly name = 'verhoeff10';

  /** How many distinct ids exist: fromSerial accepts 0 ≤ serial < capacity. */
  readonly capacity = CAPACITY;

  validate(id: string): NationalIdCheck {
    for (let i = 0; i < id.length; i++) {
      const code = id.charCodeAt(i);
      if (code < 0x30 || code > 0x39) return DIGITS_ONLY;
    }
    if (id.length !== LENGTH) return WRONG_LENGTH;
    if (id.charCodeAt(0) < 0x32) return LEADING_DIGIT;
    return verhoeffIsValid(id) ? NATIONAL_ID_VALID : CHECK_DIGIT;
  }

  /**
   * The valid id numbered `serial`: distinct serials give distinct ids, so a
   * seeder can mint millions without tracking which it has used, and
   * neighbouring serials give unrelated-looking ids.
   */
  fromSerial(serial: number): string {
    if (!Number.isSafeInteger(serial) || serial < 0 || serial >= CAPACITY) {
      throw new RangeError(`serial must be an integer from 0 to ${CAPACITY - 1}`);
    }
    const body = String(FIRST_BODY + scramble(serial));
    return body + verhoeffCheckDigit(body);
  }

  generate(random: RandomSource): string {
    const draw = random();
    if (!(draw >= 0 && draw < 1)) throw new RangeError('random() must return a number in [0, 1)');
    return this.fromSerial(Math.floor(draw * CAPACITY));
  }
}
