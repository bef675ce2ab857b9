// The string-typed places of a gateway's GraphQL arguments, found through
// introspection, and operations that put a chosen value in one of them with
// dummies everywhere else: shared by the argument and bad-input suites.
import { expect } from '@jest/globals';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import type { SpeanStack } from '../support/spean-stack.js';

/** One place a string goes: an argument, and inside it the input-object fields and list items. */
export interface StringTarget {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  argument: GraphQLArgument;
  /** Input-object field names below the argument (list items are entered on the way). */
  inside: string[];
  /** The scalar the place holds: String, ID, Int, DateTime … */
  scalar: string;
}

const TEXT_SCALARS = new Set(['String', 'ID']);

/** Every string-typed place in every argument of every query and mutation. */
export function stringTargets(schema: GraphQLSchema): StringTarget[] {
  return scalarTargets(schema, TEXT_SCALARS);
}

/** Every place of one of these scalar types (e.g. Int, DateTime) in every argument of every operation. */
export function scalarTargets(schema: GraphQLSchema, scalars: ReadonlySet<string>): StringTarget[] {
  const targets: StringTarget[] = [];
  for (const operation of ['query', 'mutation'] as const) {
    const root = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
    for (const field of Object.values(root?.getFields() ?? {})) {
      for (const argument of field.args) {
        const walk = (type: GraphQLInputType, inside: string[], depth: number): void => {
          const named = getNamedType(type);
          if (isScalarType(named) && scalars.has(named.name)) {
            targets.push({ operation, field, argument, inside, scalar: named.name });
          } else if (isInputObjectType(named) && depth < 4) {
            for (const inner of Object.values(named.getFields()))
              walk(inner.type, [...inside, inner.name], depth + 1);
          }
        };
        walk(argument.type, [], 0);
      }
    }
  }
  return targets;
}

/** A value of this type that coerces: the target's path gets `text`, the rest dummies. */
export function valueFor(
  type: GraphQLInputType,
  inside: string[] | undefined,
  text: unknown,
): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [valueFor(nullable.ofType, inside, text)];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (isInputObjectType(named)) {
    const value: Record<string, unknown> = {};
    for (const inner of Object.values(named.getFields())) {
      const onPath = inside?.[0] === inner.name;
      if (onPath || isNonNullType(inner.type))
        value[inner.name] = valueFor(inner.type, onPath ? inside!.slice(1) : undefined, text);
    }
    return value;
  }
  // The target's own place (the path ends on a scalar): whatever the corpus chose.
  if (inside && inside.length === 0 && isScalarType(named)) return text;
  switch (named.name) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return '2026-01-01T00:00:00.000Z';
    default:
      return 'x';
  }
}

/** The operation that passes every argument of the target's field as a variable. */
export function operationFor(target: StringTarget, text: unknown) {
  const { field } = target;
  const variables: Record<string, unknown> = {};
  const declared: string[] = [];
  const passed: string[] = [];
  for (const argument of field.args) {
    const isTarget = argument.name === target.argument.name;
    if (!isTarget && !isNonNullType(argument.type)) continue;
    declared.push(`$${argument.name}: ${argument.type.toString()}`);
    passed.push(`${argument.name}: $${argument.name}`);
    variables[argument.name] = valueFor(argument.type, isTarget ? target.inside : undefined, text);
  }
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  const query =
    `${target.operation}${declared.length ? `(${declared.join(', ')})` : ''} ` +
    `{ ${field.name}${passed.length ? `(${passed.join(', ')})` : ''}${selection} }`;
  return { query, variables };
}

export async function introspect(stack: SpeanStack, token: string): Promise<GraphQLSchema> {
  const answer = await stack.graphql<IntrospectionQuery>(token, getIntrospectionQuery());
  expect(answer.errors).toBeUndefined();
  return buildClientSchema(answer.data!);
}
