// What the side that must fit (A) states on its own, before it is compared
// with anything: the kinds of value it allows, its values when there are
// finitely many, the fields it requires, its property models, and whether
// its own facts contradict each other. Cached per conjunction; no proof here.

import {
  ALL_KINDS,
  flattenAll,
  intersectValues,
  kindOfValue,
  kindsOfNode,
  schemaNodes,
  schemaObjects,
  type Atom,
  type Conjunction,
  type Kind,
} from './conjunction.js';
import { COUNT_LIMITS, statedLimit } from './count-limits.js';
import {
  integerLower,
  integerUpper,
  lowerBoundOf,
  tightest,
  tighterLower,
  tighterUpper,
  upperBoundOf,
} from './numeric-bounds.js';
import { propertyModel, unevaluatedView, valuesFor, type PropertyModel } from './property-model.js';
import {
  acceptsEverything,
  acceptsNothing,
  isSchemaObject,
  type SchemaGraph,
  type SchemaNode,
  type SchemaObject,
} from './schema-graph.js';
import type { ValueOracle } from './value-oracle.js';

export class ConjunctionFacts {
  private readonly valueCache = new WeakMap<Conjunction, unknown[] | null>();
  private readonly kindCache = new WeakMap<Conjunction, Set<Kind>>();

  constructor(
    private readonly graph: SchemaGraph,
    private readonly oracle: ValueOracle,
  ) {}

  /** The kinds of value A allows. */
  kinds(a: Conjunction): Set<Kind> {
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
  finiteValues(a: Conjunction): unknown[] | undefined {
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

  obviouslyEmpty(a: Conjunction): boolean {
    return (
      a.some(
        (atom) =>
          (atom.kind === 'schema' && acceptsNothing(atom.node.schema)) ||
          (atom.kind === 'not' && acceptsEverything(atom.node.schema)),
      ) || this.kinds(a).size === 0
    );
  }

  requiredNames(a: Conjunction): Set<string> {
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

  /** A's property models, the unevaluatedProperties views among them where they can be known. */
  modelsOf(nodes: readonly SchemaNode[]): PropertyModel[] {
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

  /** Whether every kind A allows is ruled out by A's own bounds. */
  contradictoryKinds(a: Conjunction): boolean {
    const objects = schemaObjects(a);
    const possible = [...this.kinds(a)].filter((kind) => {
      switch (kind) {
        case 'string':
          return (
            statedLimit(COUNT_LIMITS.minLength, objects) <=
            statedLimit(COUNT_LIMITS.maxLength, objects)
          );
        case 'array':
          return (
            statedLimit(COUNT_LIMITS.minItems, objects) <=
            statedLimit(COUNT_LIMITS.maxItems, objects)
          );
        case 'object':
          return this.objectPossible(a);
        case 'integer':
        case 'fraction':
          return numberPossible(objects, kind);
        default:
          return true;
      }
    });
    return possible.length === 0;
  }

  /** A required property that can hold no value leaves no object possible. */
  private objectPossible(a: Conjunction): boolean {
    const models = this.modelsOf(schemaNodes(a).filter((node) => isSchemaObject(node.schema)));
    return ![...this.requiredNames(a)].some((name) => {
      const values = flattenAll(
        this.graph,
        models.flatMap((model) => valuesFor(model, name) ?? []),
      );
      return this.obviouslyEmpty(values) || this.finiteValues(values)?.length === 0;
    });
  }
}

function numberPossible(objects: readonly SchemaObject[], kind: 'integer' | 'fraction'): boolean {
  const lower = tightest(objects.map(lowerBoundOf), tighterLower);
  const upper = tightest(objects.map(upperBoundOf), tighterUpper);
  if (!lower || !upper) return true;
  if (kind === 'integer') return integerLower(lower).value <= integerUpper(upper).value;
  return (
    lower.value < upper.value ||
    (lower.value === upper.value && !lower.exclusive && !upper.exclusive)
  );
}
