// What the desk asks for, from the agency's grants: sections and, of a
// narrowed section, only its granted fields — and the DeskLookup document
// carries exactly the field variables the desk sets.
import { describe, expect, it } from '@jest/globals';
import { Kind, parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { DeskLookupDocument } from '../../gql/graphql';
import {
  DESK_FIELDS,
  lookupSelection,
  narrowed,
  sectionGrants,
  SECTIONS,
  type Section,
} from './desk-queries';

describe('sectionGrants', () => {
  it('adds a purpose’s grants up as the gateway does: fields join, an unnarrowed grant opens all', () => {
    const opened = sectionGrants([
      { section: 'person', fields: ['name'] },
      { section: 'person', fields: ['alive'] },
      { section: 'address', fields: ['since'] },
      { section: 'address', fields: null },
      { section: 'taxpayer', fields: [] },
      { section: 'nationalId', fields: null },
      { section: 'verification', fields: ['alive'] },
    ]);
    expect(opened).toEqual(
      new Map<Section, unknown>([
        ['person', new Set(['name', 'alive'])],
        ['address', 'all'],
        ['taxpayer', 'all'],
      ]),
    );
  });
});

describe('lookupSelection', () => {
  it('asks for the granted sections, every field of a whole one and only the granted ones of a narrowed one', () => {
    const variables = lookupSelection(
      new Map([
        ['address', 'all'],
        ['person', new Set(['name', 'alive', 'parents'])],
      ]),
    ) as Record<string, boolean>;
    const asked = Object.keys(variables).filter((name) => variables[name]);
    expect(asked.sort()).toEqual(
      [
        'address',
        ...DESK_FIELDS.address.map((field) => `address_${field}`),
        'person',
        'person_alive',
        'person_name',
      ].sort(),
    );
    // Every variable the document declares is set, to true or false.
    expect(Object.keys(variables).length).toBe(
      SECTIONS.length + SECTIONS.reduce((sum, section) => sum + DESK_FIELDS[section].length, 0),
    );
  });

  it('says which sections the desk shows in part', () => {
    expect(narrowed('person', new Set(['name', 'alive']))).toBe(true);
    expect(narrowed('lifeEvents', new Set(['eventType', 'date', 'registeredOn', 'x']))).toBe(false);
    expect(narrowed('vehicles', 'all')).toBe(false);
  });
});

describe('the DeskLookup document', () => {
  const operation = parse(DeskLookupDocument.toString()).definitions[0] as OperationDefinitionNode;
  const citizen = operation.selectionSet.selections[0] as FieldNode;
  const includedBy = (field: FieldNode): string | undefined => {
    const argument = field.directives?.find((d) => d.name.value === 'include')?.arguments?.[0];
    return argument?.value.kind === Kind.VARIABLE ? argument.value.name.value : undefined;
  };

  it('puts each section under its own variable and each field the desk shows under <section>_<field>', () => {
    const sections = citizen.selectionSet!.selections.filter(
      (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value !== 'nationalId',
    );
    expect(sections.map((s) => [s.name.value, includedBy(s)])).toEqual(
      SECTIONS.map((section) => [section, section]),
    );
    for (const section of sections) {
      const fields = section.selectionSet!.selections as FieldNode[];
      const conditional = fields.filter((field) => includedBy(field) !== undefined);
      expect(conditional.map((field) => includedBy(field))).toEqual(
        conditional.map((field) => `${section.name.value}_${field.name.value}`),
      );
      expect(conditional.map((field) => field.name.value)).toEqual(
        DESK_FIELDS[section.name.value as Section],
      );
      // Besides them, only the record's source and date, which no grant names.
      expect(fields.filter((field) => !includedBy(field)).map((f) => f.name.value)).toEqual([
        'record',
      ]);
    }
  });

  it('declares no variable the desk does not set', () => {
    const declared = operation.variableDefinitions!.map((d) => d.variable.name.value);
    const set = Object.keys(lookupSelection(new Map()));
    expect(declared.sort()).toEqual(['nationalId', 'purpose', 'reference', ...set].sort());
  });
});
