// The schemas a compatibility check walks, as nodes that know their document
// and their place in it, so that `$ref`s resolve (locally, or to another
// published schema by its $id through the caller's resolver) and every
// difference can be pointed at in the new schema. Schemas are read, never
// changed.

import { escapeJsonPointer } from '../validation-issue.js';

/** A whole schema document: a version being compared, or one it refers to by $id. */
export interface SchemaDocument {
  /** Its `$id`, or a made-up one for a document without. */
  readonly id: string;
  readonly root: unknown;
}

/** One of the two schema versions being compared, with the documents it reaches. */
export interface SchemaSide {
  readonly document: SchemaDocument;
  readonly version: number;
}

export interface SchemaNode {
  /** A schema: an object, `true` or `false`. */
  readonly schema: unknown;
  readonly document: SchemaDocument;
  /** JSON pointer to the node within its document. */
  readonly pointer: string;
  readonly side: SchemaSide;
  /**
   * Where the node is as seen from the side's own document: its pointer when
   * it is in that document, else the pointer of the `$ref` that led out of it.
   */
  readonly site: string;
  /** Built by the checker (not part of any document): `{ "type": "string" }` for a case split. */
  readonly synthetic?: true;
}

export type SchemaObject = Readonly<Record<string, unknown>>;

export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Keywords that never decide whether an instance is valid. The subject
// annotations are among them here: where they sit is compared on its own
// (subject-placement.ts), because moving them changes meaning, not validity.
const ANNOTATIONS: ReadonlySet<string> = new Set([
  'title',
  'description',
  'examples',
  'default',
  '$comment',
  'deprecated',
  'readOnly',
  'writeOnly',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
  '$schema',
  '$id',
  '$anchor',
  '$dynamicAnchor',
  '$vocabulary',
  '$defs',
  'definitions',
]);

export function isAnnotation(keyword: string): boolean {
  return ANNOTATIONS.has(keyword) || keyword.startsWith('x-');
}

/** The keywords of a schema that constrain instances. */
export function assertionKeywords(schema: unknown): string[] {
  return isSchemaObject(schema) ? Object.keys(schema).filter((key) => !isAnnotation(key)) : [];
}

function decodeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function pointerSegments(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer.slice(1).split('/').map(decodeSegment);
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let value = root;
  for (const segment of segments) {
    if (Array.isArray(value)) {
      if (!/^(?:0|[1-9][0-9]*)$/.test(segment)) return undefined;
      value = value[Number(segment)];
    } else if (isSchemaObject(value) && Object.hasOwn(value, segment)) {
      value = value[segment];
    } else {
      return undefined;
    }
  }
  return value;
}

