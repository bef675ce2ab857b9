import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { edited } from '../testing/edited.js';
import { SchemaEquivalence } from './schema-equivalence.js';
import { SchemaGraph } from './schema-graph.js';
import { SubsetChecker } from './subset-checker.js';
import { ValueOracle } from './value-oracle.js';
import {
  checkCompatibility,
  COMPATIBILITY_MODES,
  DEFAULT_COMPATIBILITY_MODE,
  describeMode,
  INCOMPATIBILITY_RULES,
  type CompatibilityMode,
  type CompatibilityResult,
} from './index.js';

// ---------------------------------------------------------------------------
// The repository's schemas, and a resolver over them for cross-file $refs.

const schemasDir = fileURLToPath(new URL('../../../../schemas/', import.meta.url));

interface RealSchema {
  recordType: string;
  version: number;
  schema: Record<string, unknown>;
}

const real: RealSchema[] = readdirSync(schemasDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) =>
    readdirSync(join(schemasDir, entry.name))
      .filter((name) => /^[1-9][0-9]*\.json$/.test(name))
      .map((name) => ({
        recordType: entry.name,
        version: Number(name.slice(0, -'.json'.length)),
        schema: JSON.parse(readFileSync(join(schemasDir, entry.name, name), 'utf8')) as Record<
          string,
          unknown
        >,
      })),
  );
const byId = new Map(real.map((entry) => [entry.schema.$id as string, entry.schema]));
const resolve = (id: string): object | undefined => byId.get(id);

function schemaOf(recordType: string): Record<string, unknown> {
  const found = real.find((entry) => entry.recordType === recordType && entry.version === 1);
  if (!found) throw new Error(`no schemas/${recordType}/1.json`);
  return found.schema;
}

// ---------------------------------------------------------------------------
// Shorthands for the rows

type Schema = Record<string, unknown> | boolean;

const string = { type: 'string' };
const integer = { type: 'integer' };
const closed = (properties: Record<string, Schema>, more: Record<string, unknown> = {}) => ({
  type: 'object',
  additionalProperties: false,
  properties,
  ...more,
});
const open = (properties: Record<string, Schema>, more: Record<string, unknown> = {}) => ({
  type: 'object',
  properties,
  ...more,
});
/** A record with one field `x` of the given schema. */
const field = (x: Schema, more: Record<string, unknown> = {}) => closed({ x }, more);

type Expected = ReadonlyArray<readonly [path: string, rule: string, schemaPath?: string]>;
const ok: Expected = [];

interface Row {
  readonly old: object;
  readonly new: object;
  /** Consumers on the new version reading records written with the old (old ⊆ new). */
  readonly backward: Expected;
  /** Consumers on the old version reading records written with the new (new ⊆ old). */
  readonly forward: Expected;
}

function check(
  mode: CompatibilityMode,
  old: object,
  next: object,
  versions: readonly object[] = [],
): CompatibilityResult {
  const previous = [old, ...versions.slice(0, -1)].map((schema, i) => ({ version: i + 1, schema }));
  const candidate = versions.length > 0 ? versions[versions.length - 1]! : next;
  return checkCompatibility({
    mode,
    candidate: { version: previous.length + 1, schema: candidate },
    previous,
    resolve,
  });
}

function found(result: CompatibilityResult, direction: 'backward' | 'forward'): string[] {
  return result.incompatibilities
    .filter((issue) => issue.direction === direction)
    .map((issue) => `${issue.path} ${issue.rule}`)
    .sort();
}

function wanted(expected: Expected): string[] {
  return expected.map(([path, rule]) => `${path} ${rule}`).sort();
}

function expectSchemaPaths(result: CompatibilityResult, direction: string, expected: Expected) {
  for (const [path, rule, schemaPath] of expected) {
    if (schemaPath === undefined) continue;
    const issue = result.incompatibilities.find(
      (i) => i.direction === direction && i.path === path && i.rule === rule,
    );
    expect(issue?.schemaPath).toBe(schemaPath);
  }
}

/** Every mode's verdict for one change from version 1 to version 2. */
function expectRow(row: Row): void {
  const backward = check('BACKWARD', row.old, row.new);
  expect(found(backward, 'backward')).toEqual(wanted(row.backward));
  expect(found(backward, 'forward')).toEqual([]);
  expect(backward.compatible).toBe(row.backward.length === 0);
  expectSchemaPaths(backward, 'backward', row.backward);

  const forward = check('FORWARD', row.old, row.new);
  expect(found(forward, 'forward')).toEqual(wanted(row.forward));
  expect(found(forward, 'backward')).toEqual([]);
  expect(forward.compatible).toBe(row.forward.length === 0);
  expectSchemaPaths(forward, 'forward', row.forward);

  const full = check('FULL', row.old, row.new);
  expect(found(full, 'backward')).toEqual(wanted(row.backward));
  expect(found(full, 'forward')).toEqual(wanted(row.forward));
  expect(full.compatible).toBe(row.backward.length === 0 && row.forward.length === 0);

  // With only one earlier version, the transitive modes say the same.
  for (const [transitive, plain] of [
    ['BACKWARD_TRANSITIVE', backward],
    ['FORWARD_TRANSITIVE', forward],
    ['FULL_TRANSITIVE', full],
  ] as const) {
    const result = check(transitive, row.old, row.new);
    expect(result.incompatibilities).toEqual(plain.incompatibilities);
    expect(result.checkedAgainst).toEqual([1]);
  }

  expect(check('NONE', row.old, row.new)).toEqual({
    compatible: true,
    mode: 'NONE',
    checkedAgainst: [],
    incompatibilities: [],
  });

  for (const issue of full.incompatibilities) {
    expect(issue.against).toBe(1);
    expect(INCOMPATIBILITY_RULES).toContain(issue.rule);
    expect(issue.message).toMatch(/\.$/);
  }
}

function table(rows: Record<string, Row>): void {
  it.each(Object.entries(rows))('%s', (_name, row) => expectRow(row));
}

