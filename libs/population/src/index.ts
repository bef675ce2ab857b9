// A deterministic synthetic population of Cambodia as canonical records, and
// the gazetteer and names it is drawn from.

export {
  ADAPTER_RECORD_TYPES,
  DEFAULT_AS_OF,
  adapterFor,
  generatePopulation,
  type AdapterName,
  type PopulationBatch,
  type PopulationCounts,
  type PopulationOptions,
  type PopulationRun,
  type SeedRecord,
} from './population-generator.js';
export { demoCitizens, type DemoCitizens } from './demo-citizens.js';
export {
  PROVINCES,
  allCommunes,
  communeByCode,
  districtByCode,
  provinceByCode,
  type Commune,
  type District,
  type DistrictKind,
  type PlaceName,
  type Province,
} from './gazetteer.js';
export {
  FAMILY_NAMES,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  type KhmerName,
} from './khmer-names.js';
export { SeededRandom, WeightedTable, mixSeed, seededRandom } from './seeded-random.js';
