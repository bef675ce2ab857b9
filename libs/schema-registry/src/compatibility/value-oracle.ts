// Asks a real validator whether one value is valid under a subschema. The
// structural walk uses it where a finite set of values is in play (an enum,
// a const, a boolean): then inclusion is decided exactly, value by value,
// instead of by comparing keywords.

import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import {
  isSchemaObject,
  type SchemaDocument,
  type SchemaGraph,
  type SchemaNode,
  type SchemaSide,
} from './schema-graph.js';

// ajv-formats is CommonJS: under nodenext its default import is module.exports,
// which is the plugin and also carries it as `.default`.
const addFormats = addFormatsModule.default;

function* refsIn(schema: unknown): Generator<string> {
  if (typeof schema !== 'object' || schema === null) return;
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'enum' || key === 'const') continue;
    if (key === '$ref' && typeof value === 'string') yield value;
    else yield* refsIn(value);
  }
}

function withId(document: SchemaDocument): object {
  const root = document.root as Record<string, unknown>;
  return root.$id === document.id ? root : { ...root, $id: document.id };
}

// A subschema ajv cannot compile (a keyword it rejects, a $ref it cannot
// follow) leaves the question open rather than failing the check.
function compiled(compile: () => ValidateFunction | undefined): ValidateFunction | null {
  try {
    return compile() ?? null;
  } catch {
    return null;
  }
}

export class ValueOracle {
  // One validator per side: two versions being compared may carry the same
  // $id (an edited copy), which one ajv instance would refuse.
  private readonly instances = new Map<SchemaSide, Ajv2020 | null>();
  private readonly validators = new Map<string, ValidateFunction | null>();
  private readonly syntheticValidators = new WeakMap<object, ValidateFunction | null>();

  constructor(private readonly graph: SchemaGraph) {}

  /** Whether `value` is valid under `node`; undefined when the validator cannot tell. */
  accepts(node: SchemaNode, value: unknown): boolean | undefined {
    if (node.schema === true) return true;
    if (node.schema === false) return false;
    if (!isSchemaObject(node.schema)) return undefined;
    const validate = this.validator(node);
    if (!validate) return undefined;
    try {
      return validate(value) === true;
    } catch {
      return undefined;
    }
  }

  /** Whether `value` satisfies one keyword that holds no subschema (`{ "maxLength": 64 }`). */
  acceptsKeyword(
    side: SchemaSide,
    keyword: string,
    argument: unknown,
    value: unknown,
  ): boolean | undefined {
    const ajv = this.instance(side);
    if (!ajv) return undefined;
    const key = `${side.version}:${side.document.id}|${keyword}:${JSON.stringify(argument)}`;
    if (!this.validators.has(key)) {
      this.validators.set(
        key,
        compiled(() => ajv.compile({ [keyword]: argument })),
      );
    }
    const validate = this.validators.get(key);
    if (!validate) return undefined;
    try {
      return validate(value) === true;
    } catch {
      return undefined;
    }
  }

  private validator(node: SchemaNode): ValidateFunction | undefined {
    const ajv = this.instance(node.side);
    if (!ajv) return undefined;
    if (node.synthetic) {
      // The checker's own schemas hold no $ref, so they compile on their own.
      if (!this.syntheticValidators.has(node.schema as object)) {
        this.syntheticValidators.set(
          node.schema as object,
          compiled(() => ajv.compile(node.schema as object)),
        );
      }
      return this.syntheticValidators.get(node.schema as object) ?? undefined;
    }
    const fragment = node.pointer.split('/').map(encodeURIComponent).join('/');
    const key = `${node.side.version}:${node.side.document.id}|${node.document.id}#${fragment}`;
    if (!this.validators.has(key)) {
      this.validators.set(
        key,
        compiled(() => ajv.getSchema(`${node.document.id}#${fragment}`)),
      );
    }
    return this.validators.get(key) ?? undefined;
  }

  private instance(side: SchemaSide): Ajv2020 | undefined {
    if (!this.instances.has(side)) this.instances.set(side, this.build(side));
    return this.instances.get(side) ?? undefined;
  }

  private build(side: SchemaSide): Ajv2020 | null {
    if (!isSchemaObject(side.document.root)) return null;
    // allErrors: with it off, ajv 8's code for prefixItems skips the keywords
    // after it on an empty array (`{ prefixItems: [{ type: "string" }],
    // contains: {} }` accepts []); with it on, every keyword is evaluated.
    const ajv = new Ajv2020({
      strict: false,
      validateSchema: false,
      logger: false,
      allErrors: true,
    });
    addFormats(ajv);
    try {
      const added = new Set<string>();
      const pending: SchemaDocument[] = [side.document];
      while (pending.length > 0) {
        const document = pending.pop()!;
        if (added.has(document.id) || !isSchemaObject(document.root)) continue;
        added.add(document.id);
        ajv.addSchema(withId(document));
        for (const ref of refsIn(document.root)) {
          let base: string;
          try {
            const url = new URL(ref, document.id);
            url.hash = '';
            base = url.href;
          } catch {
            continue;
          }
          if (added.has(base)) continue;
          const referenced = this.graph.document(base);
          if (referenced) pending.push(referenced);
        }
      }
      return ajv;
    } catch {
      return null;
    }
  }
}
