// The demo population `npm start` seeds: a small population with every kind of
// record, held in memory (unlike generatePopulation's stream, which is for
// millions).

import {
  generatePopulation,
  type PopulationBatch,
  type PopulationCounts,
  type SeedRecord,
} from './population-generator.js';

export interface DemoCitizens {
  /** Every person's national id in generation order; the first is alive. */
  nationalIds: string[];
  /** All records: the interior's first (persons before events), then transport, land, commerce, tax. */
  records: SeedRecord[];
  /** The same records by the adapter that publishes them. */
  byAdapter: PopulationBatch;
  counts: PopulationCounts;
}

export function demoCitizens(count: number, seed = 1): DemoCitizens {
  const run = generatePopulation({ citizens: count, seed });
  const byAdapter: PopulationBatch = {
    interior: [],
    transport: [],
    land: [],
    commerce: [],
    tax: [],
  };
  for (const batch of run) {
    byAdapter.interior.push(...batch.interior);
    byAdapter.transport.push(...batch.transport);
    byAdapter.land.push(...batch.land);
    byAdapter.commerce.push(...batch.commerce);
    byAdapter.tax.push(...batch.tax);
  }
  const nationalIds = byAdapter.interior
    .filter((record) => record.recordType === 'person')
    .map((record) => record.subjectId);
  const records: SeedRecord[] = [
    ...byAdapter.interior,
    ...byAdapter.transport,
    ...byAdapter.land,
    ...byAdapter.commerce,
    ...byAdapter.tax,
  ];
  return { nationalIds, records, byAdapter, counts: run.counts };
}
