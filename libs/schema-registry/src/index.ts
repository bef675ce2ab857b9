// Compiled validators for the canonical schemas in schemas/, and the validator
// every canonical record passes. (Versioned schemas in Postgres and their
// compatibility rules come later.)

export {
  BIDI_CONTROL,
  checkInput,
  MAX_RECORD_DEPTH,
  textRuleBroken,
  type InputCheck,
} from './input-rules.js';
export { normaliseToNfc, toNfc } from './nfc.js';
export {
  RecordValidator,
  type RecordValidationResult,
  type RecordValidatorOptions,
} from './record-validator.js';
export {
  RELATED_SUBJECT_KEYWORD,
  SUBJECT_KEYWORD,
  type NationalIdAt,
  type NationalIdLocation,
} from './national-id-locations.js';
export {
  ENVELOPE,
  SCHEMA_ID_BASE,
  SchemaCatalog,
  defaultSchemaCatalog,
  findSchemasDir,
  type CompiledSchema,
  type SchemaCatalogOptions,
} from './schema-catalog.js';
export {
  NO_ISSUES,
  escapeJsonPointer,
  fieldLabel,
  toValidationIssues,
  type ValidationIssue,
} from './validation-issue.js';
export * from './message-decoder.js';
export * from './registry/schema-registry.exception.js';
export * from './registry/schema-registry.repository.js';
export * from './registry/schema-registry.service.js';
export * from './registry/registry-watcher.js';
export * from './registry/lineage-recorder.js';
export * from './registry/open-schema-registry.js';
export * from './compatibility/index.js';
