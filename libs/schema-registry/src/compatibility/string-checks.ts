// B's keywords for text: its length limits (from the shared table of counted
// limits) and `pattern`, which is proven only by the same expression: the
// inclusion of one regular expression in another is not decided.

import { schemaObjects } from './conjunction.js';
import { COUNT_LIMITS, countLimitIssues, statedLimit } from './count-limits.js';
import type { Incompatibility } from './incompatibility.js';
import type { Inclusion, Settled, Step } from './inclusion.js';
import { field, placeOf } from './issue-reporter.js';
import { showValue } from './json-equal.js';
import type { SchemaObject } from './schema-graph.js';

export class StringChecks {
  constructor(private readonly inclusion: Inclusion) {}

  check(step: Step, settled: Settled): Incompatibility[] {
    const { schema } = step;
    const issues: Incompatibility[] = [];
    const nodes = schemaObjects(step.a);
    for (const limit of [COUNT_LIMITS.minLength, COUNT_LIMITS.maxLength]) {
      if (typeof schema[limit.keyword] !== 'number' || settled(limit.keyword)) continue;
      const stated = statedLimit(limit, nodes);
      issues.push(...countLimitIssues(this.inclusion.report, limit, step, stated));
    }
    if (typeof schema.pattern === 'string' && !settled('pattern')) {
      issues.push(...this.pattern(step, schema.pattern, nodes));
    }
    return issues;
  }

  private pattern(
    { a, b, walk }: Step,
    wanted: string,
    nodes: readonly SchemaObject[],
  ): Incompatibility[] {
    const { report } = this.inclusion;
    const stated = nodes
      .map((node) => node.pattern)
      .filter((pattern) => typeof pattern === 'string');
    if (stated.includes(wanted)) return [];
    const site = report.newSite(a, b, 'pattern');
    if (stated.length === 0) {
      const headline = report.backward
        ? `${field(walk.at)} must now match the pattern ${showValue(wanted)}`
        : `${field(walk.at)} no longer has to match the pattern ${showValue(wanted)}`;
      return [
        report.issue(
          ['pattern-added', 'pattern-removed'],
          walk,
          site,
          headline,
          'hold text that does not match it',
        ),
      ];
    }
    const [before, after] = report.backward ? [stated[0], wanted] : [wanted, stated[0]];
    const [newer, older] = report.backward ? ['new', 'old'] : ['old', 'new'];
    return [
      report.issue(
        'pattern-changed',
        walk,
        site,
        `The pattern of ${placeOf(walk.at)} changed from ${showValue(before)} to ${showValue(after)}; regular expressions cannot be compared in general, so it cannot be shown that the ${newer} one accepts all text the ${older} one does`,
        'hold text the new pattern rejects',
      ),
    ];
  }
}
