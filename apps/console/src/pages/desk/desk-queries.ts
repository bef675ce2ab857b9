// The sections a desk lookup may ask for and the ministry behind each. The
// desk's operations are in desk.graphql: the lookup asks only for the sections
// granted for the purpose (minimal retrieval: nothing else is asked, so
// nothing else is read).
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

/** The ministry whose adapter publishes each section. */
export const SOURCE_OF: Record<Section, string> = {
  person: 'interior',
  address: 'interior',
  lifeEvents: 'interior',
  vehicles: 'transport',
  landTitles: 'land',
  businesses: 'commerce',
  taxpayer: 'tax',
};