// ---------------------------------------------------------------------------

describe('checkCompatibility: content models', () => {
  table({
    'add an optional property to a closed model': {
      old: closed({ make: string }),
      new: closed({ make: string, colour: string }),
      backward: ok,
      forward: [['/colour', 'property-added-to-closed-model', '/properties/colour']],
    },
    'add an optional property to an open model': {
      old: open({ make: string }),
      new: open({ make: string, colour: string }),
      backward: [['/colour', 'property-added-to-open-model', '/properties/colour']],
      forward: ok,
    },
    'remove a property from a closed model': {
      old: closed({ make: string, colour: string }),
      new: closed({ make: string }),
      backward: [['/colour', 'property-removed', '/properties']],
      forward: ok,
    },
    'remove a property from an open model': {
      old: open({ make: string, colour: string }),
      new: open({ make: string }),
      backward: ok,
      forward: [['/colour', 'property-removed-from-open-model']],
    },
    'close an open model': {
      old: open({ make: string }),
      new: closed({ make: string }),
      backward: [['/*', 'model-closed', '/additionalProperties']],
      forward: ok,
    },
    'open a closed model': {
      old: closed({ make: string }),
      new: open({ make: string }),
      backward: ok,
      forward: [['/*', 'model-opened']],
    },
    'narrow the schema for unlisted properties': {
      old: open({}, { additionalProperties: { type: ['string', 'integer'] } }),
      new: open({}, { additionalProperties: string }),
      backward: [['/*', 'type-narrowed', '/additionalProperties/type']],
      forward: ok,
    },
    'add a property a closed model describes by its additionalProperties schema': {
      old: open({}, { additionalProperties: string }),
      new: open({ code: { type: 'string', maxLength: 4 } }, { additionalProperties: string }),
      backward: [['/code', 'max-length-reduced', '/properties/code/maxLength']],
      forward: ok,
    },
    'add a property to a model closed by unevaluatedProperties': {
      old: { type: 'object', properties: { make: string }, unevaluatedProperties: false },
      new: {
        type: 'object',
        properties: { make: string, colour: string },
        unevaluatedProperties: false,
      },
      backward: ok,
      forward: [['/colour', 'property-added-to-closed-model']],
    },
    'add a property in an allOf branch under unevaluatedProperties': {
      old: { allOf: [{ properties: { make: string } }], unevaluatedProperties: false },
      new: {
        allOf: [{ properties: { make: string, colour: string } }],
        unevaluatedProperties: false,
      },
      backward: ok,
      forward: [['/colour', 'property-added-to-closed-model']],
    },
    'unevaluatedProperties over an anyOf cannot be decided': {
      old: { anyOf: [{ properties: { a: string } }], unevaluatedProperties: false },
      new: { anyOf: [{ properties: { a: string, b: string } }], unevaluatedProperties: false },
      // The old version's closed names are known as an upper bound, so only
      // the schema a record must fit is undecidable.
      backward: [['', 'unverifiable-change', '/unevaluatedProperties']],
      forward: [['', 'unverifiable-change', '/unevaluatedProperties']],
    },
    'narrow the values under an unchanged patternProperties pattern': {
      old: open({}, { patternProperties: { '^x-': string } }),
      new: open({}, { patternProperties: { '^x-': { type: 'string', maxLength: 10 } } }),
      backward: [['/*', 'max-length-reduced']],
      forward: ok,
    },
    'change the pattern of a closed model’s patternProperties': {
      old: closed({}, { patternProperties: { '^x-': string } }),
      new: closed({}, { patternProperties: { '^ext-': string } }),
      backward: [['/*', 'pattern-property-removed', '/additionalProperties']],
      forward: [['/*', 'pattern-property-added', '/patternProperties']],
    },
    'limit the names of fields with propertyNames': {
      old: open({}),
      new: open({}, { propertyNames: { pattern: '^[a-z]+$' } }),
      backward: [['', 'property-names-narrowed', '/propertyNames']],
      forward: ok,
    },
    'propertyNames a closed model’s names already satisfy': {
      old: closed({ make: string }),
      new: closed({ make: string }, { propertyNames: { pattern: '^[a-z]+$' } }),
      backward: ok,
      forward: ok,
    },
    'raise minProperties and lower maxProperties': {
      old: open({}, { minProperties: 1 }),
      new: open({}, { minProperties: 2, maxProperties: 5 }),
      backward: [
        ['', 'min-properties-raised', '/minProperties'],
        ['', 'max-properties-reduced', '/maxProperties'],
      ],
      forward: ok,
    },
  });
});

describe('checkCompatibility: required fields', () => {
  table({
    'make an optional field required': {
      old: field(string),
      new: field(string, { required: ['x'] }),
      backward: [['/x', 'required-added', '/required']],
      forward: ok,
    },
    'make a required field optional': {
      old: field(string, { required: ['x'] }),
      new: field(string),
      backward: ok,
      forward: [['/x', 'required-removed']],
    },
    'add a required field to a closed model': {
      old: closed({ make: string }),
      new: closed({ make: string, colour: string }, { required: ['colour'] }),
      backward: [['/colour', 'required-added']],
      forward: [['/colour', 'property-added-to-closed-model']],
    },
    'require a field of the items of a nested array': {
      old: closed({ owners: { type: 'array', items: closed({ share: integer }) } }),
      new: closed({
        owners: { type: 'array', items: closed({ share: integer }, { required: ['share'] }) },
      }),
      backward: [['/owners/*/share', 'required-added', '/properties/owners/items/required']],
      forward: ok,
    },
    'require a field whenever another is present (dependentRequired)': {
      old: closed({ closedOn: string, reason: string }),
      new: closed(
        { closedOn: string, reason: string },
        { dependentRequired: { closedOn: ['reason'] } },
      ),
      backward: [['/reason', 'dependent-required-added', '/dependentRequired']],
      forward: ok,
    },
    'drop a dependentRequired rule': {
      old: closed(
        { closedOn: string, reason: string },
        { dependentRequired: { closedOn: ['reason'] } },
      ),
      new: closed({ closedOn: string, reason: string }),
      backward: ok,
      forward: [['/reason', 'dependent-required-removed']],
    },
    'required rules moved from the object into allOf say the same': {
      old: field(string, { required: ['x'] }),
      new: field(string, { allOf: [{ required: ['x'] }] }),
      backward: ok,
      forward: ok,
    },
  });
});

