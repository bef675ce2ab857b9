// The Ministry of Public Works and Transport adapter: vehicle registrations,
// keyed by the owner's national id. A sale is a new version with the buyer as
// subject, which moves the vehicle from one citizen to the other.
import type { AdapterDefinition } from '#spean/adapter-sdk';
import { TRANSPORT_CSV } from './transport.csv-mapping.js';
import { ownerDeathReaction } from './owner-death.reaction.js';

export const TRANSPORT_ADAPTER: AdapterDefinition = {
  name: 'transport',
  title: 'Ministry of Public Works and Transport',
  defaultPort: 3102,
  csv: TRANSPORT_CSV,
  publishes: ['vehicle-registration'],
  reactions: [ownerDeathReaction],
};
