// B's in-place applicators that are not simply "all of these": `anyOf` and
// `oneOf` (A must fit a branch, one JSON type at a time if need be; for oneOf
// provably only one), `not` (A must share no value with it) and
// `if`/`then`/`else` (each branch under the condition that selects it).

import { flatten, type Atom, type Conjunction } from './conjunction.js';
import type { Incompatibility } from './incompatibility.js';
import type { Inclusion } from './inclusion.js';
import { field, placeOf, type Walk } from './issue-reporter.js';
import { sameNode } from './schema-equivalence.js';
import {
  acceptsEverything,
  descriptionOf,
  siteOf,
  type SchemaNode,
  type SchemaObject,
} from './schema-graph.js';

export class ApplicatorChecks {
  constructor(private readonly inclusion: Inclusion) {}

  anyOf(a: Conjunction, b: SchemaNode, count: number, walk: Walk): Incompatibility[] {
    const { graph } = this.inclusion;
    const branches = Array.from({ length: count }, (_v, i) => graph.child(b, 'anyOf', i));
    if (this.hasSameAlternatives(a, branches, 'anyOf')) return [];
    return this.eachKindFits(a, b, (part) => this.fitsSome(part, branches, walk));
  }

  oneOf(a: Conjunction, b: SchemaNode, count: number, walk: Walk): Incompatibility[] {
    const { graph } = this.inclusion;
    const branches = Array.from({ length: count }, (_v, i) => graph.child(b, 'oneOf', i));
    if (this.hasSameAlternatives(a, branches, 'oneOf', true)) return [];
    return this.eachKindFits(a, b, (part) => this.fitsSome(part, branches, walk, b));
  }

  /**
   * Whether A fits B's alternatives, trying A whole and then a JSON type at
   * a time: `["string", "integer"]` fits `anyOf: [string, integer]` only so.
   */
  private eachKindFits(
    a: Conjunction,
    b: SchemaNode,
    fits: (part: Conjunction) => Incompatibility[],
  ): Incompatibility[] {
    const whole = fits(a);
    if (whole.length === 0) return [];
    const kinds = this.inclusion.facts.kinds(a);
    if (kinds.size < 2) return whole;
    const types = new Set(
      [...kinds].map((kind) =>
        kind === 'integer' && !kinds.has('fraction')
          ? 'integer'
          : kind === 'integer' || kind === 'fraction'
            ? 'number'
            : kind,
      ),
    );
    if (types.size < 2) return whole;
    const parts = [...types].map((type): Atom[] => [
      ...a,
      { kind: 'schema', node: this.inclusion.graph.synthetic({ type }, b) },
    ]);
    return parts.flatMap((part) => fits(part));
  }

  /** Whether A fits one of the branches; for a oneOf (`exclusive`), and no other. */
  private fitsSome(
    a: Conjunction,
    branches: readonly SchemaNode[],
    walk: Walk,
    exclusive?: SchemaNode,
  ): Incompatibility[] {
    const { report } = this.inclusion;
    let closest: Incompatibility[] | undefined;
    for (const [i, branch] of branches.entries()) {
      const issues = this.inclusion.subset(a, branch, walk);
      if (issues.length > 0) {
        if (!closest || issues.length < closest.length) closest = issues;
        continue;
      }
      if (!exclusive) return [];
      if (branches.every((other, j) => j === i || this.inclusion.emptyWith(a, other, walk))) {
        return [];
      }
      return [
        report.unverifiable(
          walk,
          report.newSite(a, exclusive, 'oneOf'),
          `${field(walk.at)} must match exactly one of the alternatives at ${siteOf(exclusive, 'oneOf')} (version ${exclusive.side.version}), and a value that matches one of them may also match another`,
        ),
      ];
    }
    return closest ?? [];
  }