describe('checkCompatibility: types, const and enum', () => {
  table({
    'widen integer to number': {
      old: field(integer),
      new: field({ type: 'number' }),
      backward: ok,
      forward: [['/x', 'type-widened', '/properties/x/type']],
    },
    'narrow number to integer': {
      old: field({ type: 'number' }),
      new: field(integer),
      backward: [['/x', 'type-narrowed', '/properties/x/type']],
      forward: ok,
    },
    'make a string nullable': {
      old: field(string),
      new: field({ type: ['string', 'null'] }),
      backward: ok,
      forward: [['/x', 'type-widened']],
    },
    'make a nullable string non-null': {
      old: field({ type: ['null', 'string'] }),
      new: field(string),
      backward: [['/x', 'type-narrowed']],
      forward: ok,
    },
    'drop every constraint on a field': {
      old: field({ type: 'string', maxLength: 10 }),
      new: field({}),
      backward: ok,
      forward: [
        ['/x', 'type-widened'],
        ['/x', 'max-length-increased'],
      ],
    },
    'add an enum value': {
      old: field({ enum: ['car', 'motorcycle'] }),
      new: field({ enum: ['car', 'motorcycle', 'truck'] }),
      backward: ok,
      forward: [['/x', 'enum-value-added', '/properties/x/enum']],
    },
    'remove an enum value': {
      old: field({ enum: ['car', 'motorcycle', 'truck'] }),
      new: field({ enum: ['car', 'motorcycle'] }),
      backward: [['/x', 'enum-value-removed', '/properties/x/enum']],
      forward: ok,
    },
    'reorder enum values': {
      old: field({ enum: ['car', 'motorcycle'] }),
      new: field({ enum: ['motorcycle', 'car'] }),
      backward: ok,
      forward: ok,
    },
    'replace an enum by any string': {
      old: field({ enum: ['car', 'motorcycle'] }),
      new: field(string),
      backward: ok,
      forward: [['/x', 'enum-removed']],
    },
    'limit a string to an enum': {
      old: field(string),
      new: field({ enum: ['car', 'motorcycle'] }),
      backward: [['/x', 'enum-added']],
      forward: ok,
    },
    'change a const': {
      old: field({ const: 'v1' }),
      new: field({ const: 'v2' }),
      backward: [['/x', 'const-changed']],
      forward: [['/x', 'const-changed']],
    },
    'fix a string to a const': {
      old: field(string),
      new: field({ const: 'v1' }),
      backward: [['/x', 'const-added']],
      forward: ok,
    },
    'fix a boolean to true': {
      old: field({ type: 'boolean' }),
      new: field({ const: true }),
      backward: [['/x', 'enum-value-removed']],
      forward: ok,
    },
    'an enum whose every value meets a new maxLength': {
      old: field({ enum: ['car', 'motorcycle'] }),
      new: field({ enum: ['car', 'motorcycle'], type: 'string', maxLength: 10 }),
      backward: ok,
      forward: ok,
    },
  });
});

describe('checkCompatibility: strings', () => {
  table({
    'reduce maxLength': {
      old: field({ type: 'string', maxLength: 64 }),
      new: field({ type: 'string', maxLength: 32 }),
      backward: [['/x', 'max-length-reduced', '/properties/x/maxLength']],
      forward: ok,
    },
    'increase maxLength': {
      old: field({ type: 'string', maxLength: 32 }),
      new: field({ type: 'string', maxLength: 64 }),
      backward: ok,
      forward: [['/x', 'max-length-increased', '/properties/x/maxLength']],
    },
    'raise minLength': {
      old: field({ type: 'string', minLength: 1 }),
      new: field({ type: 'string', minLength: 3 }),
      backward: [['/x', 'min-length-raised']],
      forward: ok,
    },
    'drop minLength': {
      old: field({ type: 'string', minLength: 3 }),
      new: field(string),
      backward: ok,
      forward: [['/x', 'min-length-lowered', '/properties/x']],
    },
    'add a pattern': {
      old: field(string),
      new: field({ type: 'string', pattern: '^[0-9]+$' }),
      backward: [['/x', 'pattern-added', '/properties/x/pattern']],
      forward: ok,
    },
    'remove a pattern': {
      old: field({ type: 'string', pattern: '^[0-9]+$' }),
      new: field(string),
      backward: ok,
      forward: [['/x', 'pattern-removed']],
    },
    'change a pattern, even to a looser one (regex inclusion is not proven)': {
      old: field({ type: 'string', pattern: '^[0-9]{5}$' }),
      new: field({ type: 'string', pattern: '^[0-9]{5,6}$' }),
      backward: [['/x', 'pattern-changed', '/properties/x/pattern']],
      forward: [['/x', 'pattern-changed', '/properties/x/pattern']],
    },
    'add a format': {
      old: field(string),
      new: field({ type: 'string', format: 'date' }),
      backward: [['/x', 'format-added', '/properties/x/format']],
      forward: ok,
    },
    'remove a format': {
      old: field({ type: 'string', format: 'date' }),
      new: field(string),
      backward: ok,
      forward: [['/x', 'format-removed']],
    },
    'change a format': {
      old: field({ type: 'string', format: 'date' }),
      new: field({ type: 'string', format: 'date-time' }),
      backward: [['/x', 'format-changed']],
      forward: [['/x', 'format-changed']],
    },
  });
});

