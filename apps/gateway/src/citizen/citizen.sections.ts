// The sections of a citizen's record the gateway serves, and the canonical
// record type behind each. One list drives the subscriptions, the single
// batched read per lookup, and (later) the grants.
export interface CitizenSection {
  /** The GraphQL field and the name grants use. */
  name: string;
  recordType: string;
  /** Whether a citizen can hold several records of this type (vehicles ...). */
  many: boolean;
}

export const CITIZEN_SECTIONS: readonly CitizenSection[] = [
  { name: 'person', recordType: 'person', many: false },
  { name: 'address', recordType: 'address', many: false },
];

export const SECTION_NAMES = CITIZEN_SECTIONS.map((section) => section.name);
