import { describe, expect, it } from '@jest/globals';
import {
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { sectionsSelected } from './citizen.resolver.js';

/** What graphql-js hands the resolver of the first root field of `query`. */
function infoOf(
  query: string,
  merged = 1,
  variableValues: Record<string, unknown> = {},
): GraphQLResolveInfo {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition')
      .map((d) => [d.name.value, d]),
  );
  const fieldNodes = operation.selectionSet.selections.slice(0, merged) as FieldNode[];
  return { fieldNodes, fragments, variableValues } as unknown as GraphQLResolveInfo;
}

const asObject = (selection: ReadonlyMap<string, unknown>): unknown =>
  Object.fromEntries(
    [...selection].map(([name, sub]) => [name, asObject(sub as ReadonlyMap<string, unknown>)]),
  );

describe('sectionsSelected', () => {
  it('gives each document its own selection, and the same one each time it is asked again', () => {
    const one = infoOf('{ citizen { person { name birthDate } vehicles { plate } } }');
    const other = infoOf('{ citizen { ...F } } fragment F on Citizen { person { name } }');
    expect(asObject(sectionsSelected(one))).toEqual({
      person: { name: {}, birthDate: {} },
      vehicles: { plate: {} },
    });
    expect(asObject(sectionsSelected(other))).toEqual({ person: { name: {} } });
    // The same parsed document again (Apollo's document store): the same answer.
    expect(sectionsSelected({ ...one } as GraphQLResolveInfo)).toBe(sectionsSelected(one));
    expect(asObject(sectionsSelected(one))).toEqual({
      person: { name: {}, birthDate: {} },
      vehicles: { plate: {} },
    });
  });

  it('reads merged nodes afresh each time: which are merged can change per request', () => {
    const query = '{ citizen { person { name } } citizen { vehicles { plate } } }';
    const merged = infoOf(query, 2);
    expect(asObject(sectionsSelected(merged))).toEqual({
      person: { name: {} },
      vehicles: { plate: {} },
    });
    expect(sectionsSelected(merged)).not.toBe(sectionsSelected(merged));
  });

  it('leaves out what @skip or @include drops for the request’s variables, read afresh each time', () => {
    const query = `query($person: Boolean!, $born: Boolean!) { citizen {
      person @include(if: $person) { name dateOfBirth @include(if: $born) alive @skip(if: true) }
      ... on Citizen @skip(if: $person) { vehicles { plate } }
      taxpayer @include(if: false) { tin }
    } }`;
    const narrowed = infoOf(query, 1, { person: true, born: false });
    expect(asObject(sectionsSelected(narrowed))).toEqual({ person: { name: {} } });
    // The same parsed node under other variables: another selection.
    const other = {
      ...infoOf(query, 1, { person: false, born: true }),
      fieldNodes: narrowed.fieldNodes,
    } as GraphQLResolveInfo;
    expect(asObject(sectionsSelected(other))).toEqual({ vehicles: { plate: {} } });
    expect(sectionsSelected(narrowed)).not.toBe(sectionsSelected(narrowed));
  });
});