describe('checkCompatibility: numbers', () => {
  table({
    'raise a minimum': {
      old: field({ type: 'integer', minimum: 1900 }),
      new: field({ type: 'integer', minimum: 1950 }),
      backward: [['/x', 'minimum-raised', '/properties/x/minimum']],
      forward: ok,
    },
    'lower a minimum': {
      old: field({ type: 'integer', minimum: 1950 }),
      new: field({ type: 'integer', minimum: 1900 }),
      backward: ok,
      forward: [['/x', 'minimum-lowered', '/properties/x/minimum']],
    },
    'lower a maximum': {
      old: field({ type: 'integer', maximum: 2100 }),
      new: field({ type: 'integer', maximum: 2030 }),
      backward: [['/x', 'maximum-lowered', '/properties/x/maximum']],
      forward: ok,
    },
    'drop a maximum': {
      old: field({ type: 'integer', maximum: 2100 }),
      new: field(integer),
      backward: ok,
      forward: [['/x', 'maximum-raised']],
    },
    'exclusiveMinimum 0 and minimum 1 are the same for integers': {
      old: field({ type: 'integer', exclusiveMinimum: 0 }),
      new: field({ type: 'integer', minimum: 1 }),
      backward: ok,
      forward: ok,
    },
    'exclusiveMinimum 0 to minimum 1 on numbers excludes fractions': {
      old: field({ type: 'number', exclusiveMinimum: 0 }),
      new: field({ type: 'number', minimum: 1 }),
      backward: [['/x', 'minimum-raised', '/properties/x/minimum']],
      forward: ok,
    },
    'add multipleOf': {
      old: field({ type: 'number' }),
      new: field({ type: 'number', multipleOf: 0.01 }),
      backward: [['/x', 'multiple-of-added']],
      forward: ok,
    },
    'multipleOf 10 to 5 (every multiple of 10 is one of 5)': {
      old: field({ type: 'integer', multipleOf: 10 }),
      new: field({ type: 'integer', multipleOf: 5 }),
      backward: ok,
      forward: [['/x', 'multiple-of-changed']],
    },
  });
});

describe('checkCompatibility: arrays', () => {
  const tags = (items: Schema, more: Record<string, unknown> = {}) =>
    field({ type: 'array', items, ...more });
  table({
    'narrow the items of an array': {
      old: tags({ type: ['string', 'integer'] }),
      new: tags(string),
      backward: [['/x/*', 'type-narrowed', '/properties/x/items/type']],
      forward: ok,
    },
    'raise minItems and reduce maxItems': {
      old: tags(string, { minItems: 0, maxItems: 10 }),
      new: tags(string, { minItems: 1, maxItems: 5 }),
      backward: [
        ['/x', 'min-items-raised'],
        ['/x', 'max-items-reduced'],
      ],
      forward: ok,
    },
    'add uniqueItems': {
      old: tags(string),
      new: tags(string, { uniqueItems: true }),
      backward: [['/x', 'unique-items-added', '/properties/x/uniqueItems']],
      forward: ok,
    },
    'uniqueItems on an array of at most one item changes nothing': {
      old: tags(string, { maxItems: 1 }),
      new: tags(string, { maxItems: 1, uniqueItems: true }),
      backward: ok,
      forward: ok,
    },
    'drop uniqueItems': {
      old: tags(string, { uniqueItems: true }),
      new: tags(string),
      backward: ok,
      forward: [['/x', 'unique-items-removed', '/properties/x']],
    },
    'add contains': {
      old: tags({ enum: ['owner', 'director'] }),
      new: tags({ enum: ['owner', 'director'] }, { contains: { const: 'owner' } }),
      backward: [['/x', 'contains-added', '/properties/x/contains']],
      forward: ok,
    },
    'change the item a contains asks for': {
      old: tags(string, { contains: { const: 'owner' } }),
      new: tags(string, { contains: { const: 'director' } }),
      backward: [['/x', 'contains-changed']],
      forward: [['/x', 'contains-changed']],
    },
    'change one position of a tuple': {
      old: field({ type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }] }),
      new: field({ type: 'array', prefixItems: [{ type: 'number' }, integer] }),
      backward: [['/x/1', 'type-narrowed', '/properties/x/prefixItems/1/type']],
      forward: ok,
    },
    'close a tuple to further items': {
      old: field({ type: 'array', prefixItems: [string, string] }),
      new: field({ type: 'array', prefixItems: [string, string], items: false }),
      backward: [['/x/*', 'items-forbidden']],
      forward: ok,
    },
  });
});

describe('checkCompatibility: nested objects', () => {
  const owner = (postalCode: Schema) =>
    closed({ owner: closed({ address: closed({ postalCode }) }) });
  table({
    'change a field three objects deep': {
      old: owner({ type: 'string', maxLength: 6 }),
      new: owner({ type: 'string', maxLength: 5 }),
      backward: [
        [
          '/owner/address/postalCode',
          'max-length-reduced',
          '/properties/owner/properties/address/properties/postalCode/maxLength',
        ],
      ],
      forward: ok,
    },
    'add a dependentSchemas rule': {
      old: closed({ category: { enum: ['car', 'motorcycle'] }, inspectionDue: string }),
      new: closed(
        { category: { enum: ['car', 'motorcycle'] }, inspectionDue: string },
        { dependentSchemas: { inspectionDue: { properties: { category: { const: 'car' } } } } },
      ),
      backward: [
        [
          '/category',
          'enum-value-removed',
          '/dependentSchemas/inspectionDue/properties/category/const',
        ],
      ],
      forward: ok,
    },
  });
});

