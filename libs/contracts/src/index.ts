// The shared vocabulary of every app and lib: the canonical record types
// (generated from schemas/) and the national id scheme.

export * from './generated/index.js';
export type {
  AnyPayload,
  CanonicalRecord,
  DeleteRecord,
  PublishedRecord,
  RecordOf,
  StoredRecordHead,
  UpsertRecord,
} from './canonical-record.js';
export { storedRecordHead } from './canonical-record.js';
export {
  NATIONAL_ID_VALID,
  checkTypedNationalId,
  normaliseNationalIdInput,
  type NationalIdCheck,
  type NationalIdRule,
  type NationalIdScheme,
  type RandomSource,
} from './national-id/national-id-scheme.js';
export { verhoeffCheckDigit, verhoeffIsValid } from './national-id/verhoeff.js';
export { VerhoeffNationalIdScheme } from './national-id/verhoeff-national-id.scheme.js';
export {
  DEFAULT_NATIONAL_ID_SCHEME,
  getNationalIdScheme,
  nationalIdSchemeNames,
  registerNationalIdScheme,
} from './national-id/national-id-scheme.registry.js';
export { newestVersions } from './newest-versions.js';
export {
  KEY_ID_HEADER,
  PROOF_HEADER,
  REFUSAL_CODES,
  SIGNATURE_HEADER,
  keyIdOf,
  publicKeyFromPem,
  publicKeyPem,
  recordSigner,
  signatureHolds,
  signedHeaders,
  signValues,
  withSignature,
  type RecordSigner,
  type RefusalCode,
  type ValueSignature,
} from './signing/record-signature.js';
export { CodedException } from './coded-exception.js';
export { NAME_PATTERN, nameRule } from './name-rule.js';
export { DetailedException } from './detailed-exception.js';
export { FieldException } from './field-exception.js';
