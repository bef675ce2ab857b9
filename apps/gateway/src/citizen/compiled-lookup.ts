// A citizen lookup's GraphQL document compiled once into a plan: what it asks
// the lookup for, and a function that writes the lookup's answer in exactly
// the shape graphql-js would (the same keys in the same order, the same
// scalar serialisation, the same errors with the same paths, null bubbling up
// to the nearest nullable field). The compiled path (compiled-lookup.middleware.ts)
// runs it instead of Apollo's pipeline and graphql-js's execution, whose
// per-field work was most of a lookup's cost in the gateway.
//
// Only what can be answered exactly is compiled: one query operation whose
// one root field is citizen(...), no directive anywhere, no abstract type, no
// field with arguments or a resolver of its own below it. Any other document
// gets no plan and goes the general way, unchanged.
import {
  GraphQLBoolean,
  GraphQLError,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLString,
  getNullableType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  locatedError,
  parse,
  specifiedRules,
  validate,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLLeafType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { inspect } from 'graphql/jsutils/inspect.js';

/** The root field a plan answers. */
export const LOOKUP_FIELD = 'citizen';

export interface LookupPlan {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The operation's name, when it has one (a request's operationName must match it). */
  operationName: string | undefined;
  /** The citizen field as written, and its definition (for its arguments). */
  field: FieldNode;
  fieldDef: GraphQLField<unknown, unknown>;
  /** Its alias or name: the key of the answer's data. */
  responseKey: string;
  /** The document's fragments, by name. */
  fragments: Record<string, FragmentDefinitionNode>;
  /** The citizen field with the Citizen type's fields as the document selects them. */
  root: FieldShape;
}

/** An object type's fields as a document selects them, merged as graphql-js merges them. */
interface ObjectShape {
  type: GraphQLObjectType;
  fields: FieldShape[];
}

interface FieldShape {
  key: string;
  name: string;
  /** The name of the type the field is of (for graphql-js's messages). */
  parentType: string;
  nodes: FieldNode[];
  type: GraphQLOutputType;
  /** A leaf field's serialize, with the common values answered without the call. */
  serialize?: (value: unknown) => unknown;
  /** The field's own resolver: only Nest's property read (NEST_PROPERTY_RESOLVER) is compiled. */
  resolve?: GraphQLFieldResolver<unknown, unknown>;
  /** The selection of the object type the field returns (through lists and non-null). */
  shape?: ObjectShape;
}

export interface CompileOptions {
  maxTokens: number;
  /** The gateway's own validation rules (limits), beside graphql-js's. */
  validationRules: readonly ValidationRule[];
}

/** The plan of a document, or undefined when it is not one the compiled path answers. */
export function compileLookup(
  schema: GraphQLSchema,
  query: string,
  options: CompileOptions,
): LookupPlan | undefined {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: options.maxTokens });
  } catch {
    return undefined;
  }
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operations.length === 1 ? operations[0]! : undefined;
  if (!operation || operation.operation !== 'query' || hasDirective(document)) return undefined;
  const [root, ...others] = operation.selectionSet.selections;
  if (!root || others.length > 0 || root.kind !== Kind.FIELD || root.name.value !== LOOKUP_FIELD)
    return undefined;
  if (validate(schema, document, [...specifiedRules, ...options.validationRules]).length > 0)
    return undefined;
  const fieldDef = schema.getQueryType()?.getFields()[LOOKUP_FIELD];
  const citizenType = fieldDef && getNullableType(fieldDef.type);
  if (!fieldDef || !isObjectType(citizenType)) return undefined;
  const fragments: Record<string, FragmentDefinitionNode> = Object.create(null);
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const citizen = objectShape(citizenType, [root], fragments);
  if (!citizen) return undefined;
  const responseKey = root.alias?.value ?? root.name.value;
  return {
    document,
    operation,
    operationName: operation.name?.value,
    field: root,
    fieldDef,
    responseKey,
    fragments,
    root: {
      key: responseKey,
      name: LOOKUP_FIELD,
      parentType: 'Query',
      nodes: [root],
      type: fieldDef.type,
      shape: citizen,
    },
  };
}

function hasDirective(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive() {
      found = true;
      return false;
    },
  });
  return found;
}

/**
 * The resolver Nest gives every field of a code-first object type without a
 * resolver or middleware of its own: the source's property (or the field's
 * default value). It reads the source only, so the plan calls it as it is.
 */