describe('checkCompatibility: combinators', () => {
  table({
    'a constraint added in an allOf branch': {
      old: field({ allOf: [string] }),
      new: field({ allOf: [string, { maxLength: 8 }] }),
      backward: [['/x', 'max-length-reduced', '/properties/x/allOf/1/maxLength']],
      forward: ok,
    },
    'allOf folded into one schema says the same': {
      old: field({ allOf: [string, { maxLength: 8 }] }),
      new: field({ type: 'string', maxLength: 8 }),
      backward: ok,
      forward: ok,
    },
    'add an anyOf branch': {
      old: field({ anyOf: [string, integer] }),
      new: field({ anyOf: [string, integer, { type: 'null' }] }),
      backward: ok,
      forward: [['/x', 'type-widened']],
    },
    'remove an anyOf branch': {
      old: field({ anyOf: [string, integer] }),
      new: field({ anyOf: [string] }),
      backward: [['/x', 'type-narrowed']],
      forward: ok,
    },
    'anyOf of two types to a type list': {
      old: field({ anyOf: [string, integer] }),
      new: field({ type: ['integer', 'string'] }),
      backward: ok,
      forward: ok,
    },
    'add a branch to a oneOf of disjoint types': {
      old: field({ oneOf: [string, integer] }),
      new: field({ oneOf: [string, integer, { type: 'boolean' }] }),
      backward: ok,
      forward: [['/x', 'type-widened']],
    },
    'a oneOf whose branches may overlap cannot be proven': {
      old: field(string),
      new: field({ oneOf: [string, { type: 'string', maxLength: 5 }] }),
      backward: [['/x', 'unverifiable-change', '/properties/x/oneOf']],
      forward: ok,
    },
    'change a not': {
      old: field({ type: 'string', not: { const: 'n/a' } }),
      new: field({ type: 'string', not: { const: 'unknown' } }),
      backward: [['/x', 'unverifiable-change', '/properties/x/not']],
      forward: [['/x', 'unverifiable-change', '/properties/x/not']],
    },
    'a not whose forbidden values the old enum never had': {
      old: field({ enum: ['car', 'motorcycle'] }),
      new: field({ enum: ['car', 'motorcycle'], not: { const: 'truck' } }),
      backward: ok,
      forward: ok,
    },
    'forbid a property with not: {}': {
      old: closed({ make: string, inspectionDue: string }),
      new: closed({ make: string, inspectionDue: { not: {} } }),
      backward: [['/inspectionDue', 'property-forbidden', '/properties/inspectionDue']],
      forward: ok,
    },
    'add a conditional requirement (if/then)': {
      old: closed(
        { category: { enum: ['car', 'motorcycle'] }, vin: string },
        { required: ['category'] },
      ),
      new: closed(
        { category: { enum: ['car', 'motorcycle'] }, vin: string },
        {
          required: ['category'],
          if: { properties: { category: { const: 'car' } } },
          then: { required: ['vin'] },
        },
      ),
      backward: [['/vin', 'required-added', '/then/required']],
      forward: ok,
    },
    'drop a conditional requirement (if/then)': {
      old: closed(
        { category: { enum: ['car', 'motorcycle'] }, vin: string },
        {
          required: ['category'],
          if: { properties: { category: { const: 'car' } } },
          then: { required: ['vin'] },
        },
      ),
      new: closed(
        { category: { enum: ['car', 'motorcycle'] }, vin: string },
        { required: ['category'] },
      ),
      backward: ok,
      forward: [['/vin', 'required-removed']],
    },
  });
});

describe('checkCompatibility: annotations and references', () => {
  // A copy of address/1.json's place definitions, to compare with a $ref to them.
  const { province, khmerPlaceName, latinPlaceName } = schemaOf('address').$defs as Record<
    string,
    object
  >;
  const addressDefs = { province, khmerPlaceName, latinPlaceName };
  table({
    'descriptions, titles, examples, defaults, comments and x- annotations never matter': {
      old: field({ type: 'string', description: 'old', title: 'X' }),
      new: field({
        type: 'string',
        description: 'new',
        title: 'Y',
        examples: ['a'],
        default: 'a',
        $comment: 'why',
        'x-owner': 'transport',
      }),
      backward: ok,
      forward: ok,
    },
    'mark a different field as the subject': {
      old: closed({ nationalId: { ...string, 'x-spean-subject': true }, other: string }),
      new: closed({ nationalId: string, other: { ...string, 'x-spean-subject': true } }),
      backward: [
        ['/nationalId', 'subject-changed', '/properties/nationalId'],
        ['/other', 'subject-changed', '/properties/other'],
      ],
      forward: [
        ['/nationalId', 'subject-changed'],
        ['/other', 'subject-changed'],
      ],
    },
    'inline a definition instead of referring to it': {
      old: {
        ...field({ $ref: '#/$defs/code' }),
        $defs: { code: { type: 'string', maxLength: 4 } },
      },
      new: field({ type: 'string', maxLength: 4 }),
      backward: ok,
      forward: ok,
    },
    'change a definition every reference shares': {
      old: {
        ...closed({ make: { $ref: '#/$defs/text' }, model: { $ref: '#/$defs/text' } }),
        $defs: { text: { type: 'string', maxLength: 64 } },
      },
      new: {
        ...closed({ make: { $ref: '#/$defs/text' }, model: { $ref: '#/$defs/text' } }),
        $defs: { text: { type: 'string', maxLength: 32 } },
      },
      backward: [
        ['/make', 'max-length-reduced', '/$defs/text/maxLength'],
        ['/model', 'max-length-reduced', '/$defs/text/maxLength'],
      ],
      forward: ok,
    },
    'refer to a published shape in another schema instead of copying it': {
      old: { ...field({ $ref: '#/$defs/province' }), $defs: addressDefs },
      new: field({ $ref: 'https://spean.gov.kh/schemas/address/1.json#/$defs/province' }),
      backward: ok,
      forward: ok,
    },
    'a reference no resolver knows': {
      old: field(string),
      new: field({ $ref: 'https://spean.gov.kh/schemas/unknown/1.json#/$defs/code' }),
      backward: [['/x', 'unresolved-reference', '/properties/x/$ref']],
      forward: [['/x', 'unresolved-reference', '/properties/x/$ref']],
    },
    'a recursive schema, changed at its root': {
      old: {
        $defs: {
          node: closed({
            value: string,
            children: { type: 'array', items: { $ref: '#/$defs/node' } },
          }),
        },
        $ref: '#/$defs/node',
      },
      new: {
        $defs: {
          node: closed({
            value: { type: 'string', maxLength: 8 },
            children: { type: 'array', items: { $ref: '#/$defs/node' } },
          }),
        },
        $ref: '#/$defs/node',
      },
      // Found at the root and one level down; deeper levels repeat the same pair of schemas.
      backward: [
        ['/value', 'max-length-reduced', '/$defs/node/properties/value/maxLength'],
        ['/children/*/value', 'max-length-reduced', '/$defs/node/properties/value/maxLength'],
      ],
      forward: ok,
    },
  });
});