function findAnchor(schema: unknown, anchor: string, pointer = ''): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  if (isSchemaObject(schema) && schema.$anchor === anchor) return pointer;
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'enum' || key === 'const') continue;
    const found = findAnchor(value, anchor, `${pointer}/${escapeJsonPointer(key)}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

export type RefResolution =
  { readonly node: SchemaNode } | { readonly unresolved: string; readonly reason: string };

/** Resolves a cross-file `$ref` by the absolute `$id` of its document, without fragment. */
export type SchemaResolver = (id: string) => object | undefined;

/** Made-up ids for documents without `$id`; never fetched, only used as keys. */
const ANONYMOUS_BASE = 'https://spean.invalid/compatibility/';

export class SchemaGraph {
  private readonly documents = new Map<string, SchemaDocument | null>();

  constructor(private readonly resolver: SchemaResolver | undefined) {}

  /** The root node of a schema version being compared. */
  side(schema: unknown, version: number, role: 'candidate' | 'previous'): SchemaNode {
    const declared = isSchemaObject(schema) && typeof schema.$id === 'string' ? schema.$id : '';
    const id = URL.canParse(declared)
      ? declared.replace(/#$/, '')
      : `${ANONYMOUS_BASE}${role}-${version}.json`;
    const side: SchemaSide = { document: { id, root: schema }, version };
    return { schema, document: side.document, pointer: '', side, site: '' };
  }

  /** The subschema at `keys` below `node` (`child(node, 'properties', 'owner')`). */
  child(node: SchemaNode, ...keys: readonly (string | number)[]): SchemaNode {
    let schema = node.schema;
    let pointer = node.pointer;
    for (const key of keys) {
      schema = Array.isArray(schema)
        ? schema[Number(key)]
        : isSchemaObject(schema)
          ? schema[String(key)]
          : undefined;
      pointer += `/${escapeJsonPointer(String(key))}`;
    }
    return {
      schema,
      document: node.document,
      pointer,
      side: node.side,
      site: node.document === node.side.document ? pointer : node.site,
    };
  }

  /** A node for a schema built by the checker itself (`true`, a required list ...), placed at `near`. */
  synthetic(schema: unknown, near: SchemaNode): SchemaNode {
    return { ...near, schema, synthetic: true };
  }

  /** The absolute form of a node's `$ref` (for comparing references that do not resolve). */
  absoluteRef(node: SchemaNode): string | undefined {
    const ref = isSchemaObject(node.schema) ? node.schema.$ref : undefined;
    if (typeof ref !== 'string') return undefined;
    try {
      return new URL(ref, node.document.id).href;
    } catch {
      return ref;
    }
  }

  /** Follows the node's `$ref`. */
  deref(node: SchemaNode): RefResolution {
    const ref = isSchemaObject(node.schema) ? node.schema.$ref : undefined;
    if (typeof ref !== 'string') return { unresolved: String(ref), reason: 'is not a string' };
    let url: URL;
    try {
      url = new URL(ref, node.document.id);
    } catch {
      return { unresolved: ref, reason: 'is not a valid URI reference' };
    }
    let fragment: string;
    try {
      fragment = decodeURIComponent(url.hash.slice(1));
    } catch {
      return { unresolved: ref, reason: 'has a malformed fragment' };
    }
    url.hash = '';
    const base = url.href;
    const document =
      base === node.document.id
        ? node.document
        : base === node.side.document.id
          ? node.side.document
          : this.document(base);
    if (!document) {
      return {
        unresolved: ref,
        reason: this.resolver
          ? `names ${base}, which the resolver does not know`
          : `names ${base}, and no resolver was given`,
      };
    }
    const pointer = fragment.startsWith('/') || fragment === '' ? fragment : undefined;
    const target = pointer ?? findAnchor(document.root, fragment);
    const segments = target === undefined ? undefined : pointerSegments(target);
    const schema = segments && valueAt(document.root, segments);
    if (target === undefined || schema === undefined) {
      return { unresolved: ref, reason: 'points at nothing' };
    }
    return {
      node: {
        schema,
        document,
        pointer: target,
        side: node.side,
        // Leaving the side's own document: a difference found beyond is shown at the $ref.
        site:
          document === node.side.document
            ? target
            : node.document === node.side.document
              ? node.pointer
              : node.site,
      },
    };
  }

  /** A document another one refers to, by its absolute id; cached, and shared by both sides. */
  document(id: string): SchemaDocument | undefined {
    if (!this.documents.has(id)) {
      const root = this.resolver?.(id);
      this.documents.set(id, root === undefined ? null : { id, root });
    }
    return this.documents.get(id) ?? undefined;
  }
}

/** A subschema's description: where a steward named what it requires, the best name for it. */
export function descriptionOf(node: SchemaNode): string | undefined {
  return isSchemaObject(node.schema) && typeof node.schema.description === 'string'
    ? node.schema.description
    : undefined;
}

/** Where a node, or one of its keywords, is as seen from its side's own document. */
export function siteOf(node: SchemaNode, keyword?: string): string {
  if (node.document !== node.side.document) return node.site;
  return keyword !== undefined && isSchemaObject(node.schema) && keyword in node.schema
    ? `${node.pointer}/${escapeJsonPointer(keyword)}`
    : node.pointer;
}

/** Whether a schema accepts everything: `true`, or an object with no assertions. */
export function acceptsEverything(schema: unknown): boolean {
  return schema === true || (isSchemaObject(schema) && assertionKeywords(schema).length === 0);
}

/** Whether a schema accepts nothing: `false`, or `{ "not": {} }` (the schemas' way to forbid a part). */
export function acceptsNothing(schema: unknown): boolean {
  if (schema === false) return true;
  if (!isSchemaObject(schema)) return false;
  const keywords = assertionKeywords(schema);
  return keywords.length === 1 && keywords[0] === 'not' && acceptsEverything(schema.not);
}
