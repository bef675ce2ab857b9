// The sections of a citizen's record the gateway serves, and the canonical
// record type behind each. One list drives the subscriptions, the single
// batched read per lookup, and the grants.
import type { GrantableSections } from './access-control.service.js';
import type { SchemaCatalog } from '#spean/schema-registry';

export interface CitizenSection {
  /** The GraphQL field and the name grants use. */
  name: string;
  recordType: string;
  /** Whether a citizen can hold several records of this type. */
  many: boolean;
  /**
   * subject: records about the citizen (their person record, vehicles they own);
   * any: also records naming them as a related party (co-owned land, a
   * business they direct, their child's birth).
   */
  match: 'subject' | 'any';
}

export const CITIZEN_SECTIONS: readonly CitizenSection[] = [
  { name: 'person', recordType: 'person', many: false, match: 'subject' },
  { name: 'address', recordType: 'address', many: false, match: 'subject' },
  { name: 'vehicles', recordType: 'vehicle-registration', many: true, match: 'subject' },
  { name: 'landTitles', recordType: 'land-title', many: true, match: 'any' },
  { name: 'businesses', recordType: 'business-registration', many: true, match: 'any' },
  { name: 'taxpayer', recordType: 'taxpayer', many: false, match: 'subject' },
  { name: 'lifeEvents', recordType: 'civil-event', many: true, match: 'any' },
];

export const SECTION_NAMES = CITIZEN_SECTIONS.map((section) => section.name);

/**
 * Grants name these on top of the sections: `nationalId` shows the national
 * id itself (an agency without it sees its own pseudonym wherever a national
 * id would be); `verification` lets an agency ask verifyCitizen yes/no
 * questions, narrowed to the claims it lists.
 */
export const NATIONAL_ID_GRANT = 'nationalId';
export const VERIFICATION_GRANT = 'verification';
export const VERIFICATION_CLAIMS = ['name', 'dateOfBirth', 'alive', 'idCardNumber'] as const;
export type VerificationClaim = (typeof VERIFICATION_CLAIMS)[number];

/** Everything a grant may name, with the fields it may be narrowed to (a schema's top-level fields). */
export function grantableSections(catalog: SchemaCatalog): GrantableSections {
  const sections = new Map<string, { fields: readonly string[] | null }>();
  for (const section of CITIZEN_SECTIONS) {
    const fields = new Set<string>();
    for (const version of catalog.versions(section.recordType)) {
      const properties: unknown = catalog.get(section.recordType, version)?.schema.properties;
      if (properties && typeof properties === 'object') {
        for (const field of Object.keys(properties)) fields.add(field);
      }
    }
    sections.set(section.name, { fields: [...fields].sort() });
  }
  sections.set(NATIONAL_ID_GRANT, { fields: null });
  sections.set(VERIFICATION_GRANT, { fields: [...VERIFICATION_CLAIMS] });
  return sections;
}