const NEST_PROPERTY_RESOLVER = 'rootFieldResolver';

/** No field a plan compiles takes arguments. */
const NO_ARGUMENTS: Record<string, unknown> = Object.freeze({});

/** Field names an object inherits: a payload read by them would answer a function. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The fields selected on `type` under these nodes, or undefined when one cannot be compiled. */
function objectShape(
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): ObjectShape | undefined {
  if (type.isTypeOf) return undefined;
  // As graphql-js's collectSubfields: one map of response keys, one set of fragments seen.
  const collected = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  for (const node of nodes) {
    if (node.selectionSet) collect(type, node.selectionSet, fragments, collected, visited);
  }
  const fields: FieldShape[] = [];
  const definitions = type.getFields();
  for (const [key, fieldNodes] of collected) {
    if (key === '__proto__') return undefined;
    const name = fieldNodes[0]!.name.value;
    if (name === '__typename') {
      fields.push({ key, name, parentType: type.name, nodes: fieldNodes, type });
      continue;
    }
    const definition = definitions[name];
    if (!definition || definition.args.length > 0 || INHERITED.has(name)) return undefined;
    const resolve = definition.resolve;
    if (resolve && resolve.name !== NEST_PROPERTY_RESOLVER) return undefined;
    const named = namedOutput(definition.type);
    const field: FieldShape = {
      key,
      name,
      parentType: type.name,
      nodes: fieldNodes,
      type: definition.type,
      resolve,
    };
    if (isObjectType(named)) {
      const shape = objectShape(named, fieldNodes, fragments);
      if (!shape) return undefined;
      fields.push({ ...field, shape });
    } else if (isScalarType(named) || isEnumType(named)) {
      fields.push({ ...field, serialize: serializerOf(named) });
    } else {
      return undefined;
    }
  }
  return { type, fields };
}

/**
 * A leaf type's serialize, with the values it would return unchanged returned
 * without the call: a string as String or ID, a boolean as Boolean, a 32-bit
 * integer as Int, a finite number as Float (graphql-js's own rules).
 */
function serializerOf(type: GraphQLLeafType): (value: unknown) => unknown {
  const serialize = (value: unknown): unknown => type.serialize(value);
  if (type === GraphQLString || type === GraphQLID)
    return (value) => (typeof value === 'string' ? value : serialize(value));
  if (type === GraphQLBoolean)
    return (value) => (typeof value === 'boolean' ? value : serialize(value));
  if (type === GraphQLInt) {
    return (value) =>
      typeof value === 'number' &&
      Number.isInteger(value) &&
      value <= 2 ** 31 - 1 &&
      value >= -(2 ** 31)
        ? value
        : serialize(value);
  }
  if (type === GraphQLFloat)
    return (value) =>
      typeof value === 'number' && Number.isFinite(value) ? value : serialize(value);
  return serialize;
}

function namedOutput(type: GraphQLOutputType): GraphQLOutputType {
  let named = type;
  while (isNonNullType(named) || isListType(named)) named = named.ofType;
  return named;
}

function collect(
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  into: Map<string, FieldNode[]>,
  visited: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      const list = into.get(key);
      if (list) list.push(selection);
      else into.set(key, [selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!selection.typeCondition || selection.typeCondition.name.value === type.name)
        collect(type, selection.selectionSet, fragments, into, visited);
    } else {
      const name = selection.name.value;
      if (visited.has(name)) continue;
      visited.add(name);
      const fragment = fragments[name];
      if (fragment && fragment.typeCondition.name.value === type.name)
        collect(type, fragment.selectionSet, fragments, into, visited);
    }
  }
}

/** What graphql-js gives for an operation: data, and the errors of the fields that failed. */
export interface LookupResult {
  data: Record<string, unknown>;
  errors: GraphQLError[];
}

/** Path of a field in the answer, built as the fields are entered (as graphql-js's Path). */
interface Path {
  prev: Path | undefined;
  key: string | number;
}

function pathToArray(path: Path): Array<string | number> {
  const keys: Array<string | number> = [];
  for (let at: Path | undefined = path; at; at = at.prev) keys.push(at.key);
  return keys.reverse();
}

/**
 * The answer graphql-js gives for the plan's operation when the citizen field
 * resolved to `citizen` (the lookup's value; null for an unknown citizen) or
 * failed with `failure`.
 */
