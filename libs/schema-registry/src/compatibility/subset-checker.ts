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

import {
  ALL_KINDS,
  cases,
  describeKinds,
  flatten,
  flattenAll,
  intersectValues,
  isSplittable,
  kindOfValue,
  kindsOfNode,
  kindsOfType,
  schemaNodes,
  type Atom,
  type Conjunction,
  type Kind,
} from './conjunction.js';
import { DataPath } from './data-path.js';
import type { Incompatibility } from './incompatibility.js';
import {
  count,
  field,
  IssueReporter,
  listValues,
  placeOf,
  type Perspective,
  type Rules,
  type Walk,
} from './issue-reporter.js';
import { jsonEqual, showValue } from './json-equal.js';
import {
  closedToOthers,
  declares,
  propertyModel,
  unevaluatedView,
  valuesFor,
  type PropertyModel,
} from './property-model.js';
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
import type { ValueOracle } from './value-oracle.js';
import {
  describeLower,
  describeUpper,
  integerLower,
  integerUpper,
  isMultiple,
  lowerBoundOf,
  tighterLower,
  tighterUpper,
  upperBoundOf,
  type Bound,
} from './numeric-bounds.js';

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

const IN_PLACE_APPLICATORS = ['$ref', 'allOf', 'anyOf', 'oneOf', 'if', 'dependentSchemas'];

const PROOF_DEPTH = 4;

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function descriptionOf(node: SchemaNode): string | undefined {
  return isSchemaObject(node.schema) && typeof node.schema.description === 'string'
    ? node.schema.description
    : undefined;
}

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

export class SubsetChecker {
  private budget: number;
  private splits: number;
  /** How deep the walk is in sub-proofs whose reasons are not kept (emptiness, propagation). */
  private proofDepth = 0;
  private readonly useEquivalence: boolean;
  private readonly report: IssueReporter;
  private readonly open = new Map<string, string>();
  private readonly objectIds = new WeakMap<object, number>();
  private nextObjectId = 1;
  private readonly valueCache = new WeakMap<Conjunction, unknown[] | null>();
  private readonly kindCache = new WeakMap<Conjunction, Set<Kind>>();
  /** For each issue, the alternatives of A already decided or split when it was found. */
  private readonly decidedAtoms = new WeakMap<Incompatibility, Set<Atom>>();

