// Rules every record obeys whatever its schema says, checked before the
// schema: how deep it nests, and which characters its strings and property
// names may hold. They live here, in one place, because they guard what the
// schemas cannot: a value nested deeper than any schema overflows the stack of
// the checks that recurse (uniqueItems compares items deeply); NUL and lone
// surrogates are refused by PostgreSQL in text and jsonb; controls and bidi
// overrides make an id or a name display as something it is not.
//
// - Refused in every string and every property name: C0 and C1 controls (line
//   breaks and tabs too: no canonical field is multi-line), DEL, lone
//   surrogates, and the bidi embeddings, overrides, isolates and marks
//   (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C).
// - Refused in identifiers — property names and the envelope's ids — but left
//   to the field's schema in free text: the invisible format characters
//   (U+200B–U+200D, U+2060, U+FEFF, U+00AD). Khmer separates words with
//   U+200B and shapes with U+200C/U+200D, so the Khmer text fields allow them.
//
// Issues never quote the value; an issue about a property name is reported
// at the object that holds it, so its path never repeats the name.
import { escapeJsonPointer, fieldLabel, type ValidationIssue } from './validation-issue.js';

/** Deeper than any canonical schema nests (the envelope's root is depth 0). */
export const MAX_RECORD_DEPTH = 32;

/** Envelope fields that are identifiers: invisible characters make two ids look the same. */
const ENVELOPE_IDENTIFIERS: ReadonlySet<string> = new Set([
  'recordType',
  'recordId',
  'subjectId',
  'source',
  'eventId',
]);

// eslint-disable-next-line no-control-regex -- finding controls is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
// One scan for the common case, a string with none of them: controls, bidi
// controls, and any surrogate (whether paired is settled by isWellFormed).
const ANY_REFUSED =
  // eslint-disable-next-line no-control-regex -- finding controls is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

export interface InputCheck {
  readonly issues: readonly ValidationIssue[];
  /** Nested beyond MAX_RECORD_DEPTH: no other check may walk it. */
  readonly tooDeep: boolean;
}

const RULES = {
  'control-character': 'control characters (U+0000–U+001F, U+007F–U+009F)',
  'lone-surrogate': 'a lone surrogate (half of a UTF-16 pair)',
  'bidi-control':
    'characters that change text direction (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C)',
  'invisible-character':
    'invisible characters (U+200B–U+200D, U+2060, U+FEFF, U+00AD), which an identifier may not hold',
} as const;
type TextRule = keyof typeof RULES;

function ruleBroken(text: string, identifier: boolean): TextRule | undefined {
  if (ANY_REFUSED.test(text)) {
    if (CONTROL.test(text)) return 'control-character';
    if (!text.isWellFormed()) return 'lone-surrogate';
    if (BIDI.test(text)) return 'bidi-control';
  }
  if (identifier && INVISIBLE.test(text)) return 'invisible-character';
  return undefined;
}

function textIssue(path: string, rule: TextRule, name: boolean): ValidationIssue {
  const what = name
    ? `${fieldLabel(path)} has a property name that holds`
    : `${fieldLabel(path)} holds`;
  return { path, rule, message: `${what} ${RULES[rule]}` };
}

/**
 * The issues of `record` under the rules above. Walks no deeper than
 * MAX_RECORD_DEPTH, so it is safe on any parsed JSON.
 */
export function checkInput(record: unknown): InputCheck {
  const issues: ValidationIssue[] = [];
  let tooDeep = false;
  const visit = (value: unknown, path: string, depth: number, identifier: boolean): void => {
    if (typeof value === 'string') {
      const rule = ruleBroken(value, identifier);
      if (rule) issues.push(textIssue(path, rule, false));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (depth >= MAX_RECORD_DEPTH) {
      tooDeep = true;
      issues.push({
        path,
        rule: 'max-depth',
        message: `${fieldLabel(path)} nests deeper than ${MAX_RECORD_DEPTH} levels, deeper than any record type`,
      });
      return;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visit(value[i], `${path}/${i}`, depth + 1, false);
      return;
    }
    let badName: TextRule | undefined;
    for (const key of Object.keys(value)) {
      const rule = ruleBroken(key, true);
      if (rule) {
        badName ??= rule;
        continue;
      }
      const child = (value as Record<string, unknown>)[key];
      visit(
        child,
        `${path}/${escapeJsonPointer(key)}`,
        depth + 1,
        depth === 0 && ENVELOPE_IDENTIFIERS.has(key),
      );
    }
    if (badName) issues.push(textIssue(path, badName, true));
  };
  visit(record, '', 0, false);
  return { issues, tooDeep };
}

/** Whether a pointer leads through a property name checkInput refuses (so it must not be echoed). */
export function namesRefusedProperty(path: string): boolean {
  return path.split('/').some((segment) => ruleBroken(segment, true) !== undefined);
}