// ---------------------------------------------------------------------------
// Rows built from the repository's own schemas

describe('checkCompatibility: the canonical schemas', () => {
  const vehicle = schemaOf('vehicle-registration');
  const person = schemaOf('person');
  const business = schemaOf('business-registration');
  const civil = schemaOf('civil-event');
  const taxpayer = schemaOf('taxpayer');
  const land = schemaOf('land-title');
  const address = schemaOf('address');
  const envelope = schemaOf('envelope');

  table({
    'vehicle-registration v2 adds an optional fuelType': {
      old: vehicle,
      new: edited(vehicle, {
        '/properties/fuelType': {
          description: 'What the engine runs on, when the register records it.',
          enum: ['petrol', 'diesel', 'electric', 'hybrid'],
        },
      }),
      backward: ok,
      forward: [['/fuelType', 'property-added-to-closed-model', '/properties/fuelType']],
    },
    'vehicle-registration v2 requires colour and narrows year': {
      old: vehicle,
      new: edited(vehicle, {
        '/required': [...(vehicle.required as string[]), 'colour'],
        '/properties/year/minimum': 1950,
        '/properties/year/maximum': 2030,
      }),
      backward: [
        ['/colour', 'required-added', '/required'],
        ['/year', 'minimum-raised', '/properties/year/minimum'],
        ['/year', 'maximum-lowered', '/properties/year/maximum'],
      ],
      forward: ok,
    },
    'vehicle-registration v2 shortens every short text': {
      old: vehicle,
      new: edited(vehicle, { '/$defs/shortText/maxLength': 32 }),
      backward: [
        ['/make', 'max-length-reduced', '/$defs/shortText/maxLength'],
        ['/model', 'max-length-reduced', '/$defs/shortText/maxLength'],
        ['/colour', 'max-length-reduced', '/$defs/shortText/maxLength'],
      ],
      forward: ok,
    },
    'vehicle-registration v2 changes the VIN pattern cars must have': {
      old: vehicle,
      new: edited(vehicle, { '/allOf/0/then/properties/vin/pattern': '^[A-HJ-NPR-Z0-9]{16,17}$' }),
      backward: [['/vin', 'pattern-changed', '/allOf/0/then/properties/vin/pattern']],
      forward: [['/vin', 'pattern-changed', '/allOf/0/then/properties/vin/pattern']],
    },
    'vehicle-registration v2 lets motorcycles have an inspection date': {
      old: vehicle,
      new: edited(vehicle, { '/allOf/1': { description: 'no rule for motorcycles any more' } }),
      backward: ok,
      forward: [['/inspectionDueDate', 'property-allowed']],
    },
    'vehicle-registration v2 moves the subject from the owner to a new holder field': {
      old: vehicle,
      new: edited(vehicle, {
        '/properties/owner/properties/nationalId': { $ref: '#/$defs/nationalId' },
        '/properties/holder': {
          type: 'object',
          additionalProperties: false,
          properties: { nationalId: { $ref: '#/$defs/nationalId', 'x-spean-subject': true } },
        },
      }),
      backward: [
        ['/owner/nationalId', 'subject-changed', '/properties/owner/properties/nationalId'],
        ['/holder/nationalId', 'subject-changed', '/properties/holder/properties/nationalId'],
      ],
      forward: [
        ['/owner/nationalId', 'subject-changed'],
        ['/holder/nationalId', 'subject-changed'],
        ['/holder', 'property-added-to-closed-model', '/properties/holder'],
      ],
    },
    'person v2 drops idCardNumber and makes dateOfDeath possible for the living': {
      old: person,
      new: edited(person, {
        '/properties/idCardNumber': undefined,
        '/dependentSchemas': undefined,
      }),
      backward: [['/idCardNumber', 'property-removed', '/properties']],
      forward: [['/alive', 'enum-value-added']],
    },
    'person v2 no longer marks parents as related subjects': {
      old: person,
      new: edited(person, {
        '/$defs/parent/properties/nationalId/x-spean-related-subject': undefined,
      }),
      backward: [
        ['/parents/*/nationalId', 'subject-changed', '/$defs/parent/properties/nationalId'],
      ],
      forward: [
        ['/parents/*/nationalId', 'subject-changed', '/$defs/parent/properties/nationalId'],
      ],
    },
    'land-title v2 makes the second owner the subject': {
      old: land,
      new: edited(land, { '/properties/owners/x-spean-subject': '/1/nationalId' }),
      backward: [['/owners', 'subject-changed', '/properties/owners']],
      forward: [['/owners', 'subject-changed', '/properties/owners']],
    },
    'business-registration v2 rewords the owner its contains picks': {
      old: business,
      new: edited(business, { '/properties/people/contains/description': 'an owner' }),
      backward: ok,
      forward: ok,
    },
    'person v2 rewords every description': {
      old: person,
      new: edited(person, {
        '/description': 'A person.',
        '/properties/sex/description': 'Sex.',
        '/$defs/parent/title': 'ParentOfPerson',
      }),
      backward: ok,
      forward: ok,
    },
    'business-registration v2 adds a legal form': {
      old: business,
      new: edited(business, {
        '/properties/legalForm/enum': [
          ...(business.properties as Record<string, { enum: string[] }>).legalForm!.enum,
          'cooperative',
        ],
      }),
      backward: ok,
      forward: [['/legalForm', 'enum-value-added', '/properties/legalForm/enum']],
    },
    'business-registration v2 allows up to 5 roles a person and a share of 0': {
      old: business,
      new: edited(business, {
        '/$defs/person/properties/roles/maxItems': 5,
        '/$defs/share/properties/numerator/minimum': 0,
      }),
      backward: ok,
      forward: [
        ['/people/*/roles', 'max-items-increased', '/$defs/person/properties/roles/maxItems'],
        [
          '/people/*/share/numerator',
          'minimum-lowered',
          '/$defs/share/properties/numerator/minimum',
        ],
      ],
    },
    'civil-event v2 adds an adoption event type': {
      old: civil,
      new: edited(civil, {
        '/properties/eventType/enum': [
          'birth',
          'death',
          'marriage',
          'divorce',
          'change-of-address',
          'adoption',
        ],
      }),
      backward: ok,
      forward: [['/eventType', 'enum-value-added', '/properties/eventType/enum']],
    },
    'civil-event v2 requires a certificate number for a birth': {
      old: civil,
      new: edited(civil, { '/allOf/4/then/required': ['child', 'parents', 'certificateNumber'] }),
      backward: [['/certificateNumber', 'required-added', '/allOf/4/then/required']],
      forward: ok,
    },
    'taxpayer v2 drops the rule that only a closed registration has closedOn': {
      old: taxpayer,
      new: edited(taxpayer, { '/dependentSchemas/closedOn': undefined }),
      backward: ok,
      forward: [['/status', 'enum-value-added']],
    },
    'land-title v2 lets a title name 100 owners': {
      old: land,
      new: edited(land, { '/properties/owners/maxItems': 100 }),
      backward: ok,
      forward: [['/owners', 'max-items-increased', '/properties/owners/maxItems']],
    },
    'land-title v2 takes areas of zero square metres': {
      old: land,
      new: edited(land, {
        '/properties/areaSquareMetres/exclusiveMinimum': undefined,
        '/properties/areaSquareMetres/minimum': 0,
      }),
      backward: ok,
      forward: [['/areaSquareMetres', 'minimum-lowered', '/properties/areaSquareMetres/minimum']],
    },
    'address v2 accepts 5-digit postal codes only': {
      old: address,
      new: edited(address, { '/properties/postalCode/pattern': '^[0-9]{5}$' }),
      backward: [['/postalCode', 'pattern-changed', '/properties/postalCode/pattern']],
      forward: [['/postalCode', 'pattern-changed', '/properties/postalCode/pattern']],
    },
    'envelope v2 lets a delete carry a payload': {
      old: envelope,
      new: edited(envelope, { '/then': undefined }),
      backward: ok,
      forward: [['/payload', 'max-properties-increased']],
    },
  });
});

