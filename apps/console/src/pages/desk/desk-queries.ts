// The sections a desk lookup may ask for, the fields it asks of each, and the
// lookup's variables from the agency's grants. The desk's operations are in
// desk.graphql: the lookup asks only for the sections granted for the purpose
// and, of a section narrowed to fields, only those fields (minimal retrieval:
// nothing else is asked, so nothing else is read — and a field beyond a
// narrowed grant would have the gateway refuse the whole section).
import type { DeskLookupQueryVariables } from '../../gql/graphql';

/** The citizen sections a lookup may ask for, in the order the desk shows them. */
export const SECTIONS = [
  'person',
  'address',
  'vehicles',
  'landTitles',
  'businesses',
  'taxpayer',
  'lifeEvents',
] as const;
export type Section = (typeof SECTIONS)[number];

/**
 * The top-level fields the desk shows of each section: the DeskLookup
 * document has a boolean `<section>_<field>` on each (a test checks they
 * match).
 */
export const DESK_FIELDS = {
  person: [
    'nationalId',
    'name',
    'sex',
    'dateOfBirth',
    'alive',
    'dateOfDeath',
    'idCardNumber',
    'placeOfBirth',
  ],
  address: ['houseNumber', 'street', 'village', 'commune', 'district', 'province', 'since'],
  vehicles: ['plateNumber', 'make', 'model', 'year', 'status', 'registrationDate'],
  landTitles: ['titleNumber', 'areaSquareMetres', 'status', 'registrationDate'],
  businesses: ['registrationNumber', 'name', 'legalForm', 'status', 'registrationDate'],
  taxpayer: ['tin', 'type', 'status', 'registrationDate'],
  lifeEvents: ['eventType', 'date', 'registeredOn'],
} as const satisfies Record<Section, readonly string[]>;

/** What a purpose's grants open of one section: all of it, or these top-level fields. */
export type SectionGrant = 'all' | ReadonlySet<string>;

/**
 * Section → what the grants open of it, as the gateway decides it: grants of
 * one section add up, and one not narrowed opens all of it. Grants that are
 * no section (nationalId, verification) are left out.
 */
export function sectionGrants(
  grants: ReadonlyArray<{ section: string; fields?: readonly string[] | null }>,
): Map<Section, SectionGrant> {
  const opened = new Map<Section, SectionGrant>();
  for (const grant of grants) {
    if (!isSection(grant.section)) continue;
    const held = opened.get(grant.section);
    if (held === 'all' || !grant.fields || grant.fields.length === 0)
      opened.set(grant.section, 'all');
    else opened.set(grant.section, new Set([...(held ?? []), ...grant.fields]));
  }
  return opened;
}

function isSection(name: string): name is Section {
  return (SECTIONS as readonly string[]).includes(name);
}

/** Whether the desk's fields of a section include some its grant does not open. */
export function narrowed(section: Section, grant: SectionGrant): boolean {
  return grant !== 'all' && DESK_FIELDS[section].some((field) => !grant.has(field));
}

type Selection = Omit<DeskLookupQueryVariables, 'nationalId' | 'purpose' | 'reference'>;

/** The lookup's @include variables: each granted section, and of each the fields granted. */
export function lookupSelection(granted: ReadonlyMap<Section, SectionGrant>): Selection {
  const variables: Record<string, boolean> = {};
  for (const section of SECTIONS) {
    const grant = granted.get(section);
    variables[section] = grant !== undefined;
    for (const field of DESK_FIELDS[section])
      variables[`${section}_${field}`] = grant === 'all' || (grant?.has(field) ?? false);
  }
  return variables as Selection;
}
