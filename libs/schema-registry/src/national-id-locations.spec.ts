import { describe, expect, it } from '@jest/globals';
import type { AnySchemaObject } from 'ajv/dist/2020.js';
import {
  findLocations,
  nationalIdsAt,
  RELATED_SUBJECT_KEYWORD,
  SUBJECT_KEYWORD,
  type SchemaDocuments,
} from './national-id-locations.js';

const ID = 'https://spean.gov.kh/schemas/family/1.json';
const OTHER = 'https://spean.gov.kh/schemas/kin/1.json';

function documentsOf(
  schemas: Record<string, AnySchemaObject>,
  matcher: SchemaDocuments['matcher'] = () => () => true,
): SchemaDocuments {
  return { get: (id) => schemas[id], matcher };
}

function pointersOf(documents: SchemaDocuments, keyword: string, id = ID): string[] {
  return findLocations(documents, id, keyword, new Set()).map((location) => location.pointer);
}

describe('findLocations', () => {
  it('follows properties, items, prefixItems, in-place applicators and $refs into other documents', () => {
    const related = { type: 'string', [RELATED_SUBJECT_KEYWORD]: true };
    const documents = documentsOf({
      [ID]: {
        $id: ID,
        type: 'object',
        properties: {
          guardian: { $ref: `${OTHER}#/$defs/kin` },
          'a/b': related,
          children: { type: 'array', items: { $ref: '#/$defs/child' } },
          pair: { type: 'array', prefixItems: [related, related] },
        },
        allOf: [{ then: { properties: { witness: related } } }],
        if: { properties: { ignored: related } },
        $defs: { child: { type: 'object', properties: { nationalId: related } } },
      },
      [OTHER]: { $id: OTHER, $defs: { kin: { properties: { nationalId: related } } } },
    });
    expect(pointersOf(documents, RELATED_SUBJECT_KEYWORD)).toEqual([
      '/guardian/nationalId',
      '/a~1b',
      '/children/*/nationalId',
      '/pair/0',
      '/pair/1',
      '/witness',
    ]);
  });

  it('refuses an annotation inside a schema that contains itself, and walks past other cycles', () => {
    const person = (annotation: object) => ({
      type: 'object',
      properties: {
        nationalId: { type: 'string', ...annotation },
        descendants: { type: 'array', items: { $ref: '#/$defs/person' } },
      },
    });
    const recursive = (annotation: object) =>
      documentsOf({
        [ID]: {
          $id: ID,
          properties: { head: { $ref: '#/$defs/person' }, spouse: { [SUBJECT_KEYWORD]: true } },
          $defs: { person: person(annotation) },
        },
      });
    expect(() =>
      pointersOf(recursive({ [RELATED_SUBJECT_KEYWORD]: true }), RELATED_SUBJECT_KEYWORD),
    ).toThrow(
      `${ID}#/$defs/person: ${RELATED_SUBJECT_KEYWORD} inside a recursive schema has no fixed place`,
    );
    expect(pointersOf(recursive({}), SUBJECT_KEYWORD)).toEqual(['/spouse']);
  });

  it('places a subject given as a relative pointer, and one inside contains', () => {
    const first = documentsOf({
      [ID]: { $id: ID, properties: { owners: { [SUBJECT_KEYWORD]: '/0/nationalId' } } },
    });
    expect(findLocations(first, ID, SUBJECT_KEYWORD, new Set())).toEqual([
      expect.objectContaining({
        pointer: '/owners/0/nationalId',
        anchor: '/owners/0/nationalId',
        withinItem: '',
      }),
    ]);

    const pointers: string[] = [];
    const anyOwner = documentsOf(
      {
        [ID]: {
          $id: ID,
          properties: {
            people: {
              contains: {
                description: 'an owner',
                properties: { nationalId: { [SUBJECT_KEYWORD]: true } },
              },
            },
          },
        },
      },
      (_id, pointer) => {
        pointers.push(pointer);
        return () => true;
      },
    );
    expect(findLocations(anyOwner, ID, SUBJECT_KEYWORD, new Set())).toEqual([
      expect.objectContaining({
        pointer: '/people/*/nationalId',
        anchor: '/people',
        withinItem: '/nationalId',
        itemDescription: 'an owner',
      }),
    ]);
    expect(pointers).toEqual(['/properties/people/contains']);
  });

  it('says which $ref leads nowhere', () => {
    const documents = documentsOf({
      [ID]: { $id: ID, properties: { kin: { $ref: `${OTHER}#/$defs/kin` } } },
    });
    expect(() => pointersOf(documents, RELATED_SUBJECT_KEYWORD)).toThrow(
      `${ID}#/properties/kin: no schema ${OTHER}`,
    );
  });
});

describe('nationalIdsAt', () => {
  const documents = documentsOf(
    {
      [ID]: {
        $id: ID,
        properties: {
          spouse: { properties: { nationalId: { [RELATED_SUBJECT_KEYWORD]: true } } },
          'x/y': { items: { [RELATED_SUBJECT_KEYWORD]: true } },
          parents: {
            contains: { properties: { id: { [RELATED_SUBJECT_KEYWORD]: true } } },
          },
        },
      },
    },
    () => (item) => (item as { role?: string }).role === 'mother',
  );
  const locations = findLocations(documents, ID, RELATED_SUBJECT_KEYWORD, new Set());

  it('reads string values only, each with its escaped pointer, once per pointer', () => {
    const payload = {
      spouse: { nationalId: '2169003735' },
      'x/y': ['2339293628', 5, null, '2339293628'],
      parents: [
        { id: '3336188008', role: 'mother' },
        { id: '8280459917', role: 'father' },
      ],
    };
    expect(nationalIdsAt(payload, [...locations, ...locations])).toEqual([
      { path: '/spouse/nationalId', value: '2169003735' },
      { path: '/x~1y/0', value: '2339293628' },
      { path: '/x~1y/3', value: '2339293628' },
      { path: '/parents/0/id', value: '3336188008' },
    ]);
  });

  it('reads nothing from values of another shape, nor from inherited properties', () => {
    const inherited = Object.create({ nationalId: '2169003735' }) as object;
    for (const payload of [undefined, 42, [], { spouse: inherited }, { 'x/y': { 0: 'a' } }]) {
      expect(nationalIdsAt(payload, locations)).toEqual([]);
    }
  });
});
