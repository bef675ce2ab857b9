// Measures one GraphQL operation before it runs: how deep its fields nest, how
// many aliases it uses, and what it costs (every selected field counts 1; the
// fields under a list count listFactor times, under a list of lists
// listFactor² times). Fragments are expanded where they are spread, but each
// is measured once, so a document spreading fragments into each other cannot
// make the measuring itself expensive; a fragment cycle (reported by graphql's
// own rules) counts as empty here.
//
// Introspection (`__schema`, `__type`) is left out of depth and cost: it is
// governed by GRAPHQL_INTROSPECTION (off in production), and the standard
// introspection query nests deeper than any lookup. `__typename` is free.
import {
  Kind,
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface OperationMeasure {
  /** Deepest field nesting: `{ a { b } }` is 2. */
  depth: number;
  /** Aliased fields, counted once per place a fragment is spread. */
  aliases: number;
  /** Fields selected, weighted by the list factor for every list above them. */
  cost: number;
}

const EMPTY: OperationMeasure = Object.freeze({ depth: 0, aliases: 0, cost: 0 });

export class OperationMeasurer {
  /** One measure per operation node, shared by the rules validating the same document. */
  private readonly measured = new WeakMap<OperationDefinitionNode, OperationMeasure>();

  constructor(readonly listFactor: number) {}

  measure(context: ValidationContext, operation: OperationDefinitionNode): OperationMeasure {
    let result = this.measured.get(operation);
    if (!result) {
      const root = context.getSchema().getRootType(operation.operation) ?? undefined;
      result = new Walk(context, this.listFactor).selectionSet(operation.selectionSet, root);
      this.measured.set(operation, result);
    }
    return result;
  }
}

class Walk {
  private readonly fragments = new Map<string, OperationMeasure>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly context: ValidationContext,
    private readonly listFactor: number,
  ) {}

  selectionSet(set: SelectionSetNode, parent: GraphQLNamedType | undefined): OperationMeasure {
    let depth = 0;
    let aliases = 0;
    let cost = 0;
    for (const selection of set.selections) {
      let part: OperationMeasure;
      switch (selection.kind) {
        case Kind.FIELD: {
          const name = selection.name.value;
          if (selection.alias) aliases += 1;
          if (name === '__schema' || name === '__type' || name === '__typename') continue;
          const type = fieldOf(parent, name)?.type;
          const children = selection.selectionSet
            ? this.selectionSet(selection.selectionSet, type ? getNamedType(type) : undefined)
            : EMPTY;
          part = {
            depth: 1 + children.depth,
            aliases: children.aliases,
            cost: 1 + this.listFactor ** listNesting(type) * children.cost,
          };
          break;
        }
        case Kind.INLINE_FRAGMENT: {
          const type = selection.typeCondition
            ? this.context.getSchema().getType(selection.typeCondition.name.value)
            : parent;
          part = this.selectionSet(selection.selectionSet, type);
          break;
        }
        case Kind.FRAGMENT_SPREAD:
          part = this.fragment(selection.name.value);
          break;
      }
      depth = Math.max(depth, part.depth);
      aliases += part.aliases;
      cost += part.cost;
    }
    return { depth, aliases, cost };
  }

  private fragment(name: string): OperationMeasure {
    const known = this.fragments.get(name);
    if (known) return known;
    const definition = this.context.getFragment(name);
    if (!definition || this.inProgress.has(name)) return EMPTY;
    this.inProgress.add(name);
    const type = this.context.getSchema().getType(definition.typeCondition.name.value);
    const result = this.selectionSet(definition.selectionSet, type);
    this.inProgress.delete(name);
    this.fragments.set(name, result);
    return result;
  }
}

function fieldOf(
  parent: GraphQLNamedType | undefined,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (parent && (isObjectType(parent) || isInterfaceType(parent))) return parent.getFields()[name];
  return undefined;
}

/** How many lists wrap a field's type: `[T]` is 1, `[[T!]!]` is 2, `T` is 0. */
function listNesting(type: GraphQLType | undefined): number {
  let lists = 0;
  for (let t = type; t && (isListType(t) || isNonNullType(t)); t = t.ofType) {
    if (isListType(t)) lists += 1;
  }
  return lists;
}