// ---------------------------------------------------------------------------

describe('checkCompatibility: transitive modes', () => {
  interface History {
    readonly versions: readonly object[];
    readonly mode: CompatibilityMode;
    readonly latestOnly: CompatibilityMode;
    readonly expected: ReadonlyArray<readonly [against: number, path: string, rule: string]>;
  }
  const histories: Record<string, History> = {
    'an enum value removed in v2 and not restored in v3': {
      versions: [
        field({ enum: ['active', 'suspended', 'closed'] }),
        field({ enum: ['active', 'suspended'] }),
        field({ enum: ['active', 'suspended', 'dormant'] }),
      ],
      mode: 'BACKWARD_TRANSITIVE',
      latestOnly: 'BACKWARD',
      expected: [[1, '/x', 'enum-value-removed']],
    },
    'a property dropped from a closed model in v2 and back with another type in v3': {
      versions: [
        closed({ make: string, colour: string }),
        closed({ make: string }),
        closed({ make: string, colour: integer }),
      ],
      mode: 'BACKWARD_TRANSITIVE',
      latestOnly: 'BACKWARD',
      expected: [[1, '/colour', 'type-narrowed']],
    },
    'a maxLength raised one step at a time': {
      versions: [
        field({ type: 'string', maxLength: 10 }),
        field({ type: 'string', maxLength: 20 }),
        field({ type: 'string', maxLength: 20 }),
      ],
      mode: 'FORWARD_TRANSITIVE',
      latestOnly: 'FORWARD',
      expected: [[1, '/x', 'max-length-increased']],
    },
    'an optional field added to a closed model, then kept': {
      versions: [
        closed({ make: string }),
        closed({ make: string, colour: string }),
        closed({ make: string, colour: string }),
      ],
      mode: 'FULL_TRANSITIVE',
      latestOnly: 'FULL',
      expected: [[1, '/colour', 'property-added-to-closed-model']],
    },
  };

  it.each(Object.entries(histories))('%s', (_name, history) => {
    const previous = history.versions.slice(0, -1).map((schema, i) => ({ version: i + 1, schema }));
    const candidate = { version: history.versions.length, schema: history.versions.at(-1)! };

    const latest = checkCompatibility({ mode: history.latestOnly, candidate, previous });
    expect(latest).toEqual({
      compatible: true,
      mode: history.latestOnly,
      checkedAgainst: [2],
      incompatibilities: [],
    });

    // Earlier versions may come in any order.
    const all = checkCompatibility({
      mode: history.mode,
      candidate,
      previous: [...previous].reverse(),
    });
    expect(all.compatible).toBe(false);
    expect(all.checkedAgainst).toEqual([1, 2]);
    expect(all.incompatibilities.map((i) => [i.against, i.path, i.rule])).toEqual(history.expected);
  });
});