export function answerOf(
  plan: LookupPlan,
  outcome: { citizen: unknown } | { failure: unknown },
): LookupResult {
  const errors: GraphQLError[] = [];
  const path: Path = { prev: undefined, key: plan.responseKey };
  const data: Record<string, unknown> = Object.create(null);
  data[plan.responseKey] =
    'failure' in outcome
      ? fieldError(outcome.failure, plan.root, plan.root.type, path, errors)
      : completeField(plan.root, plan.root.type, path, outcome.citizen, errors);
  return { data, errors };
}

/** A field's value completed, or its failure answered as graphql-js answers it. */
function completeField(
  field: FieldShape,
  type: GraphQLOutputType,
  path: Path,
  result: unknown,
  errors: GraphQLError[],
): unknown {
  try {
    return completeValue(field, type, path, result, errors);
  } catch (raw) {
    return fieldError(raw, field, type, path, errors);
  }
}

/** graphql-js's handleFieldError: rethrown through a non-null type, else kept and answered null. */
function fieldError(
  raw: unknown,
  field: FieldShape,
  type: GraphQLOutputType,
  path: Path,
  errors: GraphQLError[],
): null {
  const error = locatedError(raw, field.nodes, pathToArray(path));
  if (isNonNullType(type)) throw error;
  errors.push(error);
  return null;
}

/** graphql-js's completeValue for the types a plan holds; throws where it would. */
function completeValue(
  field: FieldShape,
  type: GraphQLOutputType,
  path: Path,
  result: unknown,
  errors: GraphQLError[],
): unknown {
  if (result instanceof Error) throw result;
  if (isNonNullType(type)) {
    const completed = completeValue(field, type.ofType, path, result, errors);
    if (completed === null) {
      throw new Error(
        `Cannot return null for non-nullable field ${field.parentType}.${field.name}.`,
      );
    }
    return completed;
  }
  if (result === null || result === undefined) return null;
  if (isListType(type)) {
    if (!isIterableObject(result)) {
      throw new GraphQLError(
        `Expected Iterable, but did not find one for field "${field.parentType}.${field.name}".`,
      );
    }
    const itemType = type.ofType as GraphQLOutputType;
    return Array.from(result, (item, index) =>
      completeField(field, itemType, { prev: path, key: index }, item, errors),
    );
  }
  if (field.shape) return completeObject(field.shape, path, result, errors);
  const leaf = type as GraphQLLeafType;
  const serialized = field.serialize ? field.serialize(result) : leaf.serialize(result);
  if (serialized === null || serialized === undefined) {
    throw new Error(
      `Expected \`${inspect(leaf)}.serialize(${inspect(result)})\` to return non-nullable value, returned: ${inspect(serialized)}`,
    );
  }
  return serialized;
}

/** graphql-js's defaultFieldResolver, but for the resolve info no compiled field reads. */
function defaultResolve(source: unknown, name: string): unknown {
  if ((typeof source !== 'object' || source === null) && typeof source !== 'function')
    return undefined;
  const property = (source as Record<string, unknown>)[name];
  return typeof property === 'function'
    ? (property as (...args: unknown[]) => unknown).call(source, NO_ARGUMENTS, undefined, undefined)
    : property;
}

function isIterableObject(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function'
  );
}

function completeObject(
  shape: ObjectShape,
  path: Path,
  source: unknown,
  errors: GraphQLError[],
): Record<string, unknown> {
  // A plain object (graphql-js's has no prototype): no response key is __proto__ (see objectShape).
  const results: Record<string, unknown> = {};
  for (const field of shape.fields) {
    const fieldPath: Path = { prev: path, key: field.key };
    if (field.name === '__typename') {
      results[field.key] = shape.type.name;
      continue;
    }
    let value: unknown;
    try {
      // The field's resolver, or graphql-js's default: the source's property of
      // the field's name (a refused section's property throws its refusal).
      value = field.resolve
        ? field.resolve(source, NO_ARGUMENTS, undefined, undefined as never)
        : defaultResolve(source, field.name);
    } catch (raw) {
      results[field.key] = fieldError(raw, field, field.type, fieldPath, errors);
      continue;
    }
    results[field.key] = completeField(field, field.type, fieldPath, value, errors);
  }
  return results;
}
