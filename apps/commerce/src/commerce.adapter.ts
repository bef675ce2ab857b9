// The Ministry of Commerce adapter: business registrations. The principal
// owner is the record's subject; every owner, director and shareholder finds
// the business in their own lookup.
import type { AdapterDefinition } from '#spean/adapter-sdk';
import { COMMERCE_CSV } from './commerce.csv-mapping.js';
import { soleOwnerDeathReaction } from './sole-owner-death.reaction.js';

export const COMMERCE_ADAPTER: AdapterDefinition = {
  name: 'commerce',
  title: 'Ministry of Commerce',
  defaultPort: 3104,
  csv: COMMERCE_CSV,
  publishes: ['business-registration'],
  reactions: [soleOwnerDeathReaction],
};
