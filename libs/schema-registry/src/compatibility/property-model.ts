// How one object schema treats a property by its name: the schema a value
// under that name must match (`properties`, every matching
// `patternProperties`, else `additionalProperties`). A closed model — one
// where unlisted names are `false` — is what makes adding or removing a
// property matter.

import {
  acceptsNothing,
  isSchemaObject,
  type SchemaGraph,
  type SchemaNode,
} from './schema-graph.js';

export interface PatternRule {
  readonly source: string;
  /** undefined when the pattern is not a regular expression this runtime accepts. */
  readonly regex: RegExp | undefined;
  readonly node: SchemaNode;
}

export interface PropertyModel {
  readonly holder: SchemaNode;
  readonly properties: ReadonlyMap<string, SchemaNode>;
  /** Whether names in `properties` are declared by the schema (false for unevaluatedProperties' view). */
  readonly explicit: boolean;
  readonly patterns: readonly PatternRule[];
  /** The schema for every other name, when the model has one. */
  readonly additional: SchemaNode | undefined;
  readonly additionalKeyword: 'additionalProperties' | 'unevaluatedProperties';
}

function regexOf(source: string): RegExp | undefined {
  try {
    return new RegExp(source, 'u');
  } catch {
    return undefined;
  }
}

const PROPERTY_KEYWORDS = [
  'properties',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  '$ref',
];

function mentionsProperties(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(
    ([key, inner]) =>
      key !== 'enum' &&
      key !== 'const' &&
      (PROPERTY_KEYWORDS.includes(key) || mentionsProperties(inner)),
  );
}

interface Evaluated {
  names: Set<string>;
  patterns: Set<string>;
  /** Every name is evaluated (an additionalProperties somewhere in place). */
  all: boolean;
  /** Some names may be evaluated only in some records (anyOf, if ...): cannot tell statically. */
  uncertain: boolean;
}

/** Subschemas that apply to every record the node accepts, and those that apply only to some. */
function inPlace(
  graph: SchemaGraph,
  node: SchemaNode,
): { always: SchemaNode[]; sometimes: SchemaNode[] } {
  const schema = node.schema as Record<string, unknown>;
  const always: SchemaNode[] = [];
  const sometimes: SchemaNode[] = [];
  if (typeof schema.$ref === 'string') {
    const resolved = graph.deref(node);
    if ('node' in resolved) always.push(resolved.node);
  }
  if (Array.isArray(schema.allOf)) {
    schema.allOf.forEach((_branch, i) => always.push(graph.child(node, 'allOf', i)));
  }
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (Array.isArray(branches)) {
      branches.forEach((_branch, i) => sometimes.push(graph.child(node, keyword, i)));
    }
  }
  for (const keyword of ['if', 'then', 'else'] as const) {
    if (keyword in schema) sometimes.push(graph.child(node, keyword));
  }
  for (const name of Object.keys(
    isSchemaObject(schema.dependentSchemas) ? schema.dependentSchemas : {},
  )) {
    sometimes.push(graph.child(node, 'dependentSchemas', name));
  }
  return { always, sometimes };
}

/**
 * The names `unevaluatedProperties` at `node` never applies to: those its own
 * and its in-place subschemas evaluate. Exactly, subschemas that apply only to
 * some records (anyOf, oneOf, if/then/else, dependentSchemas) make it
 * uncertain; as an upper bound, their names all count.
 */
function evaluatedNames(
  graph: SchemaGraph,
  node: SchemaNode,
  bound: 'exact' | 'upper',
  seen: Set<unknown>,
): Evaluated {
  const result: Evaluated = { names: new Set(), patterns: new Set(), all: false, uncertain: false };
  const schema = node.schema;
  if (!isSchemaObject(schema) || seen.has(schema)) return result;
  seen.add(schema);
  for (const name of Object.keys(isSchemaObject(schema.properties) ? schema.properties : {})) {
    result.names.add(name);
  }
  const patterns = isSchemaObject(schema.patternProperties) ? schema.patternProperties : {};
  for (const source of Object.keys(patterns)) result.patterns.add(source);
  if ('additionalProperties' in schema) result.all = true;
  if (typeof schema.$ref === 'string' && !('node' in graph.deref(node))) result.uncertain = true;
  const { always, sometimes } = inPlace(graph, node);
  if (bound === 'exact' && sometimes.some((inner) => mentionsProperties(inner.schema))) {
    result.uncertain = true;
  }
  for (const inner of bound === 'upper' ? [...always, ...sometimes] : always) {
    const more = evaluatedNames(graph, inner, bound, seen);
    for (const name of more.names) result.names.add(name);
    for (const source of more.patterns) result.patterns.add(source);
    result.all ||=
      more.all || (isSchemaObject(inner.schema) && 'unevaluatedProperties' in inner.schema);
    result.uncertain ||= more.uncertain;
  }
  return result;
}

