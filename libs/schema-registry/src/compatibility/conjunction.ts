// The side of an inclusion check that must be shown to fit ("every instance
// of A is valid under B") is held as a conjunction of facts: the schema
// itself, what its `$ref`s and `allOf`s add, and the alternatives (`anyOf`,
// `oneOf`, `if`/`then`/`else`) it can be split into case by case. Leaving a
// fact out only makes A look larger, so a proof that ignores a fact it does
// not understand is still a proof.

import { jsonEqual } from './json-equal.js';
import {
  acceptsEverything,
  acceptsNothing,
  isSchemaObject,
  type SchemaGraph,
  type SchemaNode,
  type SchemaObject,
} from './schema-graph.js';

export type Atom =
  /** The node's own keywords hold (its applicators are separate atoms). */
  | { readonly kind: 'schema'; readonly node: SchemaNode }
  /** The instance does not match `node`. */
  | { readonly kind: 'not'; readonly node: SchemaNode }
  | {
      readonly kind: 'anyOf' | 'oneOf';
      readonly holder: SchemaNode;
      readonly branches: readonly SchemaNode[];
    }
  | {
      readonly kind: 'cond';
      readonly holder: SchemaNode;
      readonly condition: SchemaNode;
      readonly then: SchemaNode | undefined;
      readonly otherwise: SchemaNode | undefined;
    }
  /** The instance, if an object, has this property (a dependentSchemas trigger). */
  | { readonly kind: 'present'; readonly name: string; readonly holder: SchemaNode }
  /** A `$ref` that could not be followed: whatever it says is unknown. */
  | {
      readonly kind: 'unresolved';
      readonly node: SchemaNode;
      readonly ref: string;
      readonly reason: string;
    };

export type Conjunction = readonly Atom[];

/** The facts `node` states about every instance it accepts. */
export function flatten(graph: SchemaGraph, node: SchemaNode, seen = new Set<unknown>()): Atom[] {
  const schema = node.schema;
  if (acceptsEverything(schema)) return [];
  if (!isSchemaObject(schema)) return schema === false ? [{ kind: 'schema', node }] : [];
  // A node met again at the same place (a $ref cycle) states nothing new.
  if (seen.has(schema)) return [];
  seen.add(schema);

  const atoms: Atom[] = [{ kind: 'schema', node }];
  if (typeof schema.$ref === 'string') {
    const resolved = graph.deref(node);
    if ('node' in resolved) atoms.push(...flatten(graph, resolved.node, seen));
    else
      atoms.push({ kind: 'unresolved', node, ref: resolved.unresolved, reason: resolved.reason });
  }
  if (Array.isArray(schema.allOf)) {
    schema.allOf.forEach((_branch, i) =>
      atoms.push(...flatten(graph, graph.child(node, 'allOf', i), seen)),
    );
  }
  for (const kind of ['anyOf', 'oneOf'] as const) {
    const branches = schema[kind];
    if (Array.isArray(branches) && branches.length > 0) {
      atoms.push({
        kind,
        holder: node,
        branches: branches.map((_branch, i) => graph.child(node, kind, i)),
      });
    }
  }
  if ('not' in schema) atoms.push({ kind: 'not', node: graph.child(node, 'not') });
  if ('if' in schema && ('then' in schema || 'else' in schema)) {
    atoms.push({
      kind: 'cond',
      holder: node,
      condition: graph.child(node, 'if'),
      then: 'then' in schema ? graph.child(node, 'then') : undefined,
      otherwise: 'else' in schema ? graph.child(node, 'else') : undefined,
    });
  }
  return atoms;
}

export function flattenAll(graph: SchemaGraph, nodes: readonly SchemaNode[]): Atom[] {
  return nodes.flatMap((node) => flatten(graph, node));
}

/** The schema nodes among the atoms, whose own keywords hold. */
export function schemaNodes(conjunction: Conjunction): SchemaNode[] {
  const nodes: SchemaNode[] = [];
  for (const atom of conjunction) if (atom.kind === 'schema') nodes.push(atom.node);
  return nodes;
}

/** Atoms the instance matches one of several ways, so the check can go case by case. */
/** The schema objects among A's schema facts (not `true` or `false`). */
export function schemaObjects(conjunction: Conjunction): SchemaObject[] {
  return schemaNodes(conjunction)
    .map((node) => node.schema)
    .filter(isSchemaObject);
}

