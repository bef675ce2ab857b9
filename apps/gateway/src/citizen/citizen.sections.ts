// The sections of a citizen's record the gateway serves, and the canonical
// record type behind each. One list drives the subscriptions, the single
// batched read per lookup, and (later) the grants.
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
