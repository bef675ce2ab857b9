// Whether two subschemas accept exactly the same instances because they say
// the same thing: the same assertions, whatever their annotations, with
// `$ref`s compared by what they point at. Identical parts of two versions are
// the common case, and they must always be found compatible, however hard the
// keywords in them are to reason about (`not`, `if`/`then`, patterns).

import { jsonEqual, sameValues } from './json-equal.js';
import {
  acceptsEverything,
  acceptsNothing,
  assertionKeywords,
  isSchemaObject,
  type SchemaGraph,
  type SchemaNode,
} from './schema-graph.js';

const SINGLE_SCHEMA = new Set([
  'not',
  'if',
  'then',
  'else',
  'items',
  'contains',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'propertyNames',
]);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas']);
const UNORDERED_SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
// Dynamic references resolve against the path taken at validation time, which
// two documents need not share even when they read the same.
const DYNAMIC = new Set(['$dynamicRef', '$recursiveRef']);

function sameStrings(x: unknown, y: unknown): boolean {
  const xs = Array.isArray(x) ? x : [x];
  const ys = Array.isArray(y) ? y : [y];
  return sameValues(xs, ys);
}

export function sameNode(x: SchemaNode, y: SchemaNode): boolean {
  return x.schema === y.schema && x.document.id === y.document.id;
}

export class SchemaEquivalence {
  private readonly objectIds = new WeakMap<object, number>();
  private nextId = 1;
  private readonly settled = new Map<string, boolean>();
  private readonly open = new Set<string>();
  private assumed = false;

  constructor(private readonly graph: SchemaGraph) {}

  equivalent(x: SchemaNode, y: SchemaNode): boolean {
    if (sameNode(x, y)) return true;
    const a = this.followRefs(x);
    const b = this.followRefs(y);
    if (sameNode(a, b)) return true;
    if (acceptsEverything(a.schema) || acceptsEverything(b.schema)) {
      return acceptsEverything(a.schema) && acceptsEverything(b.schema);
    }
    if (acceptsNothing(a.schema) || acceptsNothing(b.schema)) {
      return acceptsNothing(a.schema) && acceptsNothing(b.schema);
    }
    if (!isSchemaObject(a.schema) || !isSchemaObject(b.schema))
      return jsonEqual(a.schema, b.schema);

    const key = `${this.keyOf(a)}|${this.keyOf(b)}`;
    const known = this.settled.get(key);
    if (known !== undefined) return known;
    // A pair met again inside itself (a recursive schema): equal unless some
    // other difference says otherwise.
    if (this.open.has(key)) {
      this.assumed = true;
      return true;
    }
    this.open.add(key);
    const outer = this.assumed;
    this.assumed = false;
    const result = this.sameAssertions(a, b);
    this.open.delete(key);
    // A "different" is final; a "same" only when no open pair was assumed equal.
    if (!result || !this.assumed) this.settled.set(key, result);
    this.assumed ||= outer;
    return result;
  }

  /** A node that is nothing but a `$ref`, replaced by what it points at. */
  followRefs(node: SchemaNode): SchemaNode {
    let current = node;
    for (let hops = 0; hops < 64; hops++) {
      const keywords = assertionKeywords(current.schema);
      if (keywords.length !== 1 || keywords[0] !== '$ref') return current;
      const resolved = this.graph.deref(current);
      if (!('node' in resolved)) return current;
      current = resolved.node;
    }
    return current;
  }

  private keyOf(node: SchemaNode): string {
    const schema = node.schema as object;
    let id = this.objectIds.get(schema);
    if (id === undefined) {
      id = this.nextId++;
      this.objectIds.set(schema, id);
    }
    return `${node.document.id}#${id}`;
  }

  private sameAssertions(x: SchemaNode, y: SchemaNode): boolean {
    const xs = x.schema as Record<string, unknown>;
    const ys = y.schema as Record<string, unknown>;
    const keywords = assertionKeywords(xs).sort();
    const others = assertionKeywords(ys).sort();
    if (keywords.join('\u0000') !== others.join('\u0000')) return false;
    return keywords.every((keyword) => this.sameKeyword(x, y, keyword, xs[keyword], ys[keyword]));
  }

  private sameKeyword(
    x: SchemaNode,
    y: SchemaNode,
    keyword: string,
    xv: unknown,
    yv: unknown,
  ): boolean {
    if (DYNAMIC.has(keyword)) return false;
    if (keyword === '$ref') {
      const xr = this.graph.deref(x);
      const yr = this.graph.deref(y);
      if ('node' in xr && 'node' in yr) return this.equivalent(xr.node, yr.node);
      return (
        !('node' in xr) &&
        !('node' in yr) &&
        this.graph.absoluteRef(x) === this.graph.absoluteRef(y)
      );
    }
    if (keyword === 'type' || keyword === 'required') return sameStrings(xv, yv);
    if (keyword === 'enum') return Array.isArray(xv) && Array.isArray(yv) && sameValues(xv, yv);
    if (keyword === 'dependentRequired') {
      if (!isSchemaObject(xv) || !isSchemaObject(yv)) return jsonEqual(xv, yv);
      const names = Object.keys(xv);
      return (
        sameValues(names, Object.keys(yv)) && names.every((name) => sameStrings(xv[name], yv[name]))
      );
    }
    if (SINGLE_SCHEMA.has(keyword) && !Array.isArray(xv) && !Array.isArray(yv)) {
      return this.equivalent(this.graph.child(x, keyword), this.graph.child(y, keyword));
    }
    if (SCHEMA_MAPS.has(keyword)) {
      if (!isSchemaObject(xv) || !isSchemaObject(yv)) return jsonEqual(xv, yv);
      const names = Object.keys(xv);
      return (
        sameValues(names, Object.keys(yv)) &&
        names.every((name) =>
          this.equivalent(this.graph.child(x, keyword, name), this.graph.child(y, keyword, name)),
        )
      );
    }
    if (keyword === 'prefixItems') {
      if (!Array.isArray(xv) || !Array.isArray(yv)) return jsonEqual(xv, yv);
      return (
        xv.length === yv.length &&
        xv.every((_item, i) =>
          this.equivalent(this.graph.child(x, keyword, i), this.graph.child(y, keyword, i)),
        )
      );
    }
    if (UNORDERED_SCHEMA_LISTS.has(keyword)) {
      if (!Array.isArray(xv) || !Array.isArray(yv) || xv.length !== yv.length) return false;
      const unmatched = yv.map((_item, j) => j);
      return xv.every((_item, i) => {
        const mine = this.graph.child(x, keyword, i);
        const match = unmatched.findIndex((j) =>
          this.equivalent(mine, this.graph.child(y, keyword, j)),
        );
        if (match < 0) return false;
        unmatched.splice(match, 1);
        return true;
      });
    }
    return jsonEqual(xv, yv);
  }
}
