// Plausibility of the dates of a life, checked in code because a JSON Schema
// can state neither "not after today" nor "not before that other field". The
// schemas hold what is fixed (no date of birth, death or civil event before
// 1850: formatMinimum); these rules hold what depends on today or on another
// field. Rules name payload fields of a record type; a rule whose fields are
// absent, or already refused by the schema, says nothing.
import { fieldLabel, type ValidationIssue } from './validation-issue.js';

/** A date may be this many days after today (UTC): a day begins earlier east of Greenwich. */
export const FUTURE_SKEW_DAYS = 1;

interface NotInFuture {
  field: string;
}

interface InOrder {
  earlier: string;
  later: string;
  rule: string;
  /** Why, for the message: "a person cannot die before they are born". */
  because: string;
}

const NOT_IN_FUTURE: Readonly<Record<string, readonly NotInFuture[]>> = {
  person: [{ field: '/dateOfBirth' }, { field: '/dateOfDeath' }],
  'civil-event': [{ field: '/date' }, { field: '/registeredOn' }],
};

const IN_ORDER: Readonly<Record<string, readonly InOrder[]>> = {
  person: [
    {
      earlier: '/dateOfBirth',
      later: '/dateOfDeath',
      rule: 'death-before-birth',
      because: 'a person cannot die before they are born',
    },
  ],
  'civil-event': [
    {
      earlier: '/date',
      later: '/registeredOn',
      rule: 'registered-before-event',
      because: 'an event is registered on or after the day it happened',
    },
  ],
};

/** YYYY-MM-DD, which the schema's date format has already checked is a real day. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateAt(payload: Readonly<Record<string, unknown>>, field: string): string | undefined {
  const value = payload[field.slice(1)];
  return typeof value === 'string' && ISO_DATE.test(value) ? value : undefined;
}

/** The latest date accepted as "not in the future" on `now`. */
export function latestPlausibleDate(now: Date): string {
  return new Date(now.getTime() + FUTURE_SKEW_DAYS * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Issues of `payload` (a record of `recordType`) under the date rules, at
 * `prefix` + field. `known` are the issues found so far: a field that already
 * has one is not judged again.
 */
export function dateIssues(
  recordType: string,
  payload: Readonly<Record<string, unknown>>,
  prefix: string,
  known: readonly ValidationIssue[],
  now: Date,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const judged = (field: string): string | undefined =>
    known.some((issue) => issue.path === `${prefix}${field}`) ? undefined : dateAt(payload, field);
  const latest = latestPlausibleDate(now);
  for (const { field } of NOT_IN_FUTURE[recordType] ?? []) {
    const date = judged(field);
    if (date !== undefined && date > latest) {
      const path = `${prefix}${field}`;
      issues.push({
        path,
        rule: 'date-in-future',
        message: `${fieldLabel(path)} must not be later than today`,
      });
    }
  }
  for (const { earlier, later, rule, because } of IN_ORDER[recordType] ?? []) {
    const first = judged(earlier);
    const second = judged(later);
    if (first !== undefined && second !== undefined && second < first) {
      const path = `${prefix}${later}`;
      issues.push({
        path,
        rule,
        message: `${fieldLabel(path)} must not be before ${prefix}${earlier}: ${because}`,
      });
    }
  }
  return issues;
}
