// The limits on how many characters, items or fields a value has
// (minLength/maxLength, minItems/maxItems, minProperties/maxProperties). The
// six keywords differ only in what they count and how a steward says it, so
// one table holds the differences and one function checks and tells them all.

import type { Incompatibility, IncompatibilityRule } from './incompatibility.js';
import type { Step } from './inclusion.js';
import { count, field, type IssueReporter, type Walk } from './issue-reporter.js';
import { numberOr } from './numeric-bounds.js';
import type { SchemaObject } from './schema-graph.js';

/** How a steward speaks of one counted thing: text is "at least 3 characters long", an array has "at least 3 items". */
interface Counted {
  readonly noun: string;
  readonly verb: string;
  readonly unit: string;
  readonly asFewAs: string;
  readonly noMinimum: string;
  readonly anyAmount: string;
  readonly anyAmountOf: string;
}

const CHARACTERS: Counted = {
  noun: 'character',
  verb: 'be',
  unit: ' long',
  asFewAs: 'as short as',
  noMinimum: 'had no minimum length',
  anyAmount: 'any length',
  anyAmountOf: 'of any length',
};

const ITEMS: Counted = {
  noun: 'item',
  verb: 'have',
  unit: '',
  asFewAs: 'as few as',
  noMinimum: 'had no minimum',
  anyAmount: 'any number',
  anyAmountOf: 'any number of items',
};

const FIELDS: Counted = { ...ITEMS, noun: 'field', anyAmountOf: 'any number of fields' };

export interface CountLimit {
  readonly keyword: string;
  readonly side: 'min' | 'max';
  /** Backward, then forward: named for the change from the old version to the new. */
  readonly rules: readonly [IncompatibilityRule, IncompatibilityRule];
  /** What records of the including side may do that the other side forbids. */
  readonly consequence: string;
  readonly counted: Counted;
}

export const COUNT_LIMITS = {
  minLength: {
    keyword: 'minLength',
    side: 'min',
    rules: ['min-length-raised', 'min-length-lowered'],
    consequence: 'hold shorter text',
    counted: CHARACTERS,
  },
  maxLength: {
    keyword: 'maxLength',
    side: 'max',
    rules: ['max-length-reduced', 'max-length-increased'],
    consequence: 'hold longer text',
    counted: CHARACTERS,
  },
  minItems: {
    keyword: 'minItems',
    side: 'min',
    rules: ['min-items-raised', 'min-items-lowered'],
    consequence: 'hold fewer items',
    counted: ITEMS,
  },
  maxItems: {
    keyword: 'maxItems',
    side: 'max',
    rules: ['max-items-reduced', 'max-items-increased'],
    consequence: 'hold more items',
    counted: ITEMS,
  },
  minProperties: {
    keyword: 'minProperties',
    side: 'min',
    rules: ['min-properties-raised', 'min-properties-lowered'],
    consequence: 'have fewer fields',
    counted: FIELDS,
  },
  maxProperties: {
    keyword: 'maxProperties',
    side: 'max',
    rules: ['max-properties-reduced', 'max-properties-increased'],
    consequence: 'have more fields',
    counted: FIELDS,
  },
} as const satisfies Record<string, CountLimit>;

/**
 * The tightest limit A's schemas state together, with `implied` limits that
 * follow from other facts (required fields, a closed list of fields): 0 or
 * Infinity when nothing limits it.
 */
export function statedLimit(
  limit: CountLimit,
  schemas: readonly SchemaObject[],
  implied: readonly number[] = [],
): number {
  if (limit.side === 'min') {
    return Math.max(0, ...implied, ...schemas.map((schema) => numberOr(schema[limit.keyword], 0)));
  }
  return Math.min(
    Infinity,
    ...implied,
    ...schemas.map((schema) => numberOr(schema[limit.keyword], Infinity)),
  );
}

/** B's limit against the one A states; empty when A's is as tight. */
export function countLimitIssues(
  report: IssueReporter,
  limit: CountLimit,
  { a, b, schema, walk }: Step,
  stated: number,
): Incompatibility[] {
  const wanted = schema[limit.keyword];
  if (typeof wanted !== 'number') return [];
  if (limit.side === 'min' ? stated >= wanted : stated <= wanted) return [];
  return [
    report.issue(
      limit.rules,
      walk,
      report.newSite(a, b, limit.keyword),
      headline(report, limit, walk, wanted, stated),
      limit.consequence,
    ),
  ];
}

function headline(
  report: IssueReporter,
  limit: CountLimit,
  walk: Walk,
  wanted: number,
  stated: number,
): string {
  const { noun, verb, unit } = limit.counted;
  const old = report.oldVersion;
  const it = field(walk.at);
  if (limit.side === 'min') {
    const before =
      stated > 0 ? `required at least ${count(stated, noun)}` : limit.counted.noMinimum;
    return report.backward
      ? `${it} must now ${verb} at least ${count(wanted, noun)}${unit}, where version ${old} ${before}`
      : `${it} may now ${verb} ${limit.counted.asFewAs} ${count(stated, noun)}, where version ${old} required at least ${count(wanted, noun)}`;
  }
  const unlimited = stated === Infinity;
  return report.backward
    ? `${it} may now ${verb} at most ${count(wanted, noun)}${unit}, where version ${old} allowed ${unlimited ? limit.counted.anyAmount : `up to ${count(stated, noun)}`}`
    : `${it} may now ${verb} ${unlimited ? limit.counted.anyAmountOf : `up to ${count(stated, noun)}${unit}`}, where version ${old} allowed at most ${count(wanted, noun)}`;
}
