// Where a schema's annotated national ids sit in a payload: the record's
// subject (x-spean-subject) and the other citizens it concerns
// (x-spean-related-subject: owners, directors, parents, a spouse). The schema
// is walked once, at load, into lists of steps; reading the ids out of a
// payload then follows those steps and never looks at the schema again.

import type { AnySchemaObject } from 'ajv/dist/2020.js';
import { escapeJsonPointer } from './validation-issue.js';

/**
 * On a payload property: its value is the record's subject and must equal the
 * envelope's subjectId (a person record's nationalId). Inside an array's
 * `contains`, the subject is that property of one of the items `contains`
 * matches (a business's subject is one of its owners). As a relative JSON
 * pointer on any value, the subject sits there instead (`"/0/nationalId"` on
 * a land title's owners: the first owner).
 */
export const SUBJECT_KEYWORD = 'x-spean-subject';

/**
 * On a payload property: its value is the national id of another citizen the
 * record concerns. Such ids are checked with the national id scheme, like the
 * subject, and a record is found under each of them.
 */
export const RELATED_SUBJECT_KEYWORD = 'x-spean-related-subject';

/** A national id found in a payload, and where: a JSON pointer from the payload's root. */
export interface NationalIdAt {
  readonly path: string;
  readonly value: string;
}

/** One step from a value to some of its parts. */
type Step =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'each'; readonly where?: (item: unknown) => boolean };

/** A place in a payload that a schema annotation names. */
export interface NationalIdLocation {
  /** The place as a JSON pointer template from the payload's root; `*` stands for any item. */
  readonly pointer: string;
  /**
   * The pointer up to the first `*`: the field itself when the location is one
   * field, else the array the id is looked for in.
   */
  readonly anchor: string;
  /** The rest of the pointer after the array's item, e.g. `/nationalId`; empty for one field. */
  readonly withinItem: string;
  /** What an item must be to count (the description of a `contains`), when not every item does. */
  readonly itemDescription: string | undefined;
  readonly steps: readonly Step[];
}

/** The schema documents a walk may follow $refs into, by $id. */
export interface SchemaDocuments {
  get(id: string): AnySchemaObject | undefined;
  /** A predicate for items that match the subschema at `pointer` in document `id`. */
  matcher(id: string, pointer: string): (item: unknown) => boolean;
}

interface Node {
  readonly schema: unknown;
  /** The $id of the document the node is in, and its JSON pointer there. */
  readonly documentId: string;
  readonly pointer: string;
}

// Keywords whose subschemas describe the value itself, not a part of it. `if`
// is not one: it is a question about the value, and an id named there is in
// no fixed place.
const IN_PLACE = ['allOf', 'anyOf', 'oneOf'] as const;
const IN_PLACE_SINGLE = ['then', 'else'] as const;

function decodePointerSegment(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}

function pointerSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map(decodePointerSegment);
}

function locationOf(steps: readonly Step[], description: string | undefined): NationalIdLocation {
  let pointer = '';
  let anchor: string | undefined;
  let withinItem = '';
  for (const step of steps) {
    if (step.kind === 'key') {
      const segment = `/${escapeJsonPointer(step.key)}`;
      pointer += segment;
      if (anchor !== undefined) withinItem += segment;
    } else {
      anchor ??= pointer;
      pointer += '/*';
      withinItem = '';
    }
  }
  return {
    pointer,
    anchor: anchor ?? pointer,
    withinItem,
    itemDescription: description,
    steps,
  };
}

/**
 * Walks a schema from its root through everything that describes the value or
 * its parts — properties, items, prefixItems, contains, $ref and the in-place
 * applicators — and returns where `keyword` is found. Not under `not`,
 * `additionalProperties` or the like: there is no fixed place to read an id
 * from, so `reached` lets the catalog refuse an annotation it cannot honour.
 */
export function findLocations(
  documents: SchemaDocuments,
  rootId: string,
  keyword: string,
  reached: Set<unknown>,
): NationalIdLocation[] {
  const root = documents.get(rootId);
  if (!root) throw new Error(`no schema ${rootId}`);
  const finder = new LocationFinder(documents, keyword, reached);
  finder.walk({ schema: root, documentId: rootId, pointer: '' }, [], undefined);
  return finder.locations();
}

/** One walk of findLocations: what it found, and the schemas on the path it is on. */
class LocationFinder {
  private readonly found = new Map<string, NationalIdLocation>();
  private readonly onPath = new Set<unknown>();

  constructor(
    private readonly documents: SchemaDocuments,
    private readonly keyword: string,
    private readonly reached: Set<unknown>,
  ) {}

  locations(): NationalIdLocation[] {
    return [...this.found.values()];
  }

  walk(node: Node, steps: readonly Step[], description: string | undefined): void {
    const schema = node.schema;
    if (typeof schema !== 'object' || schema === null) return;
    if (this.onPath.has(schema)) {
      // A schema that contains itself nests without end, and so would its ids' places.
      if (!annotated(schema, this.keyword).next().done) {
        throw new Error(
          `${node.documentId}#${node.pointer}: ${this.keyword} inside a recursive schema has no fixed place`,
        );
      }
      return;
    }
    const fields = schema as Record<string, unknown>;
    this.onPath.add(schema);
    this.mark(fields, steps, description);
    if (typeof fields.$ref === 'string') {
      this.walk(this.resolve(node, fields.$ref), steps, description);
    }
    this.walkParts(node, fields, steps, description);
    this.walkInPlace(node, fields, steps, description);
    this.onPath.delete(schema);
  }

