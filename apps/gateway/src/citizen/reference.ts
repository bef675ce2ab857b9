// The `reference` argument of citizen(...) and verifyCitizen(...): an agency's
// case or file number, kept in the audit log and shown to the citizen — so it
// must read as what it is. Refused: characters that reorder the text around
// them (a U+202E makes "BR-2026-0042" display backwards), control characters,
// and other invisible ones. Allowed: U+200B, U+200C and U+200D, which Khmer
// text uses between and within words.
import { BIDI_CONTROL } from '#spean/schema-registry';
import { CitizenException, CitizenExceptionCode } from './citizen.exception.js';

export const MAX_REFERENCE_LENGTH = 100;

/** C0 and C1 controls and DEL. */
const CONTROL = /\p{Cc}/u;
/** Other format characters, line and paragraph separators, private use; not the Khmer separators. */
const INVISIBLE = /(?![\u200B-\u200D])[\p{Cf}\p{Zl}\p{Zp}\p{Co}]/u;

/** The reference as stored (NFC, trimmed), or null when none was given; refused with the rule it breaks. */
export function checkReference(input: string | null | undefined): string | null {
  if (input === undefined || input === null) return null;
  const reference = input.normalize('NFC').trim();
  const refuse = (rule: string, problem: string): never => {
    throw new CitizenException(
      CitizenExceptionCode.INVALID_INPUT,
      `reference ${problem}; give a case or file number, e.g. BR-2026-0042`,
      { field: 'reference', rule },
    );
  };
  if (reference.length === 0) refuse('minLength', 'must not be empty');
  if (reference.length > MAX_REFERENCE_LENGTH)
    refuse('maxLength', `must be at most ${MAX_REFERENCE_LENGTH} characters`);
  if (!reference.isWellFormed()) refuse('well-formed', 'holds a lone surrogate');
  for (const [rule, pattern, what] of [
    ['no-direction-controls', BIDI_CONTROL, 'a character that changes the text direction'],
    ['no-control-characters', CONTROL, 'a control character'],
    ['no-invisible-characters', INVISIBLE, 'an invisible character'],
  ] as const) {
    const found = pattern.exec(reference);
    if (found) {
      const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      refuse(rule, `must not hold ${what} (U+${code} at position ${found.index + 1})`);
    }
  }
  return reference;
}
