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
function infoOf(query: string, merged = 1): GraphQLResolveInfo {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition')
      .map((d) => [d.name.value, d]),
  );
  const fieldNodes = operation.selectionSet.selections.slice(0, merged) as FieldNode[];
  return { fieldNodes, fragments } as unknown as GraphQLResolveInfo;
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
});