  /** Whether A has the same alternatives as B (each of A's among B's, and for oneOf the same set). */
  private hasSameAlternatives(
    a: Conjunction,
    branches: readonly SchemaNode[],
    kind: 'anyOf' | 'oneOf',
    exact = false,
  ): boolean {
    if (!this.inclusion.useEquivalence) return false;
    const equivalent = (x: SchemaNode, y: SchemaNode): boolean => this.inclusion.equivalent(x, y);
    return a.some((atom) => {
      if (atom.kind !== 'anyOf' && atom.kind !== 'oneOf') return false;
      if (exact && (atom.kind !== kind || atom.branches.length !== branches.length)) return false;
      const covered = atom.branches.every((mine) =>
        branches.some((theirs) => equivalent(mine, theirs)),
      );
      const onto =
        !exact ||
        branches.every((theirs) => atom.branches.some((mine) => equivalent(mine, theirs)));
      return covered && onto;
    });
  }

  not(a: Conjunction, b: SchemaNode, walk: Walk): Incompatibility[] {
    const { graph, report } = this.inclusion;
    const forbidden = graph.child(b, 'not');
    const stated = a.some(
      (atom) =>
        atom.kind === 'not' &&
        (sameNode(atom.node, forbidden) || this.inclusion.equivalent(atom.node, forbidden)),
    );
    if (stated || this.inclusion.emptyWith(a, forbidden, walk)) return [];
    if (acceptsEverything(forbidden.schema)) {
      return [report.forbidden(walk, report.newSite(a, b, 'not'))];
    }
    return [
      report.unverifiable(
        walk,
        report.newSite(a, b, 'not'),
        `What ${placeOf(walk.at)} must not be (the "not" at ${siteOf(b, 'not')} of version ${b.side.version}) is not the same in both versions`,
      ),
    ];
  }

  conditional(a: Conjunction, b: SchemaNode, walk: Walk): Incompatibility[] {
    const { graph } = this.inclusion;
    const schema = b.schema as SchemaObject;
    if (!('then' in schema) && !('else' in schema)) return [];
    const condition = graph.child(b, 'if');
    const then = 'then' in schema ? graph.child(b, 'then') : undefined;
    const otherwise = 'else' in schema ? graph.child(b, 'else') : undefined;
    if (this.sameConditional(a, condition, then, otherwise)) return [];
    const place = `the "if" at ${siteOf(condition)} of version ${b.side.version}`;
    const issues: Incompatibility[] = [];
    if (then) {
      const where = this.ruleOrElse(then, `in records that match ${place}`);
      issues.push(
        ...this.inclusion.subset([...a, ...flatten(graph, condition)], then, {
          at: walk.at,
          where: [...walk.where, where],
        }),
      );
    }
    if (otherwise) {
      const where = this.ruleOrElse(otherwise, `in records that do not match ${place}`);
      issues.push(
        ...this.inclusion.subset([...a, { kind: 'not', node: condition }], otherwise, {
          at: walk.at,
          where: [...walk.where, where],
        }),
      );
    }
    return issues;
  }

  /** A branch is named by its description where it has one, a rule a steward wrote. */
  private ruleOrElse(branch: SchemaNode, fallback: string): string {
    const rule = descriptionOf(branch);
    return rule ? `where the rule "${rule}" applies` : fallback;
  }

  /** Whether A has a conditional that says the same as B's. */
  private sameConditional(
    a: Conjunction,
    condition: SchemaNode,
    then: SchemaNode | undefined,
    otherwise: SchemaNode | undefined,
  ): boolean {
    if (!this.inclusion.useEquivalence) return false;
    const same = (x: SchemaNode | undefined, y: SchemaNode | undefined): boolean =>
      x === undefined || y === undefined
        ? x === y
        : sameNode(x, y) || this.inclusion.equivalent(x, y);
    return a.some(
      (atom) =>
        atom.kind === 'cond' &&
        same(atom.condition, condition) &&
        same(atom.then, then) &&
        same(atom.otherwise, otherwise),
    );
  }
}
