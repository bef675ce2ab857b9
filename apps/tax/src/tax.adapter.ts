// The General Department of Taxation adapter: taxpayer registrations (TIN),
// keyed by the taxpayer's national id.
import type { AdapterDefinition } from '#spean/adapter-sdk';
import { taxpayerDeathReaction } from './taxpayer-death.reaction.js';

export const TAX_ADAPTER: AdapterDefinition = {
  name: 'tax',
  title: 'General Department of Taxation',
  defaultPort: 3105,
  publishes: ['taxpayer'],
  reactions: [taxpayerDeathReaction],
};
