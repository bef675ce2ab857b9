// Schema compatibility, as Confluent Schema Registry's modes define it, decided
// for JSON Schema by proving that one schema accepts every record the other does.

export {
  COMPATIBILITY_MODES,
  DEFAULT_COMPATIBILITY_MODE,
  describeMode,
  directionsOf,
  isCompatibilityMode,
  isTransitive,
  type CompatibilityDirection,
  type CompatibilityMode,
} from './compatibility-mode.js';
export {
  checkCompatibility,
  compareVersions,
  type CompatibilityInput,
  type ComparedSchemaVersion,
} from './check-compatibility.js';
export {
  INCOMPATIBILITY_RULES,
  type CompatibilityResult,
  type Incompatibility,
  type IncompatibilityRule,
} from './incompatibility.js';
export type { SchemaResolver } from './schema-graph.js';
export {
  diffSchemas,
  type ChangeImpact,
  type SchemaDiff,
  type SchemaDifference,
  type SchemaDiffInput,
} from './schema-diff.js';
