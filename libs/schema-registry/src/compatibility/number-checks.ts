// B's keywords for numbers: the lower and the upper limit, each checked the
// same way from a table of its side's helpers (exclusive limits included,
// compared over integers where only integers are possible), and `multipleOf`.

import { schemaObjects, type Kind } from './conjunction.js';
import type { Incompatibility } from './incompatibility.js';
import type { Inclusion, Settled, Step } from './inclusion.js';
import { field } from './issue-reporter.js';
import {
  describeLower,
  describeUpper,
  integerLower,
  integerUpper,
  isMultiple,
  lowerBoundOf,
  tightest,
  tighterLower,
  tighterUpper,
  upperBoundOf,
} from './numeric-bounds.js';
import type { SchemaObject } from './schema-graph.js';

/** The two sides of a numeric range, for the one check that serves both. */
const BOUND_SIDES = [
  {
    noun: 'lower',
    keywords: ['minimum', 'exclusiveMinimum'],
    rules: ['minimum-raised', 'minimum-lowered'],
    oldRecordsMay: 'hold a smaller number',
    boundOf: lowerBoundOf,
    tighter: tighterLower,
    integer: integerLower,
    describe: describeLower,
  },
  {
    noun: 'upper',
    keywords: ['maximum', 'exclusiveMaximum'],
    rules: ['maximum-lowered', 'maximum-raised'],
    oldRecordsMay: 'hold a larger number',
    boundOf: upperBoundOf,
    tighter: tighterUpper,
    integer: integerUpper,
    describe: describeUpper,
  },
] as const;

type BoundSide = (typeof BOUND_SIDES)[number];

export class NumberChecks {
  constructor(private readonly inclusion: Inclusion) {}

  check(step: Step, kinds: ReadonlySet<Kind>, settled: Settled): Incompatibility[] {
    const { schema } = step;
    const nodes = schemaObjects(step.a);
    const integers = !kinds.has('fraction');
    const issues = BOUND_SIDES.flatMap((side) =>
      settled(side.keywords[0]) && settled(side.keywords[1])
        ? []
        : this.bound(side, step, nodes, integers),
    );
    if (typeof schema.multipleOf === 'number' && !settled('multipleOf')) {
      issues.push(...this.multipleOf(step, schema.multipleOf, nodes, integers));
    }
    return issues;
  }

  private bound(
    side: BoundSide,
    { a, b, schema, walk }: Step,
    nodes: readonly SchemaObject[],
    integers: boolean,
  ): Incompatibility[] {
    const { report } = this.inclusion;
    const wantedBound = side.boundOf(schema);
    if (!wantedBound) return [];
    let stated = tightest(nodes.map(side.boundOf), side.tighter);
    let wanted = wantedBound;
    if (integers) {
      stated = stated && side.integer(stated);
      wanted = side.integer(wanted);
    }
    if (stated && side.tighter(stated, wanted)) return [];
    const old = report.oldVersion;
    const headline = report.backward
      ? `${field(walk.at)} must now be ${side.describe(wanted)}, where version ${old} ${stated ? `required only ${side.describe(stated)}` : `had no ${side.noun} limit`}`
      : `${field(walk.at)} now has ${stated ? `the ${side.noun} limit "${side.describe(stated)}"` : `no ${side.noun} limit`}, where version ${old} required it to be ${side.describe(wanted)}`;
    const site = report.newSiteOfAny(a, b, side.keywords);
    return [report.issue(side.rules, walk, site, headline, side.oldRecordsMay)];
  }

  private multipleOf(
    { a, b, walk }: Step,
    divisor: number,
    nodes: readonly SchemaObject[],
    integers: boolean,
  ): Incompatibility[] {
    const { report } = this.inclusion;
    const stated = nodes
      .map((node) => node.multipleOf)
      .filter((value) => typeof value === 'number');
    const proven =
      stated.some((value) => isMultiple(value, divisor)) ||
      (integers && divisor > 0 && Number.isInteger(1 / divisor));
    if (proven) return [];
    const site = report.newSite(a, b, 'multipleOf');
    if (stated.length === 0) {
      const headline = report.backward
        ? `${field(walk.at)} must now be a multiple of ${divisor}`
        : `${field(walk.at)} no longer has to be a multiple of ${divisor}`;
      return [
        report.issue(
          ['multiple-of-added', 'multiple-of-removed'],
          walk,
          site,
          headline,
          'hold another number',
        ),
      ];
    }
    const [before, after] = report.backward ? [stated[0], divisor] : [divisor, stated[0]];
    return [
      report.issue(
        'multiple-of-changed',
        walk,
        site,
        `${field(walk.at)} must be a multiple of ${after} instead of ${before}`,
        'hold a number that is not',
      ),
    ];
  }
}
