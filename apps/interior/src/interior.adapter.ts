// The Ministry of Interior adapter: the identity source. It publishes persons
// and their addresses (and, later, civil events) keyed by national id.
import type { AdapterDefinition } from '#spean/adapter-sdk';

export const INTERIOR_ADAPTER: AdapterDefinition = {
  name: 'interior',
  title: 'Ministry of Interior',
  defaultPort: 3101,
  publishes: ['person', 'address'],
};
