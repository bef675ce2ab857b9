// The Ministry of Land Management adapter: land titles. The first owner is
// the record's subject; every co-owner finds the title in their own lookup.
// A transfer is a new version with the new owners.
import type { AdapterDefinition } from '#spean/adapter-sdk';
import { LAND_CSV } from './land.csv-mapping.js';

export const LAND_ADAPTER: AdapterDefinition = {
  name: 'land',
  title: 'Ministry of Land Management, Urban Planning and Construction',
  defaultPort: 3103,
  csv: LAND_CSV,
  publishes: ['land-title'],
};
