// The heart of the compatibility check: is every instance of schema A valid
// under schema B (A ⊆ B)? Backward compatibility is old ⊆ new, forward is
// new ⊆ old. Both schemas are walked together, keyword by keyword of B: each
// constraint B states must follow from what A states, or it is reported, with
// the place in the record and in the new schema, as the reason A ⊄ B.
//
// The walk is sound rather than complete: it reports an incompatibility
// whenever it cannot prove inclusion (a changed regular expression, a changed
// `not`), and never the other way round. Identical subschemas are recognised
// first, so what did not change is always compatible.
//
// This file holds the proof itself (recursion, case analysis, emptiness);
// what each of B's keywords demands is checked by its family's class
// (`*-checks.ts`), through the `Inclusion` the proof gives them.

import { cases, flatten, isSplittable, type Atom, type Conjunction } from './conjunction.js';
import { ApplicatorChecks } from './applicator-checks.js';
import { ArrayChecks } from './array-checks.js';
import { ConjunctionFacts } from './conjunction-facts.js';
import { ConjunctionKeys } from './conjunction-keys.js';
import { DataPath } from './data-path.js';
import type { Incompatibility } from './incompatibility.js';
import type { Inclusion, Settled, Step } from './inclusion.js';
import { field, IssueReporter, type Perspective, type Walk } from './issue-reporter.js';
import { NumberChecks } from './number-checks.js';
import { ObjectChecks } from './object-checks.js';
import { sameNode, type SchemaEquivalence } from './schema-equivalence.js';
import {
  acceptsEverything,
  acceptsNothing,
  assertionKeywords,
  isSchemaObject,
  siteOf,
  type SchemaGraph,
  type SchemaNode,
  type SchemaObject,
} from './schema-graph.js';
import { StringChecks } from './string-checks.js';
import { ValueChecks } from './value-checks.js';
import type { ValueOracle } from './value-oracle.js';

export type { Perspective } from './issue-reporter.js';

export interface SubsetCheckerOptions {
  /**
   * Recognise subschemas that say the same thing before reasoning about them
   * (on by default). Off, every inclusion is proven keyword by keyword, which
   * specs use to exercise the reasoning on real schemas.
   */
  readonly useEquivalence?: boolean;
  /** How many inclusion steps one check may take before it gives up on a part. */
  readonly budget?: number;
}

// Keywords whose value holds no subschema, so a finite set of values can be
// tested against each of them alone.
const VALUE_KEYWORDS = new Set([
  'type',
  'enum',
  'const',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'required',
  'minProperties',
  'maxProperties',
  'dependentRequired',
]);

// Keywords the walk understands; anything else in B is compared as a whole.
const UNDERSTOOD = new Set([
  ...VALUE_KEYWORDS,
  '$ref',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'properties',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'propertyNames',
  'dependentSchemas',
  'items',
  'prefixItems',
  'contains',
  'minContains',
  'maxContains',
  'unevaluatedItems',
]);

const PROOF_DEPTH = 4;

export class SubsetChecker implements Inclusion {
  readonly report: IssueReporter;
  readonly facts: ConjunctionFacts;
  readonly useEquivalence: boolean;
  private budget: number;
  private splits: number;
  /** How deep the walk is in sub-proofs whose reasons are not kept (emptiness, propagation). */
  private proofDepth = 0;
  private readonly open = new Map<string, string>();
  private readonly keys = new ConjunctionKeys();
  /** For each issue, the alternatives of A already decided or split when it was found. */
  private readonly decidedAtoms = new WeakMap<Incompatibility, Set<Atom>>();
  private readonly applicators = new ApplicatorChecks(this);
  private readonly values = new ValueChecks(this);
  private readonly strings = new StringChecks(this);
  private readonly numbers = new NumberChecks(this);
  private readonly arrays = new ArrayChecks(this);
  private readonly objects = new ObjectChecks(this);