export type UnevaluatedView =
  | { readonly kind: 'none' }
  | { readonly kind: 'model'; readonly model: PropertyModel }
  | { readonly kind: 'uncertain'; readonly node: SchemaNode };

/** The property models a schema node states by its own keywords. */
export function propertyModel(graph: SchemaGraph, node: SchemaNode): PropertyModel | undefined {
  const schema = node.schema;
  if (!isSchemaObject(schema)) return undefined;
  const hasModel =
    'properties' in schema || 'patternProperties' in schema || 'additionalProperties' in schema;
  if (!hasModel) return undefined;
  const properties = new Map<string, SchemaNode>();
  for (const name of Object.keys(isSchemaObject(schema.properties) ? schema.properties : {})) {
    properties.set(name, graph.child(node, 'properties', name));
  }
  const patterns = Object.keys(
    isSchemaObject(schema.patternProperties) ? schema.patternProperties : {},
  ).map((source): PatternRule => ({
    source,
    regex: regexOf(source),
    node: graph.child(node, 'patternProperties', source),
  }));
  return {
    holder: node,
    properties,
    explicit: true,
    patterns,
    additional:
      'additionalProperties' in schema ? graph.child(node, 'additionalProperties') : undefined,
    additionalKeyword: 'additionalProperties',
  };
}

/**
 * `unevaluatedProperties` seen as an additionalProperties over the names the
 * node evaluates: exactly, when those can be known without a record in hand
 * (for the schema a record must fit), or as an upper bound (for the schema
 * whose records must fit: allowing it more names only makes it larger).
 */
export function unevaluatedView(
  graph: SchemaGraph,
  node: SchemaNode,
  bound: 'exact' | 'upper',
): UnevaluatedView {
  const schema = node.schema;
  if (!isSchemaObject(schema) || !('unevaluatedProperties' in schema)) return { kind: 'none' };
  const evaluated = evaluatedNames(graph, node, bound, new Set());
  if (evaluated.all) return { kind: 'none' };
  if (evaluated.uncertain) return { kind: 'uncertain', node };
  const anything = graph.synthetic(true, node);
  return {
    kind: 'model',
    model: {
      holder: node,
      properties: new Map([...evaluated.names].map((name) => [name, anything])),
      explicit: false,
      patterns: [...evaluated.patterns].map((source) => ({
        source,
        regex: regexOf(source),
        node: anything,
      })),
      additional: graph.child(node, 'unevaluatedProperties'),
      additionalKeyword: 'unevaluatedProperties',
    },
  };
}

/**
 * The schemas a value under `name` must match in this model; undefined when
 * that cannot be told (a pattern this runtime cannot compile).
 */
export function valuesFor(model: PropertyModel, name: string): SchemaNode[] | undefined {
  const out: SchemaNode[] = [];
  const declared = model.properties.get(name);
  if (declared) out.push(declared);
  let matched = false;
  for (const pattern of model.patterns) {
    if (!pattern.regex) return undefined;
    if (pattern.regex.test(name)) {
      matched = true;
      out.push(pattern.node);
    }
  }
  if (!declared && !matched && model.additional) out.push(model.additional);
  return out;
}

export function declares(model: PropertyModel, name: string): boolean {
  return model.explicit && model.properties.has(name);
}

/** Whether the model allows no name beyond those it lists. */
export function closedToOthers(model: PropertyModel): boolean {
  return (
    model.additional !== undefined &&
    acceptsNothing(model.additional.schema) &&
    model.patterns.length === 0
  );
}
