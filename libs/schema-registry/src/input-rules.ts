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
/** The bidi embeddings, overrides, isolates and marks; any text shown to a person refuses them. */
export const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
// One scan for the common case, a string with none of them: controls, bidi
// controls, and any surrogate (whether paired is settled by isWellFormed) —
// and, in an identifier, the invisible characters too.
const SUSPECT =
  // eslint-disable-next-line no-control-regex -- finding controls is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;
const SUSPECT_IN_IDENTIFIER =
  // eslint-disable-next-line no-control-regex -- finding controls is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ud800-\udfff\ufeff]/;

// In the raw text of a JSON document that parsed: any of the characters
// above, or a \u escape (which may spell one). Tab, line feed and carriage
// return can only be white space between tokens there, never inside a string.
const SUSPECT_IN_JSON_TEXT =
  // eslint-disable-next-line no-control-regex -- finding controls is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ud800-\udfff\ufeff]|\\u/;

/**
 * Whether the strings of the JSON `text` (which parsed) may break a character
 * rule: false means none can, so checkInput need only check the depth. One
 * scan of the raw text instead of one per string.
 */
export function mayBreakTextRules(text: string): boolean {
  return SUSPECT_IN_JSON_TEXT.test(text);
}

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

/**
 * The character rule a text breaks, if any: control characters, lone
 * surrogates, direction controls, and in an identifier invisible characters.
 * For every text a person will read (records, names, reasons).
 */
export function textRuleBroken(text: string, identifier = false): TextRule | undefined {
  if (!(identifier ? SUSPECT_IN_IDENTIFIER : SUSPECT).test(text)) return undefined;
  if (CONTROL.test(text)) return 'control-character';
  if (!text.isWellFormed()) return 'lone-surrogate';
  if (BIDI_CONTROL.test(text)) return 'bidi-control';
  if (identifier && INVISIBLE.test(text)) return 'invisible-character';
  // Only well-formed surrogate pairs: characters beyond the BMP, which are fine.
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
 * MAX_RECORD_DEPTH, so it is safe on any parsed JSON. Runs on every record a
 * process validates, so a path is spelled out only for an issue.
 */
export function checkInput(
  record: unknown,
  /** The caller has established (mayBreakTextRules) that no string can break a character rule. */
  options: { textChecked?: boolean } = {},
): InputCheck {
  const checkText = options.textChecked !== true;
  const issues: ValidationIssue[] = [];
  const segments: string[] = [];
  const here = (): string =>
    segments.length === 0 ? '' : `/${segments.map(escapeJsonPointer).join('/')}`;
  let tooDeep = false;
  const visit = (value: unknown, identifier: boolean): void => {
    if (typeof value === 'string') {
      if (!checkText) return;
      const rule = textRuleBroken(value, identifier);
      if (rule) issues.push(textIssue(here(), rule, false));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (segments.length >= MAX_RECORD_DEPTH) {
      tooDeep = true;
      const path = here();
      issues.push({
        path,
        rule: 'max-depth',
        message: `${fieldLabel(path)} nests deeper than ${MAX_RECORD_DEPTH} levels, deeper than any record type`,
      });
      return;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        segments.push(String(i));
        visit(value[i], false);
        segments.pop();
      }
      return;
    }
    const atRoot = segments.length === 0;
    let badName: TextRule | undefined;
    for (const key of Object.keys(value)) {
      const rule = checkText ? textRuleBroken(key, true) : undefined;
      if (rule) {
        badName ??= rule;
        continue;
      }
      segments.push(key);
      visit((value as Record<string, unknown>)[key], atRoot && ENVELOPE_IDENTIFIERS.has(key));
      segments.pop();
    }
    if (badName) issues.push(textIssue(here(), badName, true));
  };
  visit(record, false);
  return { issues, tooDeep };
}

/** Whether a pointer leads through a property name checkInput refuses (so it must not be echoed). */
export function namesRefusedProperty(path: string): boolean {
  return path.split('/').some((segment) => textRuleBroken(segment, true) !== undefined);
}