  constructor(
    private readonly graph: SchemaGraph,
    private readonly equivalence: SchemaEquivalence,
    private readonly oracle: ValueOracle,
    private readonly perspective: Perspective,
    options: SubsetCheckerOptions = {},
  ) {
    this.useEquivalence = options.useEquivalence ?? true;
    this.report = new IssueReporter(perspective);
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

  // -------------------------------------------------------------------------
  // Inclusion of a conjunction in one schema node

  private subset(a: Conjunction, b: SchemaNode, walk: Walk): Incompatibility[] {
    if (acceptsEverything(b.schema)) return [];
    if (this.holdsAlready(a, b)) return [];
    if (this.obviouslyEmpty(a)) return [];
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
    const key = this.pairKey(a, b);
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
    const values = this.finiteValues(a);
    let rejected: unknown[] = [];
    if (values) {
      const verdicts = values.map((value) => this.oracle.accepts(b, value));
      if (verdicts.every((verdict) => verdict === true)) return [];
      rejected = values.filter((_value, i) => verdicts[i] === false);
    }
    const issues = this.against(a, b, walk, values);
    if (issues.length === 0 && rejected.length > 0) {
      // The validator rejects a value for a reason no keyword check names.
      issues.push(this.valuesRejected(a, b, walk, rejected));
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
      if (!this.obviouslyEmpty(part)) found.push(...this.subset(part, b, walk));
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
      (atom) =>
        atom.kind === 'schema' &&
        (sameNode(atom.node, b) ||
          (this.useEquivalence && this.equivalence.equivalent(atom.node, b))),
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
    if (acceptsNothing(schema)) {
      return [
        this.report.issue(
          ['value-forbidden', 'value-allowed'],
          walk,
          this.report.newSite(a, b),
          this.report.backward
            ? `${field(walk.at)} is no longer allowed`
            : `${field(walk.at)} is now allowed where version ${this.perspective.oldVersion} forbade it`,
          'have it',
        ),
      ];
    }
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
    if (Array.isArray(schema.anyOf)) issues.push(...this.anyOf(a, b, schema.anyOf.length, walk));
    if (Array.isArray(schema.oneOf)) issues.push(...this.oneOf(a, b, schema.oneOf.length, walk));
    if ('not' in schema) issues.push(...this.not(a, b, walk));
    if ('if' in schema) issues.push(...this.conditional(a, b, walk));
    issues.push(...this.base(a, b, schema, walk, values));
    return issues;
  }

  // -------------------------------------------------------------------------
  // Applicators in B

  private anyOf(a: Conjunction, b: SchemaNode, count: number, walk: Walk): Incompatibility[] {
    const branches = Array.from({ length: count }, (_v, i) => this.graph.child(b, 'anyOf', i));
    if (this.hasSameAlternatives(a, branches, 'anyOf')) return [];
    return this.eachKindFits(a, b, (part) => this.fitsSome(part, branches, walk));
  }

  private oneOf(a: Conjunction, b: SchemaNode, count: number, walk: Walk): Incompatibility[] {
    const branches = Array.from({ length: count }, (_v, i) => this.graph.child(b, 'oneOf', i));
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
    const kinds = this.kinds(a);
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
      { kind: 'schema', node: this.graph.synthetic({ type }, b) },
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
    let closest: Incompatibility[] | undefined;
    for (const [i, branch] of branches.entries()) {
      const issues = this.subset(a, branch, walk);
      if (issues.length > 0) {
        if (!closest || issues.length < closest.length) closest = issues;
        continue;
      }
      if (!exclusive) return [];
      if (branches.every((other, j) => j === i || this.emptyWith(a, other, walk))) return [];
      return [
        this.report.unverifiable(
          walk,
          this.report.newSite(a, exclusive, 'oneOf'),
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
    if (!this.useEquivalence) return false;
    return a.some((atom) => {
      if (atom.kind !== 'anyOf' && atom.kind !== 'oneOf') return false;
      if (exact && (atom.kind !== kind || atom.branches.length !== branches.length)) return false;
      const covered = atom.branches.every((mine) =>
        branches.some((theirs) => this.equivalence.equivalent(mine, theirs)),
      );
      const onto =
        !exact ||
        branches.every((theirs) =>
          atom.branches.some((mine) => this.equivalence.equivalent(mine, theirs)),
        );
      return covered && onto;
    });
  }

  private not(a: Conjunction, b: SchemaNode, walk: Walk): Incompatibility[] {
    const forbidden = this.graph.child(b, 'not');
    if (
      a.some(
        (atom) =>
          atom.kind === 'not' &&
          (sameNode(atom.node, forbidden) ||
            (this.useEquivalence && this.equivalence.equivalent(atom.node, forbidden))),
      )
    ) {
      return [];
    }
    if (this.emptyWith(a, forbidden, walk)) return [];
    if (acceptsEverything(forbidden.schema)) {
      return [
        this.report.issue(
          ['value-forbidden', 'value-allowed'],
          walk,
          this.report.newSite(a, b, 'not'),
          this.report.backward
            ? `${field(walk.at)} is no longer allowed`
            : `${field(walk.at)} is now allowed where version ${this.perspective.oldVersion} forbade it`,
          'have it',
        ),
      ];
    }
    return [
      this.report.unverifiable(
        walk,
        this.report.newSite(a, b, 'not'),
        `What ${placeOf(walk.at)} must not be (the "not" at ${siteOf(b, 'not')} of version ${b.side.version}) is not the same in both versions`,
      ),
    ];
  }

  private conditional(a: Conjunction, b: SchemaNode, walk: Walk): Incompatibility[] {
    const schema = b.schema as SchemaObject;
    if (!('then' in schema) && !('else' in schema)) return [];
    const condition = this.graph.child(b, 'if');
    const then = 'then' in schema ? this.graph.child(b, 'then') : undefined;
    const otherwise = 'else' in schema ? this.graph.child(b, 'else') : undefined;
    if (this.useEquivalence) {
      const same = (x: SchemaNode | undefined, y: SchemaNode | undefined): boolean =>
        x === undefined || y === undefined
          ? x === y
          : sameNode(x, y) || this.equivalence.equivalent(x, y);
      const matched = a.some(
        (atom) =>
          atom.kind === 'cond' &&
          same(atom.condition, condition) &&
          same(atom.then, then) &&
          same(atom.otherwise, otherwise),
      );
      if (matched) return [];
    }
    const place = `the "if" at ${siteOf(condition)} of version ${b.side.version}`;
    const issues: Incompatibility[] = [];
    if (then) {
      const rule = descriptionOf(then);
      const where = rule ? `where the rule "${rule}" applies` : `in records that match ${place}`;
      issues.push(
        ...this.subset([...a, ...flatten(this.graph, condition)], then, {
          at: walk.at,
          where: [...walk.where, where],
        }),
      );
    }
    if (otherwise) {
      const rule = descriptionOf(otherwise);
      const where = rule
        ? `where the rule "${rule}" applies`
        : `in records that do not match ${place}`;
      issues.push(
        ...this.subset([...a, { kind: 'not', node: condition }], otherwise, {
          at: walk.at,
          where: [...walk.where, where],
        }),
      );
    }
    return issues;
  }

  // -------------------------------------------------------------------------
  // B's own keywords

  private base(
    a: Conjunction,
    b: SchemaNode,
    schema: SchemaObject,
    walk: Walk,
    values: readonly unknown[] | undefined,
  ): Incompatibility[] {
    const issues: Incompatibility[] = [];
    const kinds = this.kinds(a);
    // A keyword every one of A's finitely many values satisfies needs no argument.
    const settled = (keyword: string): boolean =>
      !(keyword in schema) ||
      (values !== undefined &&
        VALUE_KEYWORDS.has(keyword) &&
        values.every(
          (value) => this.oracle.acceptsKeyword(b.side, keyword, schema[keyword], value) === true,
        ));

    if ('type' in schema && !settled('type')) issues.push(...this.type(a, b, schema, walk, kinds));
    if (('enum' in schema || 'const' in schema) && !(settled('enum') && settled('const'))) {
      issues.push(...this.enumeration(a, b, schema, walk, values));
    }
    if (kinds.has('string') || kinds.has('integer') || kinds.has('fraction')) {
      if ('format' in schema && !settled('format')) issues.push(...this.format(a, b, schema, walk));
    }
    if (kinds.has('string')) issues.push(...this.string(a, b, schema, walk, settled));
    if (kinds.has('integer') || kinds.has('fraction')) {
      issues.push(...this.number(a, b, schema, walk, kinds, settled));
    }
    if (kinds.has('array')) issues.push(...this.array(a, b, schema, walk));
    if (kinds.has('object')) issues.push(...this.object(a, b, schema, walk, settled));

    for (const keyword of assertionKeywords(schema)) {
      if (UNDERSTOOD.has(keyword)) continue;
      const stated = schemaNodes(a).some(
        (node) =>
          isSchemaObject(node.schema) &&
          keyword in node.schema &&
          jsonEqual(node.schema[keyword], schema[keyword]),
      );
      if (!stated) {
        issues.push(
          this.report.unverifiable(
            walk,
            this.report.newSite(a, b, keyword),
            `${field(walk.at)} uses "${keyword}", which the checker does not understand, and it is not the same in both versions`,
          ),
        );
      }
    }
    return issues;
  }

  private type(
    a: Conjunction,
    b: SchemaNode,
    schema: SchemaObject,
    walk: Walk,
    kinds: ReadonlySet<Kind>,
  ): Incompatibility[] {
    const allowed = kindsOfType(schema.type);
    if (!allowed) {
      return [
        this.report.unverifiable(
          walk,
          siteOf(b, 'type'),
          `${field(walk.at)} has a "type" that is not valid`,
        ),
      ];
    }
    const extra = new Set([...kinds].filter((kind) => !allowed.has(kind)));
    if (extra.size === 0) return [];
    const headline = this.report.backward
      ? `${field(walk.at)} must now be ${describeKinds(allowed)}, where version ${this.perspective.oldVersion} also allowed ${describeKinds(extra)}`
      : `${field(walk.at)} may now also be ${describeKinds(extra)}, where version ${this.perspective.oldVersion} allowed only ${describeKinds(allowed)}`;
    return [
      this.report.issue(
        ['type-narrowed', 'type-widened'],
        walk,
        this.report.newSite(a, b, 'type'),
        headline,
        `hold ${describeKinds(extra)} there`,
      ),
    ];
  }

  private enumeration(
    a: Conjunction,
    b: SchemaNode,
    schema: SchemaObject,
    walk: Walk,
    values: readonly unknown[] | undefined,
  ): Incompatibility[] {
    let allowed: unknown[] | undefined;
    if (Array.isArray(schema.enum)) allowed = [...schema.enum];
    if ('const' in schema) allowed = intersectValues(allowed ?? [schema.const], [schema.const]);
    if (!allowed) return [];
    const keyword = 'const' in schema ? 'const' : 'enum';
    const site = this.report.newSite(a, b, keyword);
    if (values) {
      const missing = values.filter((value) => !allowed.some((other) => jsonEqual(value, other)));
      if (missing.length === 0) return [];
      const aHasConst = schemaNodes(a).some(
        (node) => isSchemaObject(node.schema) && 'const' in node.schema,
      );
      const rule: Rules =
        keyword === 'const' && aHasConst
          ? 'const-changed'
          : ['enum-value-removed', 'enum-value-added'];
      const headline = this.report.backward
        ? `${field(walk.at)} no longer allows ${listValues(missing)}`
        : `${field(walk.at)} now allows ${listValues(missing)}, which version ${this.perspective.oldVersion} does not`;
      return [
        this.report.issue(
          rule,
          walk,
          site,
          headline,
          missing.length === 1 ? 'hold it' : 'hold one of them',
        ),
      ];
    }
    if (keyword === 'const') {
      const headline = this.report.backward
        ? `${field(walk.at)} must now be exactly ${showValue(schema.const)}`
        : `${field(walk.at)} is no longer fixed to ${showValue(schema.const)}`;
      return [
        this.report.issue(
          ['const-added', 'const-removed'],
          walk,
          site,
          headline,
          'hold another value',
        ),
      ];
    }
    const headline = this.report.backward
      ? `${field(walk.at)} is now limited to ${listValues(allowed)}`
      : `${field(walk.at)} is no longer limited to ${listValues(allowed)}`;
    return [
      this.report.issue(['enum-added', 'enum-removed'], walk, site, headline, 'hold another value'),
    ];
  }

  private format(
    a: Conjunction,
    b: SchemaNode,
    schema: SchemaObject,
    walk: Walk,
  ): Incompatibility[] {
    const wanted = schema.format;
    const stated = schemaNodes(a)
      .map((node) => (isSchemaObject(node.schema) ? node.schema.format : undefined))
      .filter((format) => format !== undefined);
    if (stated.some((format) => format === wanted)) return [];
    const site = this.report.newSite(a, b, 'format');
    if (stated.length === 0) {
      const headline = this.report.backward
        ? `${field(walk.at)} must now be in the ${String(wanted)} format`
        : `${field(walk.at)} no longer has to be in the ${String(wanted)} format`;
      return [
        this.report.issue(
          ['format-added', 'format-removed'],
          walk,
          site,
          headline,
          'hold a value in another form',
        ),
      ];
    }
    const [before, after] = this.report.backward ? [stated[0], wanted] : [wanted, stated[0]];
    return [
      this.report.issue(
        'format-changed',
        walk,
        site,
        `The format of ${placeOf(walk.at)} changed from ${String(before)} to ${String(after)}`,
        'hold a value the other format rejects',
      ),
    ];
  }

  private string(
    a: Conjunction,
    b: SchemaNode,
    schema: SchemaObject,
    walk: Walk,
    settled: (keyword: string) => boolean,
  ): Incompatibility[] {
    const issues: Incompatibility[] = [];
    const nodes = schemaNodes(a)
      .map((node) => node.schema)
      .filter(isSchemaObject);
    const old = this.perspective.oldVersion;
    if (typeof schema.minLength === 'number' && !settled('minLength')) {
      const stated = Math.max(0, ...nodes.map((node) => numberOr(node.minLength, 0)));
      if (stated < schema.minLength) {
        const headline = this.report.backward
          ? `${field(walk.at)} must now be at least ${count(schema.minLength, 'character')} long, where version ${old} ${stated > 0 ? `required at least ${count(stated, 'character')}` : 'had no minimum length'}`
          : `${field(walk.at)} may now be as short as ${count(stated, 'character')}, where version ${old} required at least ${count(schema.minLength, 'character')}`;
        issues.push(
          this.report.issue(
            ['min-length-raised', 'min-length-lowered'],
            walk,
            this.report.newSite(a, b, 'minLength'),
            headline,
            'hold shorter text',
          ),
        );
      }
    }
    if (typeof schema.maxLength === 'number' && !settled('maxLength')) {
      const stated = Math.min(Infinity, ...nodes.map((node) => numberOr(node.maxLength, Infinity)));
      if (stated > schema.maxLength) {
        const headline = this.report.backward
          ? `${field(walk.at)} may now be at most ${count(schema.maxLength, 'character')} long, where version ${old} allowed ${stated === Infinity ? 'any length' : `up to ${count(stated, 'character')}`}`
          : `${field(walk.at)} may now be ${stated === Infinity ? 'of any length' : `up to ${count(stated, 'character')} long`}, where version ${old} allowed at most ${count(schema.maxLength, 'character')}`;
        issues.push(
          this.report.issue(
            ['max-length-reduced', 'max-length-increased'],
            walk,
            this.report.newSite(a, b, 'maxLength'),
            headline,
            'hold longer text',
          ),
        );
      }
    }
    if (typeof schema.pattern === 'string' && !settled('pattern')) {
      const stated = nodes
        .map((node) => node.pattern)
        .filter((pattern) => typeof pattern === 'string');
      if (!stated.includes(schema.pattern)) {
        const site = this.report.newSite(a, b, 'pattern');
        if (stated.length === 0) {
          const headline = this.report.backward
            ? `${field(walk.at)} must now match the pattern ${showValue(schema.pattern)}`
            : `${field(walk.at)} no longer has to match the pattern ${showValue(schema.pattern)}`;
          issues.push(
            this.report.issue(
              ['pattern-added', 'pattern-removed'],
              walk,
              site,
              headline,
              'hold text that does not match it',
            ),
          );
        } else {
          const [before, after] = this.report.backward
            ? [stated[0], schema.pattern]
            : [schema.pattern, stated[0]];
          issues.push(
            this.report.issue(
              'pattern-changed',
              walk,
              site,
              `The pattern of ${placeOf(walk.at)} changed from ${showValue(before)} to ${showValue(after)}; regular expressions cannot be compared in general, so it cannot be shown that the ${this.report.backward ? 'new' : 'old'} one accepts all text the ${this.report.backward ? 'old' : 'new'} one does`,
              'hold text the new pattern rejects',
            ),
          );
        }
      }
    }
    return issues;
  }

  private number(
    a: Conjunction,
    b: SchemaNode,
    schema: SchemaObject,
    walk: Walk,
    kinds: ReadonlySet<Kind>,
    settled: (keyword: string) => boolean,
  ): Incompatibility[] {
    const issues: Incompatibility[] = [];
    const nodes = schemaNodes(a)
      .map((node) => node.schema)
      .filter(isSchemaObject);
    const integers = !kinds.has('fraction');
    const old = this.perspective.oldVersion;

    // The lower and the upper limit are checked alike, each with its own side's helpers.
    for (const side of BOUND_SIDES) {
      const wantedBound = side.boundOf(schema);
      if (!wantedBound || (settled(side.keywords[0]) && settled(side.keywords[1]))) continue;
      let stated = nodes
        .map(side.boundOf)
        .reduce<Bound | undefined>(
          (best, bound) => (!bound || (best && side.tighter(best, bound)) ? best : bound),
          undefined,
        );
      let wanted = wantedBound;
      if (integers) {
        stated = stated && side.integer(stated);
        wanted = side.integer(wanted);
      }
      if (!stated || !side.tighter(stated, wanted)) {
        const headline = this.report.backward
          ? `${field(walk.at)} must now be ${side.describe(wanted)}, where version ${old} ${stated ? `required only ${side.describe(stated)}` : `had no ${side.noun} limit`}`
          : `${field(walk.at)} now has ${stated ? `the ${side.noun} limit "${side.describe(stated)}"` : `no ${side.noun} limit`}, where version ${old} required it to be ${side.describe(wanted)}`;
        const site = this.report.newSiteOfAny(a, b, side.keywords);
        issues.push(this.report.issue(side.rules, walk, site, headline, side.oldRecordsMay));
      }
    }
    if (typeof schema.multipleOf === 'number' && !settled('multipleOf')) {
      const divisor = schema.multipleOf;
      const stated = nodes
        .map((node) => node.multipleOf)
        .filter((value) => typeof value === 'number');
      const proven =
        stated.some((value) => isMultiple(value, divisor)) ||
        (integers && divisor > 0 && Number.isInteger(1 / divisor));
      if (!proven) {
        const site = this.report.newSite(a, b, 'multipleOf');
        if (stated.length === 0) {
          const headline = this.report.backward
            ? `${field(walk.at)} must now be a multiple of ${divisor}`
            : `${field(walk.at)} no longer has to be a multiple of ${divisor}`;
          issues.push(
            this.report.issue(
              ['multiple-of-added', 'multiple-of-removed'],
              walk,
              site,
              headline,
              'hold another number',
            ),
          );
        } else {
          const [before, after] = this.report.backward
            ? [stated[0], divisor]
            : [divisor, stated[0]];
          issues.push(
            this.report.issue(
              'multiple-of-changed',
              walk,
              site,
              `${field(walk.at)} must be a multiple of ${after} instead of ${before}`,
              'hold a number that is not',
            ),
          );
        }
      }
    }
    return issues;
  }

  // -------------------------------------------------------------------------
  // Arrays

  private array(
    a: Conjunction,
    b: SchemaNode,
    schema: SchemaObject,
    walk: Walk,
  ): Incompatibility[] {
    const issues: Incompatibility[] = [];
    const nodes = schemaNodes(a).filter((node) => isSchemaObject(node.schema));
    const objects = nodes.map((node) => node.schema as SchemaObject);
    const old = this.perspective.oldVersion;
    const minItems = Math.max(0, ...objects.map((node) => numberOr(node.minItems, 0)));
    const maxItems = Math.min(
      Infinity,
      ...objects.map((node) => numberOr(node.maxItems, Infinity)),
    );

    if (typeof schema.minItems === 'number' && minItems < schema.minItems) {
      const headline = this.report.backward
        ? `${field(walk.at)} must now have at least ${count(schema.minItems, 'item')}, where version ${old} ${minItems > 0 ? `required at least ${count(minItems, 'item')}` : 'had no minimum'}`
        : `${field(walk.at)} may now have as few as ${count(minItems, 'item')}, where version ${old} required at least ${count(schema.minItems, 'item')}`;
      issues.push(
        this.report.issue(
          ['min-items-raised', 'min-items-lowered'],
          walk,
          this.report.newSite(a, b, 'minItems'),
          headline,
          'hold fewer items',
        ),
      );
    }
    if (typeof schema.maxItems === 'number' && maxItems > schema.maxItems) {
      const headline = this.report.backward
        ? `${field(walk.at)} may now have at most ${count(schema.maxItems, 'item')}, where version ${old} allowed ${maxItems === Infinity ? 'any number' : `up to ${count(maxItems, 'item')}`}`
        : `${field(walk.at)} may now have ${maxItems === Infinity ? 'any number of items' : `up to ${count(maxItems, 'item')}`}, where version ${old} allowed at most ${count(schema.maxItems, 'item')}`;
      issues.push(
        this.report.issue(
          ['max-items-reduced', 'max-items-increased'],
          walk,
          this.report.newSite(a, b, 'maxItems'),
          headline,
          'hold more items',
        ),
      );
    }
    if (
      schema.uniqueItems === true &&
      maxItems > 1 &&
      !objects.some((node) => node.uniqueItems === true)
    ) {
      const headline = this.report.backward
        ? `The items of ${placeOf(walk.at)} must now all be different`
        : `The items of ${placeOf(walk.at)} no longer have to be all different`;
      issues.push(
        this.report.issue(
          ['unique-items-added', 'unique-items-removed'],
          walk,
          this.report.newSite(a, b, 'uniqueItems'),
          headline,
          'repeat an item',
        ),
      );
    }

    if (
      Array.isArray(schema.items) &&
      !objects.some((node) => jsonEqual(node.items, schema.items))
    ) {
      // The draft-07 tuple form, which 2020-12 spells prefixItems.
      issues.push(
        this.report.unverifiable(
          walk,
          this.report.newSite(a, b, 'items'),
          `${field(walk.at)} uses "items" as a list (the form before draft 2020-12), which the checker does not compare`,
        ),
      );
    }

    // Positions: those any tuple (prefixItems) on either side names, then the rest.
    const ownPrefix = Array.isArray(schema.prefixItems) ? schema.prefixItems.length : 0;
    const positions = Math.max(
      ownPrefix,
      ...objects.map((node) => (Array.isArray(node.prefixItems) ? node.prefixItems.length : 0)),
    );
    let rest: SchemaNode | undefined =
      'items' in schema && !Array.isArray(schema.items) ? this.graph.child(b, 'items') : undefined;
    if (!rest && 'unevaluatedItems' in schema && !acceptsEverything(schema.unevaluatedItems)) {
      const inPlace =
        IN_PLACE_APPLICATORS.some((keyword) => keyword in schema) || 'contains' in schema;
      if (inPlace) {
        issues.push(
          this.report.unverifiable(
            walk,
            this.report.newSite(a, b, 'unevaluatedItems'),
            `Which items of ${placeOf(walk.at)} "unevaluatedItems" applies to depends on subschemas that apply only to some records`,
          ),
        );
      } else {
        rest = this.graph.child(b, 'unevaluatedItems');
      }
    }
    for (let i = 0; i < positions && i < maxItems; i++) {
      const wanted = i < ownPrefix ? this.graph.child(b, 'prefixItems', i) : rest;
      if (!wanted || acceptsEverything(wanted.schema)) continue;
      const stated = flattenAll(
        this.graph,
        nodes.flatMap((node) => {
          const own = node.schema as SchemaObject;
          if (Array.isArray(own.prefixItems) && i < own.prefixItems.length) {
            return [this.graph.child(node, 'prefixItems', i)];
          }
          return 'items' in own && !Array.isArray(own.items)
            ? [this.graph.child(node, 'items')]
            : [];
        }),
      );
      issues.push(
        ...this.items(a, b, stated, wanted, { at: walk.at.index(i), where: walk.where }, i),
      );
    }
    if (rest && !acceptsEverything(rest.schema) && maxItems > positions) {
      const stated = flattenAll(
        this.graph,
        nodes.flatMap((node) => {
          const own = node.schema as SchemaObject;
          return 'items' in own && !Array.isArray(own.items)
            ? [this.graph.child(node, 'items')]
            : [];
        }),
      );
      issues.push(
        ...this.items(a, b, stated, rest, { at: walk.at.item(), where: walk.where }, positions),
      );
    }
    if ('contains' in schema || 'maxContains' in schema)
      issues.push(...this.contains(a, b, schema, walk, minItems, maxItems));
    return issues;
  }

  private items(
    a: Conjunction,
    b: SchemaNode,
    stated: Conjunction,
    wanted: SchemaNode,
    walk: Walk,
    from: number,
  ): Incompatibility[] {
    if (acceptsNothing(wanted.schema)) {
      if (this.empty(stated, walk)) return [];
      const headline = this.report.backward
        ? `${field(walk.at)}: items from position ${from + 1} on are no longer allowed`
        : `${field(walk.at)}: items from position ${from + 1} on are now allowed, where version ${this.perspective.oldVersion} forbade them`;
      return [
        this.report.issue(
          ['items-forbidden', 'items-allowed'],
          walk,
          this.report.newSite(a, b, 'items'),
          headline,
          'hold more items',
        ),
      ];
    }
    return this.subset(stated, wanted, walk);
  }

  private contains(
    a: Conjunction,
    b: SchemaNode,
    schema: SchemaObject,
    walk: Walk,
    minItems: number,
    maxItems: number,
  ): Incompatibility[] {
    const wanted = 'contains' in schema ? this.graph.child(b, 'contains') : undefined;
    if (!wanted) return [];
    const nodes = schemaNodes(a).filter((node) => isSchemaObject(node.schema));
    const stated = nodes
      .filter((node) => 'contains' in (node.schema as SchemaObject))
      .map((node) => {
        const own = node.schema as SchemaObject;
        return {
          node: this.graph.child(node, 'contains'),
          min: numberOr(own.minContains, 1),
          max: numberOr(own.maxContains, Infinity),
        };
      });
    const wantedMin = numberOr(schema.minContains, 1);
    const wantedMax = numberOr(schema.maxContains, Infinity);
    // Only a yes or no is wanted here; the reasons of a failed attempt are not reported.
    const quiet = (x: Conjunction, y: SchemaNode): boolean => this.proves(x, y, walk);

    let proven = true;
    if (wantedMin > 0) {
      const everyItem =
        !nodes.some((node) => 'prefixItems' in (node.schema as SchemaObject)) &&
        minItems >= wantedMin &&
        quiet(
          flattenAll(
            this.graph,
            nodes
              .filter((node) => 'items' in (node.schema as SchemaObject))
              .map((node) => this.graph.child(node, 'items')),
          ),
          wanted,
        );
      proven =
        everyItem ||
        stated.some((own) => own.min >= wantedMin && quiet(flatten(this.graph, own.node), wanted));
    }
    if (proven && wantedMax < Infinity && maxItems > wantedMax) {
      proven = stated.some(
        (own) => own.max <= wantedMax && quiet(flatten(this.graph, wanted), own.node),
      );
    }
    if (proven) return [];
    const what = descriptionOf(wanted) ?? 'an item of the form its schema requires';
    const site = this.report.newSite(a, b, 'contains');
    if (stated.length === 0) {
      const headline = this.report.backward
        ? `${field(walk.at)} must now include ${what}`
        : `${field(walk.at)} no longer has to include ${what}`;
      return [
        this.report.issue(
          ['contains-added', 'contains-removed'],
          walk,
          site,
          headline,
          'lack such an item',
        ),
      ];
    }
    return [
      this.report.issue(
        'contains-changed',
        walk,
        site,
        `What ${placeOf(walk.at)} must include (${what}) changed`,
        'lack an item of the form now asked for',
      ),
    ];
  }

  // -------------------------------------------------------------------------
  // Objects

  private object(
    a: Conjunction,
    b: SchemaNode,
    schema: SchemaObject,
    walk: Walk,
    settled: (keyword: string) => boolean,
  ): Incompatibility[] {
    const issues: Incompatibility[] = [];
    const nodes = schemaNodes(a).filter((node) => isSchemaObject(node.schema));
    const objects = nodes.map((node) => node.schema as SchemaObject);
    const mine = this.modelsOf(nodes);

    const theirs: PropertyModel[] = [];
    const own = propertyModel(this.graph, b);
    if (own) theirs.push(own);
    if (!('additionalProperties' in schema)) {
      const view = unevaluatedView(this.graph, b, 'exact');
      if (view.kind === 'model') theirs.push(view.model);
      if (view.kind === 'uncertain') {
        issues.push(
          this.report.unverifiable(
            walk,
            this.report.newSite(a, b, 'unevaluatedProperties'),
            `Which fields of ${placeOf(walk.at)} "unevaluatedProperties" applies to depends on subschemas that apply only to some records`,
          ),
        );
      }
    }
    for (const model of theirs) issues.push(...this.properties(a, mine, model, walk));

    const required = this.requiredNames(a);
    if (Array.isArray(schema.required) && !settled('required')) {
      for (const name of schema.required) {
        if (typeof name !== 'string' || required.has(name)) continue;
        const at = walk.at.property(name);
        const headline = this.report.backward
          ? `${field(at)} is now required`
          : `${field(at)} is no longer required`;
        issues.push(
          this.report.issue(
            ['required-added', 'required-removed'],
            { at, where: walk.where },
            this.report.newSite(a, b, 'required'),
            headline,
            'lack it',
          ),
        );
      }
    }

    const old = this.perspective.oldVersion;
    const label = placeOf(walk.at);
    if (typeof schema.minProperties === 'number' && !settled('minProperties')) {
      const stated = Math.max(
        required.size,
        ...objects.map((node) => numberOr(node.minProperties, 0)),
      );
      if (stated < schema.minProperties) {
        const headline = this.report.backward
          ? `${field(walk.at)} must now have at least ${count(schema.minProperties, 'field')}, where version ${old} ${stated > 0 ? `required at least ${count(stated, 'field')}` : 'had no minimum'}`
          : `${field(walk.at)} may now have as few as ${count(stated, 'field')}, where version ${old} required at least ${count(schema.minProperties, 'field')}`;
        issues.push(
          this.report.issue(
            ['min-properties-raised', 'min-properties-lowered'],
            walk,
            this.report.newSite(a, b, 'minProperties'),
            headline,
            'have fewer fields',
          ),
        );
      }
    }
    if (typeof schema.maxProperties === 'number' && !settled('maxProperties')) {
      const closed = mine.filter(closedToOthers).map((model) => model.properties.size);
      const stated = Math.min(
        Infinity,
        ...closed,
        ...objects.map((node) => numberOr(node.maxProperties, Infinity)),
      );
      if (stated > schema.maxProperties) {
        const headline = this.report.backward
          ? `${field(walk.at)} may now have at most ${count(schema.maxProperties, 'field')}, where version ${old} allowed ${stated === Infinity ? 'any number' : `up to ${count(stated, 'field')}`}`
          : `${field(walk.at)} may now have ${stated === Infinity ? 'any number of fields' : `up to ${count(stated, 'field')}`}, where version ${old} allowed at most ${count(schema.maxProperties, 'field')}`;
        issues.push(
          this.report.issue(
            ['max-properties-reduced', 'max-properties-increased'],
            walk,
            this.report.newSite(a, b, 'maxProperties'),
            headline,
            'have more fields',
          ),
        );
      }
    }

    if (isSchemaObject(schema.dependentRequired) && !settled('dependentRequired')) {
      for (const [trigger, names] of Object.entries(schema.dependentRequired)) {
        if (!Array.isArray(names) || this.forbids(mine, trigger)) continue;
        for (const name of names) {
          if (typeof name !== 'string' || required.has(name)) continue;
          const stated = objects.some((node) => {
            const dependent = isSchemaObject(node.dependentRequired)
              ? node.dependentRequired[trigger]
              : undefined;
            return Array.isArray(dependent) && dependent.includes(name);
          });
          if (stated) continue;
          const at = walk.at.property(name);
          const headline = this.report.backward
            ? `${field(at)} is now required whenever ${trigger} is present`
            : `${field(at)} is no longer required when ${trigger} is present`;
          issues.push(
            this.report.issue(
              ['dependent-required-added', 'dependent-required-removed'],
              { at, where: walk.where },
              this.report.newSite(a, b, 'dependentRequired'),
              headline,
              `have ${trigger} without ${name}`,
            ),
          );
        }
      }
    }

    if (isSchemaObject(schema.dependentSchemas)) {
      for (const trigger of Object.keys(schema.dependentSchemas)) {
        const wanted = this.graph.child(b, 'dependentSchemas', trigger);
        if (acceptsEverything(wanted.schema) || this.forbids(mine, trigger)) continue;
        const stated = nodes
          .filter(
            (node) =>
              isSchemaObject((node.schema as SchemaObject).dependentSchemas) &&
              Object.hasOwn((node.schema as SchemaObject).dependentSchemas as object, trigger),
          )
          .map((node) => this.graph.child(node, 'dependentSchemas', trigger));
        const present: Atom = { kind: 'present', name: trigger, holder: b };
        issues.push(
          ...this.subset([...a, present, ...flattenAll(this.graph, stated)], wanted, {
            at: walk.at,
            where: [...walk.where, `in records that have ${walk.at.property(trigger).label}`],
          }),
        );
      }
    }

    if ('propertyNames' in schema && !acceptsEverything(schema.propertyNames)) {
      issues.push(...this.propertyNames(a, b, nodes, mine, walk, label));
    }
    return issues;
  }

  /** A's property models, the unevaluatedProperties views among them where they can be known. */
  private modelsOf(nodes: readonly SchemaNode[]): PropertyModel[] {
    const models: PropertyModel[] = [];
    for (const node of nodes) {
      const model = propertyModel(this.graph, node);
      if (model) models.push(model);
      if (!('additionalProperties' in (node.schema as SchemaObject))) {
        const view = unevaluatedView(this.graph, node, 'upper');
        if (view.kind === 'model') models.push(view.model);
      }
    }
    return models;
  }

  /** Whether A allows no value at all under `name`. */
  private forbids(models: readonly PropertyModel[], name: string): boolean {
    return models.some((model) =>
      (valuesFor(model, name) ?? []).some((node) => acceptsNothing(node.schema)),
    );
  }

  private requiredNames(a: Conjunction): Set<string> {
    const names = new Set<string>();
    for (const atom of a) {
      if (atom.kind === 'present') names.add(atom.name);
      if (atom.kind !== 'schema' || !isSchemaObject(atom.node.schema)) continue;
      const required = atom.node.schema.required;
      if (Array.isArray(required))
        for (const name of required) if (typeof name === 'string') names.add(name);
    }
    return names;
  }

  /** A's values under every property name against one of B's property models. */
  private properties(
    a: Conjunction,
    mine: readonly PropertyModel[],
    theirs: PropertyModel,
    walk: Walk,
  ): Incompatibility[] {
    const issues: Incompatibility[] = [];
    const names = new Set<string>(theirs.properties.keys());
    for (const model of mine) for (const name of model.properties.keys()) names.add(name);
    const old = this.perspective.oldVersion;

    for (const name of names) {
      const at = walk.at.property(name);
      const here: Walk = { at, where: walk.where };
      const wanted = valuesFor(theirs, name);
      if (wanted === undefined) {
        issues.push(
          this.report.unverifiable(
            here,
            siteOf(theirs.holder, 'patternProperties'),
            `Whether ${at.label} matches a "patternProperties" pattern cannot be told`,
          ),
        );
        continue;
      }
      if (wanted.length === 0) continue;
      const statedNodes = mine.flatMap((model) => valuesFor(model, name) ?? []);
      if (statedNodes.some((node) => acceptsNothing(node.schema))) continue;
      const stated = flattenAll(this.graph, statedNodes);
      const declaredByA = mine.some((model) => declares(model, name));
      const declaredByB = declares(theirs, name);

      for (const part of wanted) {
        if (acceptsEverything(part.schema)) continue;
        if (acceptsNothing(part.schema)) {
          if (this.empty(stated, here)) continue;
          if (declaredByB) {
            const headline = this.report.backward
              ? `${field(at)} is now forbidden`
              : `${field(at)} is now allowed, where version ${old} forbade it`;
            issues.push(
              this.report.issue(
                ['property-forbidden', 'property-allowed'],
                here,
                this.report.newSite(stated, part),
                headline,
                'contain it',
              ),
            );
          } else {
            const headline = this.report.backward
              ? `${field(at)} is no longer part of ${placeOf(walk.at)}, which does not allow fields it does not list`
              : `${field(at)} is new, and version ${old} does not allow fields it does not list`;
            const site = this.report.backward
              ? siteOf(theirs.holder, 'properties')
              : this.report.newSite(stated, part);
            issues.push(
              this.report.issue(
                ['property-removed', 'property-added-to-closed-model'],
                here,
                site,
                headline,
                'contain it',
              ),
            );
          }
          continue;
        }
        const found = this.subset(stated, part, here);
        if (found.length === 0) continue;
        if (
          !declaredByA &&
          declaredByB &&
          statedNodes.every((node) => acceptsEverything(node.schema))
        ) {
          const headline = this.report.backward
            ? `${field(at)} is new with a definition of its own, where version ${old} accepted any value under that name`
            : `${field(at)} is no longer defined, so any value is accepted under that name, where version ${old} defined it`;
          const site = this.report.backward
            ? siteOf(part)
            : this.report.newSiteOfModels(mine, 'properties');
          issues.push(
            this.report.issue(
              ['property-added-to-open-model', 'property-removed-from-open-model'],
              here,
              site,
              headline,
              'hold a value the definition rejects',
            ),
          );
          continue;
        }
        issues.push(...found);
      }
    }
    issues.push(...this.otherProperties(mine, theirs, walk));
    return issues;
  }

  /** Values under names neither side lists: B's patternProperties and additionalProperties. */
  private otherProperties(
    mine: readonly PropertyModel[],
    theirs: PropertyModel,
    walk: Walk,
  ): Incompatibility[] {
    const patterns = theirs.patterns.filter((pattern) => !acceptsEverything(pattern.node.schema));
    const additional =
      theirs.additional && !acceptsEverything(theirs.additional.schema)
        ? theirs.additional
        : undefined;
    if (patterns.length === 0 && !additional) return [];
    if (mine.some(closedToOthers)) return [];
    const issues: Incompatibility[] = [];
    const here: Walk = { at: walk.at.other(), where: walk.where };
    const anything = this.graph.synthetic(true, theirs.holder);
    // One of A's models is enough to argue from; the most telling is one with
    // a schema for other names and no patterns.
    const model =
      mine.find((m) => m.additional && m.patterns.length === 0) ??
      mine.find((m) => m.additional || m.patterns.length > 0);
    const usable = model && model.patterns.every((pattern) => pattern.regex);
    const container = placeOf(walk.at);
    const old = this.perspective.oldVersion;

    for (const pattern of patterns) {
      if (!pattern.regex) {
        issues.push(
          this.report.unverifiable(
            here,
            siteOf(pattern.node),
            `A "patternProperties" pattern of ${container} is not a regular expression the checker can run`,
          ),
        );
        continue;
      }
      const same = usable
        ? model.patterns.find((mineP) => mineP.source === pattern.source)
        : undefined;
      const candidates = same
        ? [same.node]
        : usable
          ? [model.additional ?? anything, ...model.patterns.map((p) => p.node)]
          : [anything];
      for (const candidate of candidates) {
        issues.push(...this.subset(flatten(this.graph, candidate), pattern.node, here));
      }
    }
    if (additional) {
      const theirSources = new Set(theirs.patterns.map((pattern) => pattern.source));
      const candidates: Array<{ node: SchemaNode; pattern?: string }> = usable
        ? [
            { node: model.additional ?? anything },
            ...model.patterns
              .filter((p) => !theirSources.has(p.source))
              .map((p) => ({ node: p.node, pattern: p.source })),
          ]
        : [{ node: anything }];
      for (const { node, pattern } of candidates) {
        if (!acceptsNothing(additional.schema)) {
          issues.push(...this.subset(flatten(this.graph, node), additional, here));
          continue;
        }
        if (acceptsNothing(node.schema)) continue;
        const site = this.report.backward
          ? siteOf(theirs.holder, theirs.additionalKeyword)
          : this.report.newSiteOfModels(
              mine,
              pattern === undefined ? 'additionalProperties' : 'patternProperties',
            );
        if (pattern === undefined) {
          const headline = this.report.backward
            ? `${field(walk.at)} no longer allows fields it does not list`
            : `${field(walk.at)} now allows fields it does not list, where version ${old} did not`;
          issues.push(
            this.report.issue(
              ['model-closed', 'model-opened'],
              here,
              site,
              headline,
              'contain such fields',
            ),
          );
        } else {
          const headline = this.report.backward
            ? `${field(walk.at)} no longer allows fields whose names match ${showValue(pattern)}`
            : `${field(walk.at)} now allows fields whose names match ${showValue(pattern)}, which version ${old} does not`;
          issues.push(
            this.report.issue(
              ['pattern-property-removed', 'pattern-property-added'],
              here,
              site,
              headline,
              'contain such fields',
            ),
          );
        }
      }
    }
    return issues;
  }

  private propertyNames(
    a: Conjunction,
    b: SchemaNode,
    nodes: readonly SchemaNode[],
    mine: readonly PropertyModel[],
    walk: Walk,
    label: string,
  ): Incompatibility[] {
    const wanted = this.graph.child(b, 'propertyNames');
    const here: Walk = { at: walk.at.other(), where: walk.where };
    const byOwn = nodes.some(
      (node) =>
        'propertyNames' in (node.schema as SchemaObject) &&
        this.proves(flatten(this.graph, this.graph.child(node, 'propertyNames')), wanted, here),
    );
    const byList = mine.some(
      (model) =>
        closedToOthers(model) &&
        [...model.properties.entries()]
          .filter(([, node]) => !acceptsNothing(node.schema))
          .every(([name]) => this.oracle.accepts(wanted, name) === true),
    );
    if (byOwn || byList) return [];
    const headline = this.report.backward
      ? `The names of the fields of ${label} are now restricted further`
      : `The names of the fields of ${label} are now less restricted than version ${this.perspective.oldVersion} allows`;
    return [
      this.report.issue(
        ['property-names-narrowed', 'property-names-widened'],
        walk,
        this.report.newSite(a, b, 'propertyNames'),
        headline,
        'use a field name that is no longer allowed',
      ),
    ];
  }

  // -------------------------------------------------------------------------
  // What A states

  /** The kinds of value A allows. */
  private kinds(a: Conjunction): Set<Kind> {
    const cached = this.kindCache.get(a);
    if (cached) return cached;
    const kinds = new Set(ALL_KINDS);
    for (const atom of a) {
      if (atom.kind === 'not' && acceptsEverything(atom.node.schema)) kinds.clear();
      if (atom.kind !== 'schema') continue;
      const allowed = kindsOfNode(atom.node.schema);
      for (const kind of [...kinds]) if (!allowed.has(kind)) kinds.delete(kind);
    }
    this.kindCache.set(a, kinds);
    return kinds;
  }

  /** A's values when there are finitely many (enum, const, booleans), each valid under A. */
  private finiteValues(a: Conjunction): unknown[] | undefined {
    const cached = this.valueCache.get(a);
    if (cached !== undefined) return cached ?? undefined;
    let values: unknown[] | undefined;
    for (const node of schemaNodes(a)) {
      const schema = node.schema;
      if (!isSchemaObject(schema)) continue;
      if (Array.isArray(schema.enum))
        values = values ? intersectValues(values, schema.enum) : [...schema.enum];
      if ('const' in schema)
        values = values ? intersectValues(values, [schema.const]) : [schema.const];
    }
    const kinds = this.kinds(a);
    if (!values && [...kinds].every((kind) => kind === 'boolean' || kind === 'null')) {
      values = [
        ...(kinds.has('boolean') ? [false, true] : []),
        ...(kinds.has('null') ? [null] : []),
      ];
    }
    const result = values?.filter((value) => {
      const kind = kindOfValue(value);
      return (
        kind !== undefined &&
        kinds.has(kind) &&
        a.every((atom) => this.atomAccepts(atom, value) !== false)
      );
    });
    this.valueCache.set(a, result ?? null);
    return result;
  }

  private atomAccepts(atom: Atom, value: unknown): boolean | undefined {
    switch (atom.kind) {
      case 'schema':
        return this.oracle.accepts(atom.node, value);
      case 'not': {
        const verdict = this.oracle.accepts(atom.node, value);
        return verdict === undefined ? undefined : !verdict;
      }
      case 'anyOf': {
        const verdicts = atom.branches.map((branch) => this.oracle.accepts(branch, value));
        if (verdicts.includes(true)) return true;
        return verdicts.includes(undefined) ? undefined : false;
      }
      case 'oneOf': {
        const verdicts = atom.branches.map((branch) => this.oracle.accepts(branch, value));
        if (verdicts.includes(undefined)) return undefined;
        return verdicts.filter((verdict) => verdict).length === 1;
      }
      case 'cond': {
        const matched = this.oracle.accepts(atom.condition, value);
        if (matched === undefined) return undefined;
        const branch = matched ? atom.then : atom.otherwise;
        return branch ? this.oracle.accepts(branch, value) : true;
      }
      case 'present':
        return !isSchemaObject(value) || Object.hasOwn(value, atom.name);
      case 'unresolved':
        return undefined;
    }
  }

  private obviouslyEmpty(a: Conjunction): boolean {
    return (
      a.some(
        (atom) =>
          (atom.kind === 'schema' && acceptsNothing(atom.node.schema)) ||
          (atom.kind === 'not' && acceptsEverything(atom.node.schema)),
      ) || this.kinds(a).size === 0
    );
  }

  /** Whether A can be shown to accept nothing: contradictory facts. */
  private empty(a: Conjunction, walk: Walk): boolean {
    if (this.obviouslyEmpty(a)) return true;
    const values = this.finiteValues(a);
    if (values && values.length === 0) return true;
    if (this.contradictoryKinds(a)) return true;
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
  private proves(a: Conjunction, b: SchemaNode, walk: Walk): boolean {
    if (this.proofDepth >= PROOF_DEPTH) return false;
    this.proofDepth++;
    try {
      return this.subset(a, b, walk).length === 0;
    } finally {
      this.proofDepth--;
    }
  }

  private emptyWith(a: Conjunction, node: SchemaNode, walk: Walk): boolean {
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

  /** Whether every kind A allows is ruled out by A's own bounds. */
  private contradictoryKinds(a: Conjunction): boolean {
    const objects = schemaNodes(a)
      .map((node) => node.schema)
      .filter(isSchemaObject);
    const kinds = this.kinds(a);
    const possible = [...kinds].filter((kind) => {
      switch (kind) {
        case 'string':
          return (
            Math.max(0, ...objects.map((o) => numberOr(o.minLength, 0))) <=
            Math.min(Infinity, ...objects.map((o) => numberOr(o.maxLength, Infinity)))
          );
        case 'array':
          return (
            Math.max(0, ...objects.map((o) => numberOr(o.minItems, 0))) <=
            Math.min(Infinity, ...objects.map((o) => numberOr(o.maxItems, Infinity)))
          );
        case 'object': {
          const models = this.modelsOf(
            schemaNodes(a).filter((node) => isSchemaObject(node.schema)),
          );
          // A required property that can hold no value leaves no object possible.
          return ![...this.requiredNames(a)].some((name) => {
            const values = flattenAll(
              this.graph,
              models.flatMap((model) => valuesFor(model, name) ?? []),
            );
            return this.obviouslyEmpty(values) || this.finiteValues(values)?.length === 0;
          });
        }
        case 'integer':
        case 'fraction': {
          const lower = objects
            .map(lowerBoundOf)
            .reduce<Bound | undefined>(
              (best, bound) => (!bound || (best && tighterLower(best, bound)) ? best : bound),
              undefined,
            );
          const upper = objects
            .map(upperBoundOf)
            .reduce<Bound | undefined>(
              (best, bound) => (!bound || (best && tighterUpper(best, bound)) ? best : bound),
              undefined,
            );
          if (!lower || !upper) return true;
          if (kind === 'integer') return integerLower(lower).value <= integerUpper(upper).value;
          return (
            lower.value < upper.value ||
            (lower.value === upper.value && !lower.exclusive && !upper.exclusive)
          );
        }
        default:
          return true;
      }
    });
    return possible.length === 0;
  }

  // -------------------------------------------------------------------------
  // Reporting

  private valuesRejected(
    a: Conjunction,
    b: SchemaNode,
    walk: Walk,
    rejected: readonly unknown[],
  ): Incompatibility {
    const headline = this.report.backward
      ? `${field(walk.at)} no longer allows ${listValues(rejected)}`
      : `${field(walk.at)} now allows ${listValues(rejected)}, which version ${this.perspective.oldVersion} does not`;
    return this.report.issue(
      ['enum-value-removed', 'enum-value-added'],
      walk,
      this.report.newSite(a, b),
      headline,
      rejected.length === 1 ? 'hold it' : 'hold one of them',
    );
  }

  // -------------------------------------------------------------------------
  // Identity of conjunctions, for recursion

  private pairKey(a: Conjunction, b: SchemaNode): string {
    const atoms = a.map((atom) => this.atomKey(atom)).sort();
    return `${atoms.join(',')}→${this.nodeKey(b)}`;
  }

  private atomKey(atom: Atom): string {
    switch (atom.kind) {
      case 'schema':
      case 'not':
        return `${atom.kind}:${this.nodeKey(atom.node)}`;
      case 'anyOf':
      case 'oneOf':
      case 'cond':
        return `${atom.kind}:${this.nodeKey(atom.holder)}`;
      case 'present':
        return `present:${atom.name}`;
      case 'unresolved':
        return `unresolved:${this.nodeKey(atom.node)}`;
    }
  }

  private nodeKey(node: SchemaNode): string {
    const schema = node.schema;
    if (typeof schema !== 'object' || schema === null) return String(schema);
    let id = this.objectIds.get(schema);
    if (id === undefined) {
      id = this.nextObjectId++;
      this.objectIds.set(schema, id);
    }
    return `${node.document.id}#${id}`;
  }
}