  constructor(
    readonly graph: SchemaGraph,
    private readonly equivalence: SchemaEquivalence,
    readonly oracle: ValueOracle,
    private readonly perspective: Perspective,
    options: SubsetCheckerOptions = {},
  ) {
    this.useEquivalence = options.useEquivalence ?? true;
    this.report = new IssueReporter(perspective);
    this.facts = new ConjunctionFacts(graph, oracle);
    this.budget = options.budget ?? 200_000;
    this.splits = Math.ceil(this.budget / 400);
  }

  /** Why not every instance of `a` is valid under `b`; empty when inclusion is proven. */
  check(a: SchemaNode, b: SchemaNode): Incompatibility[] {
    const found = this.subset(flatten(this.graph, a), b, { at: DataPath.ROOT, where: [] });
    const seen = new Set<string>();
    return found.filter((issue) => {
      const key = `${issue.rule}\u0000${issue.path}\u0000${issue.schemaPath}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  equivalent(x: SchemaNode, y: SchemaNode): boolean {
    return this.useEquivalence && this.equivalence.equivalent(x, y);
  }

  // -------------------------------------------------------------------------
  // Inclusion of a conjunction in one schema node

  subset(a: Conjunction, b: SchemaNode, walk: Walk): Incompatibility[] {
    if (acceptsEverything(b.schema)) return [];
    if (this.holdsAlready(a, b)) return [];
    if (this.facts.obviouslyEmpty(a)) return [];
    if (--this.budget < 0) {
      return [
        this.report.unverifiable(
          walk,
          siteOf(b),
          `${field(walk.at)} is described by schemas too large to compare completely`,
        ),
      ];
    }
    // Recursive schemas meet the same pair again further down the record:
    // assume it holds there (coinduction; records are finite). Met again at
    // the same place, the schema refers to itself without describing any part.
    const key = this.keys.pair(a, b);
    const place = this.open.get(key);
    if (place !== undefined) {
      if (place !== walk.at.pointer) return [];
      return [
        this.report.unverifiable(
          walk,
          siteOf(b),
          `${field(walk.at)} has a schema that refers to itself`,
        ),
      ];
    }
    this.open.set(key, walk.at.pointer);
    try {
      return this.subsetOpen(a, b, walk);
    } finally {
      this.open.delete(key);
    }
  }

  private subsetOpen(a: Conjunction, b: SchemaNode, walk: Walk): Incompatibility[] {
    const values = this.facts.finiteValues(a);
    let rejected: unknown[] = [];
    if (values) {
      const verdicts = values.map((value) => this.oracle.accepts(b, value));
      if (verdicts.every((verdict) => verdict === true)) return [];
      rejected = values.filter((_value, i) => verdicts[i] === false);
    }
    const issues = this.against(a, b, walk, values);
    if (issues.length === 0 && rejected.length > 0) {
      // The validator rejects a value for a reason no keyword check names.
      issues.push(this.values.rejected(a, b, walk, rejected));
    }
    if (issues.length === 0) return [];
    if (this.empty(a, walk)) return [];
    // Inside a yes/no sub-proof, no case analysis: it would multiply the work
    // for little gain, and "not proven" is always a safe answer there.
    if (this.proofDepth > 0) return issues;
    // Case analysis can only help if some alternative of A was not already
    // decided or split where these issues were found (inside a conditional of
    // B, say, which saw all of A).
    const undecided = a.filter(isSplittable).filter((atom) => !this.allDecided(issues, atom));
    if (undecided.length === 0 || this.splits <= 0) return this.orUnresolved(a, b, walk, issues);
    const decided = this.propagate(a, undecided, walk);
    if (decided) return this.decide(this.subset(decided.conjunction, b, walk), decided.atom);
    const atom = undecided[0]!;
    this.splits--;
    const found: Incompatibility[] = [];
    for (const part of cases(this.graph, a, a.indexOf(atom))) {
      if (!this.facts.obviouslyEmpty(part)) found.push(...this.subset(part, b, walk));
    }
    return this.orUnresolved(a, b, walk, this.decide(found, atom));
  }

  /** Notes that `atom` was decided or split in finding these issues. */
  private decide(issues: Incompatibility[], atom: Atom): Incompatibility[] {
    for (const issue of issues) {
      const atoms = this.decidedAtoms.get(issue) ?? new Set<Atom>();
      atoms.add(atom);
      this.decidedAtoms.set(issue, atoms);
    }
    return issues;
  }

  private allDecided(issues: readonly Incompatibility[], atom: Atom): boolean {
    return issues.every((issue) => this.decidedAtoms.get(issue)?.has(atom) === true);
  }

  /**
   * When A has a `$ref` that could not be followed, what A allows is not
   * known, and that, not a difference found without it, is the reason to give.
   */
  private orUnresolved(
    a: Conjunction,
    b: SchemaNode,
    walk: Walk,
    issues: Incompatibility[],
  ): Incompatibility[] {
    if (issues.length === 0) return issues;
    const unresolved = a.filter((atom) => atom.kind === 'unresolved');
    if (unresolved.length === 0) return issues;
    return unresolved.map((atom) =>
      this.report.unresolved(
        walk,
        atom.node,
        atom.ref,
        atom.reason,
        atom.node.side === this.perspective.newSide ? undefined : this.report.newSite(a, b),
      ),
    );
  }

  private holdsAlready(a: Conjunction, b: SchemaNode): boolean {
    return a.some(
      (atom) => atom.kind === 'schema' && (sameNode(atom.node, b) || this.equivalent(atom.node, b)),
    );
  }

  /** B's constraints, one by one, against what A states. */
  private against(
    a: Conjunction,
    b: SchemaNode,
    walk: Walk,
    values: readonly unknown[] | undefined,
  ): Incompatibility[] {
    const schema = b.schema;
    if (acceptsNothing(schema)) return [this.report.forbidden(walk, this.report.newSite(a, b))];
    if (!isSchemaObject(schema)) {
      return [
        this.report.unverifiable(
          walk,
          siteOf(b),
          `${field(walk.at)} has a schema that is not valid`,
        ),
      ];
    }
    const issues: Incompatibility[] = [];
    if ('$ref' in schema) {
      const resolved = this.graph.deref(b);
      if ('node' in resolved) issues.push(...this.subset(a, resolved.node, walk));
      else issues.push(this.report.unresolved(walk, b, resolved.unresolved, resolved.reason));
    }
    if (Array.isArray(schema.allOf)) {
      schema.allOf.forEach((_branch, i) => {
        issues.push(...this.subset(a, this.graph.child(b, 'allOf', i), walk));
      });
    }
    if (Array.isArray(schema.anyOf)) {
      issues.push(...this.applicators.anyOf(a, b, schema.anyOf.length, walk));
    }
    if (Array.isArray(schema.oneOf)) {
      issues.push(...this.applicators.oneOf(a, b, schema.oneOf.length, walk));
    }
    if ('not' in schema) issues.push(...this.applicators.not(a, b, walk));
    if ('if' in schema) issues.push(...this.applicators.conditional(a, b, walk));
    issues.push(...this.base(a, b, schema, walk, values));
    return issues;
  }

  /** B's own keywords, by the kinds of value A allows. */
  private base(
    a: Conjunction,
    b: SchemaNode,
    schema: SchemaObject,
    walk: Walk,
    values: readonly unknown[] | undefined,
  ): Incompatibility[] {
    const issues: Incompatibility[] = [];
    const kinds = this.facts.kinds(a);
    // A keyword every one of A's finitely many values satisfies needs no argument.
    const settled: Settled = (keyword) =>
      !(keyword in schema) ||
      (values !== undefined &&
        VALUE_KEYWORDS.has(keyword) &&
        values.every(
          (value) => this.oracle.acceptsKeyword(b.side, keyword, schema[keyword], value) === true,
        ));

    const step: Step = { a, b, schema, walk };
    if ('type' in schema && !settled('type')) issues.push(...this.values.type(step, kinds));
    if (('enum' in schema || 'const' in schema) && !(settled('enum') && settled('const'))) {
      issues.push(...this.values.enumeration(step, values));
    }
    if (kinds.has('string') || kinds.has('integer') || kinds.has('fraction')) {
      if ('format' in schema && !settled('format')) issues.push(...this.values.format(step));
    }
    if (kinds.has('string')) issues.push(...this.strings.check(step, settled));
    if (kinds.has('integer') || kinds.has('fraction')) {
      issues.push(...this.numbers.check(step, kinds, settled));
    }
    if (kinds.has('array')) issues.push(...this.arrays.check(step));
    if (kinds.has('object')) issues.push(...this.objects.check(step, settled));
    for (const keyword of assertionKeywords(schema)) {
      if (!UNDERSTOOD.has(keyword)) issues.push(...this.values.unknown(step, keyword));
    }
    return issues;
  }

  // -------------------------------------------------------------------------
  // Emptiness and sub-proofs

  /** Whether A can be shown to accept nothing: contradictory facts. */
  empty(a: Conjunction, walk: Walk): boolean {
    if (this.facts.obviouslyEmpty(a)) return true;
    const values = this.facts.finiteValues(a);
    if (values && values.length === 0) return true;
    if (this.facts.contradictoryKinds(a)) return true;
    // A says "not N" and yet everything A allows is N. Only one level deep:
    // inside such a proof, emptiness is judged by the cheap signs above, or
    // every "not" would try every other one.
    if (this.proofDepth > 1) return false;
    return a.some(
      (atom, i) =>
        atom.kind === 'not' &&
        this.proves(
          a.filter((_other, j) => j !== i),
          atom.node,
          walk,
        ),
    );
  }

  /** Whether inclusion holds, as a yes/no sub-proof (no case analysis, reasons not kept). */
  proves(a: Conjunction, b: SchemaNode, walk: Walk): boolean {
    if (this.proofDepth >= PROOF_DEPTH) return false;
    this.proofDepth++;
    try {
      return this.subset(a, b, walk).length === 0;
    } finally {
      this.proofDepth--;
    }
  }

  emptyWith(a: Conjunction, node: SchemaNode, walk: Walk): boolean {
    if (this.proofDepth >= PROOF_DEPTH) return false;
    this.proofDepth++;
    try {
      return this.empty([...a, ...flatten(this.graph, node)], walk);
    } finally {
      this.proofDepth--;
    }
  }

  /**
   * A's alternatives that the rest of A already decides, replaced by the one
   * that applies: a conditional whose `if` A always (or never) matches, an
   * anyOf or oneOf with a single branch A can match. Undefined when none is.
   */
  private propagate(
    a: Conjunction,
    candidates: readonly Atom[],
    walk: Walk,
  ): { conjunction: Atom[]; atom: Atom } | undefined {
    for (const atom of candidates) {
      const rest = a.filter((other) => other !== atom);
      const decided = (conjunction: Atom[]) => ({ conjunction, atom });
      if (atom.kind === 'cond') {
        if (this.proves(rest, atom.condition, walk)) {
          return decided([...rest, ...(atom.then ? flatten(this.graph, atom.then) : [])]);
        }
        if (this.emptyWith(rest, atom.condition, walk)) {
          const otherwise = atom.otherwise ? flatten(this.graph, atom.otherwise) : [];
          return decided([...rest, { kind: 'not', node: atom.condition }, ...otherwise]);
        }
      } else if (atom.kind === 'anyOf' || atom.kind === 'oneOf') {
        const live = atom.branches.filter((branch) => !this.emptyWith(rest, branch, walk));
        if (live.length === 1) return decided([...rest, ...flatten(this.graph, live[0]!)]);
      }
    }
    return undefined;
  }
}
