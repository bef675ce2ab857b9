// Free text a person types that others read later — a client's name, the
// reason a client is revoked or a verification lock lifted: the rules it must
// keep, in one place, so each domain refuses it with its own coded exception
// naming the same field and rule.
import { textRuleBroken } from '#spean/schema-registry';

/** The longest reason a steward or operator may give. */
export const MAX_REASON_LENGTH = 500;

/** A rule the text broke: the field's name, the rule, and a message that names both. */
export interface TextIssue {
  readonly field: string;
  readonly rule: 'type' | 'text' | 'max-length' | 'required';
  readonly message: string;
}

/** What was typed as stored: NFC and trimmed; null for nothing. Check it with textIssue first. */
export function storedText(value: string | null | undefined): string | null {
  return typeof value === 'string' ? value.normalize('NFC').trim() : null;
}

/** The rule `value` breaks as free text of at most `max` characters, if any. */
export function textIssue(value: unknown, field: string, max: number): TextIssue | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return { field, rule: 'type', message: `${field} must be text` };
  // PostgreSQL refuses NUL; lone surrogates, control and direction characters are never meant.
  if (textRuleBroken(value) !== undefined)
    return {
      field,
      rule: 'text',
      message: `${field} must not contain control or text-direction characters`,
    };
  if (value.normalize('NFC').trim().length > max)
    return { field, rule: 'max-length', message: `${field} must be at most ${max} characters` };
  return undefined;
}

/** The rule a stated reason breaks, if any; a required one must not be blank. */
export function reasonIssue(value: unknown, required: boolean): TextIssue | undefined {
  const issue = textIssue(value, 'reason', MAX_REASON_LENGTH);
  if (issue || !required || storedText(value as string | null | undefined)) return issue;
  return { field: 'reason', rule: 'required', message: 'reason is required' };
}