  /** The keyword here: `true` marks the value itself, a string a pointer within it. */
  private mark(
    fields: Record<string, unknown>,
    steps: readonly Step[],
    description: string | undefined,
  ): void {
    const mark = fields[this.keyword];
    if (mark === true) {
      this.reached.add(fields);
      this.add(steps, description);
    } else if (typeof mark === 'string') {
      this.reached.add(fields);
      const more = pointerSegments(mark).map((key): Step => ({ kind: 'key', key }));
      this.add([...steps, ...more], description);
    }
  }

  /** properties, items, prefixItems and contains: each a step into the value. */
  private walkParts(
    node: Node,
    fields: Record<string, unknown>,
    steps: readonly Step[],
    description: string | undefined,
  ): void {
    for (const name of Object.keys((fields.properties as object | undefined) ?? {})) {
      const step: Step = { kind: 'key', key: name };
      this.walk(this.child(node, 'properties', name), [...steps, step], description);
    }
    if (typeof fields.items === 'object') {
      this.walk(this.child(node, 'items'), [...steps, { kind: 'each' }], description);
    }
    if (Array.isArray(fields.prefixItems)) {
      fields.prefixItems.forEach((_item, i) => {
        const step: Step = { kind: 'key', key: String(i) };
        this.walk(this.child(node, 'prefixItems', String(i)), [...steps, step], description);
      });
    }
    if (typeof fields.contains === 'object' && fields.contains !== null) {
      const contains = this.child(node, 'contains');
      const where = this.documents.matcher(contains.documentId, contains.pointer);
      const text = (fields.contains as { description?: unknown }).description;
      this.walk(
        contains,
        [...steps, { kind: 'each', where }],
        typeof text === 'string' ? text : undefined,
      );
    }
  }

  /** The in-place applicators: more of what the value itself must be, no step taken. */
  private walkInPlace(
    node: Node,
    fields: Record<string, unknown>,
    steps: readonly Step[],
    description: string | undefined,
  ): void {
    for (const applicator of IN_PLACE) {
      const branches = fields[applicator];
      if (!Array.isArray(branches)) continue;
      branches.forEach((_branch, i) =>
        this.walk(this.child(node, applicator, String(i)), steps, description),
      );
    }
    for (const applicator of IN_PLACE_SINGLE) {
      if (applicator in fields) this.walk(this.child(node, applicator), steps, description);
    }
    for (const name of Object.keys((fields.dependentSchemas as object | undefined) ?? {})) {
      this.walk(this.child(node, 'dependentSchemas', name), steps, description);
    }
  }

  private add(steps: readonly Step[], description: string | undefined): void {
    const location = locationOf(steps, description);
    // The same subschema reached twice (a $def used in two places) names one location.
    const key = `${location.pointer}\u0000${description ?? ''}`;
    if (!this.found.has(key)) this.found.set(key, location);
  }

  private resolve(node: Node, ref: string): Node {
    const url = new URL(ref, node.documentId);
    const fragment = url.hash.slice(1);
    url.hash = '';
    const documentId = url.href;
    const document = this.documents.get(documentId);
    if (!document) throw new Error(`${node.documentId}#${node.pointer}: no schema ${documentId}`);
    let schema: unknown = document;
    for (const segment of pointerSegments(fragment)) {
      schema = (schema as Record<string, unknown> | undefined)?.[segment];
    }
    if (schema === undefined) {
      throw new Error(`${node.documentId}#${node.pointer}: $ref ${ref} points at nothing`);
    }
    return { schema, documentId, pointer: fragment };
  }

  private child(node: Node, ...path: string[]): Node {
    let schema = node.schema;
    for (const segment of path) schema = (schema as Record<string, unknown>)[segment];
    return {
      schema,
      documentId: node.documentId,
      pointer: `${node.pointer}/${path.map(escapeJsonPointer).join('/')}`,
    };
  }
}

/** Every subschema of `schema` that carries `keyword`, with its JSON pointer. */
export function* annotated(
  schema: unknown,
  keyword: string,
  pointer = '',
): Generator<[string, object]> {
  if (typeof schema !== 'object' || schema === null) return;
  if (!Array.isArray(schema) && keyword in schema) yield [pointer, schema];
  for (const [key, value] of Object.entries(schema)) {
    // enum and const hold data, not schemas.
    if (key === 'enum' || key === 'const') continue;
    yield* annotated(value, keyword, `${pointer}/${escapeJsonPointer(key)}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The string values at `locations` in `payload`, each with its pointer, once
 * per pointer, in the order the locations and the payload give them.
 */
export function nationalIdsAt(
  payload: unknown,
  locations: readonly NationalIdLocation[],
): NationalIdAt[] {
  const found: NationalIdAt[] = [];
  const seen = new Set<string>();

  function visit(value: unknown, steps: readonly Step[], index: number, path: string): void {
    if (index === steps.length) {
      if (typeof value === 'string' && !seen.has(path)) {
        seen.add(path);
        found.push({ path, value });
      }
      return;
    }
    const step = steps[index]!;
    if (step.kind === 'each') {
      if (!Array.isArray(value)) return;
      for (let i = 0; i < value.length; i++) {
        if (step.where && !step.where(value[i])) continue;
        visit(value[i], steps, index + 1, `${path}/${i}`);
      }
    } else if (Array.isArray(value)) {
      if (!/^(?:0|[1-9][0-9]*)$/.test(step.key)) return;
      const i = Number(step.key);
      if (i < value.length) visit(value[i], steps, index + 1, `${path}/${i}`);
    } else if (isRecord(value) && Object.hasOwn(value, step.key)) {
      visit(value[step.key], steps, index + 1, `${path}/${escapeJsonPointer(step.key)}`);
    }
  }

  for (const location of locations) visit(payload, location.steps, 0, '');
  return found;
}
