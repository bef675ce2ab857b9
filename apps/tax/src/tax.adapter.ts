// The General Department of Taxation adapter: taxpayer registrations (TIN),
// keyed by the taxpayer's national id.
import type { AdapterDefinition } from '#spean/adapter-sdk';
import { TAX_CSV } from './tax.csv-mapping.js';
import { taxpayerDeathReaction } from './taxpayer-death.reaction.js';

export const TAX_ADAPTER: AdapterDefinition = {
  name: 'tax',
  title: 'General Department of Taxation',
  defaultPort: 3105,
  csv: TAX_CSV,
  publishes: ['taxpayer'],
  reactions: [taxpayerDeathReaction],
};
