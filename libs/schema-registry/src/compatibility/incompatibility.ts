// What a compatibility check tells a data steward: each difference between a
// candidate schema version and an earlier one that breaks a guarantee, named
// by a stable rule code, placed both in the record (path) and in the new
// schema (schemaPath), and explained in a sentence.

import type { CompatibilityDirection, CompatibilityMode } from './compatibility-mode.js';

/**
 * Every rule code a check can report. Where a change breaks one guarantee in
 * one direction and the opposite change breaks the other, the two codes are
 * named for the change from the old version to the new one
 * (`max-length-reduced` breaks backward compatibility, `max-length-increased`
 * forward).
 */
export const INCOMPATIBILITY_RULES = Object.freeze([
  // content models
  'property-added-to-closed-model',
  'property-removed',
  'property-added-to-open-model',
  'property-removed-from-open-model',
  'property-forbidden',
  'property-allowed',
  'model-closed',
  'model-opened',
  'pattern-property-removed',
  'pattern-property-added',
  'property-names-narrowed',
  'property-names-widened',
  'required-added',
  'required-removed',
  'dependent-required-added',
  'dependent-required-removed',
  'min-properties-raised',
  'min-properties-lowered',
  'max-properties-reduced',
  'max-properties-increased',
  // types and values
  'type-narrowed',
  'type-widened',
  'enum-value-removed',
  'enum-value-added',
  'enum-added',
  'enum-removed',
  'const-added',
  'const-removed',
  'const-changed',
  'value-forbidden',
  'value-allowed',
  // strings
  'min-length-raised',
  'min-length-lowered',
  'max-length-reduced',
  'max-length-increased',
  'pattern-added',
  'pattern-removed',
  'pattern-changed',
  'format-added',
  'format-removed',
  'format-changed',
  // numbers
  'minimum-raised',
  'minimum-lowered',
  'maximum-lowered',
  'maximum-raised',
  'multiple-of-added',
  'multiple-of-removed',
  'multiple-of-changed',
  // arrays
  'min-items-raised',
  'min-items-lowered',
  'max-items-reduced',
  'max-items-increased',
  'unique-items-added',
  'unique-items-removed',
  'contains-added',
  'contains-removed',
  'contains-changed',
  'items-forbidden',
  'items-allowed',
  // meaning, and what cannot be decided
  'subject-changed',
  'unresolved-reference',
  'unverifiable-change',
] as const);

export type IncompatibilityRule = (typeof INCOMPATIBILITY_RULES)[number];

export interface Incompatibility {
  /**
   * JSON pointer into the record payload: `/owner/nationalId`; `*` for every
   * item of an array (`/owners/*\/share`) or every property not listed by name (`/*`).
   */
  path: string;
  /** JSON pointer into the new schema where the change is, e.g. `/properties/owner/required`. */
  schemaPath: string;
  /** A stable kebab-case code, one of INCOMPATIBILITY_RULES. */
  rule: IncompatibilityRule;
  /** The guarantee it breaks. */
  direction: CompatibilityDirection;
  /** The earlier version it is incompatible with. */
  against: number;
  /** A sentence a data steward understands, naming fields with dots (owners[].share). */
  message: string;
}

export interface CompatibilityResult {
  compatible: boolean;
  mode: CompatibilityMode;
  /** The earlier versions the candidate was checked against, ascending. */
  checkedAgainst: number[];
  incompatibilities: Incompatibility[];
}