export function isSplittable(atom: Atom): boolean {
  return atom.kind === 'anyOf' || atom.kind === 'oneOf' || atom.kind === 'cond';
}

/** The cases a splittable atom divides the conjunction into; together they are exactly it. */
export function cases(graph: SchemaGraph, conjunction: Conjunction, index: number): Atom[][] {
  const atom = conjunction[index]!;
  const rest = conjunction.filter((_other, i) => i !== index);
  switch (atom.kind) {
    case 'anyOf':
      return atom.branches.map((branch) => [...rest, ...flatten(graph, branch)]);
    case 'oneOf':
      // Exactly one matches: the others are known not to, which can rule out
      // overlaps the other side's own oneOf would care about.
      return atom.branches.map((branch, i) => [
        ...rest,
        ...flatten(graph, branch),
        ...atom.branches
          .filter((_other, j) => j !== i)
          .map((other): Atom => ({ kind: 'not', node: other })),
      ]);
    case 'cond':
      return [
        [
          ...rest,
          ...flatten(graph, atom.condition),
          ...(atom.then ? flatten(graph, atom.then) : []),
        ],
        [
          ...rest,
          { kind: 'not', node: atom.condition },
          ...(atom.otherwise ? flatten(graph, atom.otherwise) : []),
        ],
      ];
    default:
      return [[...conjunction]];
  }
}

// ---------------------------------------------------------------------------
// Kinds of JSON value. `number` is split into integers and the rest so that
// integer ⊂ number is plain set inclusion.

export type Kind = 'null' | 'boolean' | 'object' | 'array' | 'string' | 'integer' | 'fraction';

export const ALL_KINDS: ReadonlySet<Kind> = new Set<Kind>([
  'null',
  'boolean',
  'object',
  'array',
  'string',
  'integer',
  'fraction',
]);

function kindsOfTypeName(name: unknown): Kind[] | undefined {
  switch (name) {
    case 'number':
      return ['integer', 'fraction'];
    case 'null':
    case 'boolean':
    case 'object':
    case 'array':
    case 'string':
    case 'integer':
      return [name];
    default:
      return undefined;
  }
}

/** The kinds a `type` keyword allows; undefined when it is not a valid `type`. */
export function kindsOfType(type: unknown): Set<Kind> | undefined {
  const names = Array.isArray(type) ? type : [type];
  const kinds = new Set<Kind>();
  for (const name of names) {
    const more = kindsOfTypeName(name);
    if (!more) return undefined;
    for (const kind of more) kinds.add(kind);
  }
  return kinds;
}

export function kindOfValue(value: unknown): Kind | undefined {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'fraction';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  return undefined;
}

/** The kinds a schema's own keywords (type, const, enum) allow. */
export function kindsOfNode(schema: unknown): Set<Kind> {
  if (acceptsNothing(schema)) return new Set();
  const kinds = new Set(ALL_KINDS);
  if (!isSchemaObject(schema)) return kinds;
  const keep = (allowed: ReadonlySet<Kind>): void => {
    for (const kind of [...kinds]) if (!allowed.has(kind)) kinds.delete(kind);
  };
  if ('type' in schema) keep(kindsOfType(schema.type) ?? ALL_KINDS);
  if ('const' in schema) keep(new Set([kindOfValue(schema.const)].filter((k) => k !== undefined)));
  if (Array.isArray(schema.enum)) {
    keep(new Set(schema.enum.map(kindOfValue).filter((k) => k !== undefined)));
  }
  return kinds;
}

/** "a string", "an integer or null" ... */
export function describeKinds(kinds: ReadonlySet<Kind>): string {
  const names: string[] = [];
  if (kinds.has('integer') && kinds.has('fraction')) names.push('a number');
  else if (kinds.has('integer')) names.push('an integer');
  else if (kinds.has('fraction')) names.push('a number with a fractional part');
  const others: Record<string, string> = {
    string: 'a string',
    boolean: 'true or false',
    object: 'an object',
    array: 'an array',
    null: 'null',
  };
  for (const kind of ['string', 'boolean', 'object', 'array', 'null'] as const) {
    if (kinds.has(kind)) names.push(others[kind]!);
  }
  return names.length === 0 ? 'nothing' : names.join(' or ');
}

/** The values two lists share. */
export function intersectValues(xs: readonly unknown[], ys: readonly unknown[]): unknown[] {
  return xs.filter((x) => ys.some((y) => jsonEqual(x, y)));
}