describe('checkCompatibility: every canonical schema against itself', () => {
  it.each(real.map((entry) => [`${entry.recordType}/${entry.version}.json`, entry] as const))(
    '%s is FULL_TRANSITIVE compatible with an identical copy of itself',
    (_name, entry) => {
      // Copies, so that nothing is recognised as the very same object.
      const result = checkCompatibility({
        mode: 'FULL_TRANSITIVE',
        candidate: { version: 3, schema: structuredClone(entry.schema) },
        previous: [
          { version: 1, schema: structuredClone(entry.schema) },
          { version: 2, schema: edited(entry.schema, { '/description': 'Reworded.' }) },
        ],
        resolve,
      });
      expect(result).toEqual({
        compatible: true,
        mode: 'FULL_TRANSITIVE',
        checkedAgainst: [1, 2],
        incompatibilities: [],
      });
    },
  );
});

describe('the inclusion proof on the canonical schemas', () => {
  // With identical parts not recognised as such, every keyword of every
  // schema must be proven to follow from its copy: the reasoning itself, not
  // the shortcut, has to hold up on the real schemas (conditionals, not {},
  // contains, cross-file $refs).
  it.each(real.map((entry) => [`${entry.recordType}/${entry.version}.json`, entry] as const))(
    'proves %s includes a copy of itself, keyword by keyword, both ways',
    (_name, entry) => {
      for (const direction of ['backward', 'forward'] as const) {
        const graph = new SchemaGraph(resolve);
        const old = graph.side(entry.schema, 1, 'previous');
        const next = graph.side(structuredClone(entry.schema), 2, 'candidate');
        const checker = new SubsetChecker(
          graph,
          new SchemaEquivalence(graph),
          new ValueOracle(graph),
          { direction, oldVersion: 1, newVersion: 2, newSide: next.side },
          { useEquivalence: false },
        );
        const [a, b] = direction === 'backward' ? [old, next] : [next, old];
        expect(checker.check(a, b)).toEqual([]);
      }
    },
  );
});

describe('checkCompatibility: results', () => {
  const v1 = closed({ owner: closed({ name: string }) });
  const v2 = closed({ owner: closed({ name: string }, { required: ['name'] }) });

  it('explains an incompatibility to a steward, naming the field with dots', () => {
    const result = check('BACKWARD', v1, v2);
    expect(result.incompatibilities).toEqual([
      {
        path: '/owner/name',
        schemaPath: '/properties/owner/required',
        rule: 'required-added',
        direction: 'backward',
        against: 1,
        message:
          'Field owner.name is now required: records written with version 1 may lack it, so consumers on version 2 could not read them.',
      },
    ]);
  });

  it('names array items with brackets', () => {
    const items = (share: Schema) =>
      closed({ owners: { type: 'array', items: closed({ share }) } });
    const [issue] = check('BACKWARD', items({ type: 'number' }), items(integer)).incompatibilities;
    expect(issue?.path).toBe('/owners/*/share');
    expect(issue?.message).toMatch(/^Field owners\[\]\.share must now be an integer/);
  });

  it('says where a subject marker moved', () => {
    const land = schemaOf('land-title');
    const result = check(
      'FULL',
      land,
      edited(land, { '/properties/owners/x-spean-subject': '/1/nationalId' }),
    );
    expect(result.incompatibilities.map((issue) => issue.message)).toEqual([
      'Version 2 marks owners (at "/1/nationalId" below it) as the record’s subject (x-spean-subject), where version 1 marks owners (at "/0/nationalId" below it): consumers on versions 1 and 2 would not agree on which citizens a record is about.',
      'Version 2 marks owners (at "/1/nationalId" below it) as the record’s subject (x-spean-subject), where version 1 marks owners (at "/0/nationalId" below it): consumers on versions 1 and 2 would not agree on which citizens a record is about.',
    ]);
    expect(result.incompatibilities.map((issue) => issue.direction)).toEqual([
      'backward',
      'forward',
    ]);
  });

  it('says under which condition a conditional rule broke', () => {
    const civil = schemaOf('civil-event');
    const [issue] = check(
      'BACKWARD',
      civil,
      edited(civil, { '/allOf/5/then/required': ['spouse', 'certificateNumber'] }),
    ).incompatibilities;
    expect(issue).toMatchObject({
      path: '/certificateNumber',
      schemaPath: '/allOf/5/then/required',
      rule: 'required-added',
      message:
        'Field certificateNumber is now required (where the rule "A marriage or divorce names the other spouse." applies): records written with version 1 may lack it, so consumers on version 2 could not read them.',
    });
  });

  it('checks only the latest earlier version in a non-transitive mode', () => {
    const result = checkCompatibility({
      mode: 'BACKWARD',
      candidate: { version: 3, schema: v2 },
      previous: [
        { version: 2, schema: v2 },
        { version: 1, schema: v1 },
      ],
    });
    expect(result.checkedAgainst).toEqual([2]);
    expect(result.compatible).toBe(true);
  });

  it('is compatible when there is no earlier version', () => {
    expect(
      checkCompatibility({
        mode: 'FULL_TRANSITIVE',
        candidate: { version: 1, schema: v1 },
        previous: [],
      }),
    ).toEqual({
      compatible: true,
      mode: 'FULL_TRANSITIVE',
      checkedAgainst: [],
      incompatibilities: [],
    });
  });

  it('leaves out versions that are not earlier than the candidate', () => {
    const result = checkCompatibility({
      mode: 'BACKWARD_TRANSITIVE',
      candidate: { version: 2, schema: v2 },
      previous: [
        { version: 1, schema: v1 },
        { version: 3, schema: v1 },
      ],
    });
    expect(result.checkedAgainst).toEqual([1]);
  });

  it('defaults to BACKWARD_TRANSITIVE and describes every mode in one sentence', () => {
    expect(DEFAULT_COMPATIBILITY_MODE).toBe('BACKWARD_TRANSITIVE');
    for (const mode of COMPATIBILITY_MODES) {
      const sentence = describeMode(mode);
      expect(sentence).toMatch(/^[A-Z].*\.$/);
      expect(sentence.split('. ')).toHaveLength(1);
    }
  });
});
