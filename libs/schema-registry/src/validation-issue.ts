// What a rejected record is told: one issue per broken rule, each naming the
// field by its JSON pointer and the rule by a stable code, with an English
// sentence for people. Messages never quote the offending value — it may be
// personal data, and issues end up in logs and dead letters.

import type { ErrorObject } from 'ajv/dist/2020.js';

export interface ValidationIssue {
  /** JSON pointer from the record's root, e.g. `/payload/dateOfBirth`; `` is the root itself. */
  readonly path: string;
  /**
   * A JSON Schema keyword (`required`, `format`, `pattern`, `additionalProperties`,
   * `enum`, `type` ...) or a rule checked in code (`check-digit`,
   * `unknown-record-type`, `subject-mismatch` ...).
   */
  readonly rule: string;
  readonly message: string;
}

/** Shared by every valid result, so that success allocates nothing. */
export const NO_ISSUES: readonly ValidationIssue[] = Object.freeze([]);

const FORMATS: Readonly<Record<string, string>> = {
  date: 'a date (YYYY-MM-DD)',
  'date-time': 'a date and time with a time zone offset (e.g. 2025-03-14T09:30:00+07:00)',
  time: 'a time with a time zone offset (e.g. 09:30:00+07:00)',
  uuid: 'a UUID',
  email: 'an email address',
  uri: 'an absolute URI',
};

const TYPES: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

export function escapeJsonPointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Names a pointer in a sentence. */
export function fieldLabel(path: string): string {
  return path === '' ? 'The record' : path;
}

function listOf(values: readonly unknown[]): string {
  return values
    .map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
    .join(', ');
}

function description(error: ErrorObject): string | undefined {
  const parent: unknown = error.parentSchema;
  if (typeof parent !== 'object' || parent === null) return undefined;
  const text = (parent as { description?: unknown }).description;
  return typeof text === 'string' ? text : undefined;
}

function propertyNames(error: ErrorObject): string {
  const properties = (error.parentSchema as { properties?: object } | undefined)?.properties;
  return properties ? Object.keys(properties).join(', ') : '';
}

// A required property under a then/else holds only when the `if` does: the
// block's description says when (e.g. "A birth names the child and at least one parent.").
function reasonOf(error: ErrorObject): string {
  if (!/\/(?:then|else)\/[^/]+$/.test(error.schemaPath)) return '';
  const text = description(error);
  return text ? `: ${text}` : '';
}

// A rule under dependentSchemas holds only when its trigger property is there.
function condition(error: ErrorObject): string {
  const trigger = /\/dependentSchemas\/([^/]+)\//.exec(error.schemaPath)?.[1];
  return trigger ? ` when ${trigger.replace(/~1/g, '/').replace(/~0/g, '~')} is present` : '';
}

function pathOf(error: ErrorObject, prefix: string): string {
  const { params } = error;
  if (error.keyword === 'required' || error.keyword === 'dependentRequired') {
    return `${prefix}${error.instancePath}/${escapeJsonPointer(String(params.missingProperty))}`;
  }
  if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') {
    const name = params.additionalProperty ?? params.unevaluatedProperty;
    return `${prefix}${error.instancePath}/${escapeJsonPointer(String(name))}`;
  }
  return `${prefix}${error.instancePath}`;
}

/** Keywords whose message is the limit the schema sets, after "<field> must". */
const LIMITS: Readonly<Record<string, (limit: string) => string>> = {
  minLength: (limit) => `be at least ${limit} characters long`,
  maxLength: (limit) => `be at most ${limit} characters long`,
  minimum: (limit) => `be at least ${limit}`,
  maximum: (limit) => `be at most ${limit}`,
  exclusiveMinimum: (limit) => `be greater than ${limit}`,
  exclusiveMaximum: (limit) => `be less than ${limit}`,
  formatMinimum: (limit) => `not be before ${limit}`,
  formatExclusiveMinimum: (limit) => `be after ${limit}`,
  formatMaximum: (limit) => `not be after ${limit}`,
  formatExclusiveMaximum: (limit) => `be before ${limit}`,
  minItems: (limit) => `have at least ${limit} items`,
  maxItems: (limit) => `have at most ${limit} items`,
};

// Built from the schema and the error's parameters only: `error.data` is the
// offending value and is never read.
function messageOf(error: ErrorObject, path: string): string {
  const at = fieldLabel(path);
  const { params } = error;
  const limit = Object.hasOwn(LIMITS, error.keyword) ? LIMITS[error.keyword] : undefined;
  if (limit) return `${at} must ${limit(String(params.limit))}`;
  switch (error.keyword) {
    case 'required':
      return `${at} is required${reasonOf(error)}`;
    case 'dependentRequired':
      return `${at} is required when ${String(params.property)} is present`;
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return `${at} is not an allowed property`;
    case 'type': {
      const types: string[] = Array.isArray(params.type) ? params.type : [String(params.type)];
      return `${at} must be ${types.map((type) => TYPES[type] ?? type).join(' or ')}`;
    }
    case 'format': {
      const format = String(params.format);
      return `${at} must be ${FORMATS[format] ?? `in the ${format} format`}`;
    }
    case 'pattern': {
      const text = description(error);
      return text
        ? `${at} does not have the required form: ${text}`
        : `${at} does not have the required form`;
    }
    case 'enum':
      return `${at} must be one of: ${listOf(params.allowedValues as unknown[])}`;
    case 'const':
      return `${at} must be ${listOf([params.allowedValue])}${condition(error)}`;
    case 'minProperties': {
      const names = propertyNames(error);
      return params.limit === 1 && names
        ? `${at} must have at least one of: ${names}`
        : `${at} must have at least ${params.limit} properties`;
    }
    case 'maxProperties':
      return params.limit === 0
        ? `${at} must be empty`
        : `${at} must have at most ${params.limit} properties`;
    case 'uniqueItems':
      return `${at} must not contain the same item twice`;
    case 'not': {
      // `not: {}` forbids a property; the schema that holds it says why.
      const text = description(error);
      return text ? `${at} is not allowed: ${text}` : `${at} is not allowed`;
    }
    case 'contains': {
      const text = (error.schema as { description?: unknown } | undefined)?.description;
      return typeof text === 'string'
        ? `${at} must include ${text}`
        : `${at} must include an item of the form its schema requires`;
    }
    case 'anyOf':
      return `${at} must match at least one of the forms its schema allows`;
    case 'oneOf':
      return `${at} must match exactly one of the forms its schema allows`;
    default:
      return `${at} ${error.message ?? 'is not valid'} (${error.keyword})`;
  }
}

const FORMAT_LIMITS: ReadonlySet<string> = new Set([
  'formatMinimum',
  'formatMaximum',
  'formatExclusiveMinimum',
  'formatExclusiveMaximum',
]);

// Keywords whose subschema errors describe what the data was never required
// to be: the branches of anyOf/oneOf, and the items contains tried in vain.
const ALTERNATIVES: ReadonlySet<string> = new Set(['anyOf', 'oneOf', 'contains']);

/**
 * Turns ajv's errors into issues, paths prefixed with `prefix` (a pointer).
 * An `if` error only says its `then` or `else` failed, and that failure is
 * reported on its own; the errors inside a failed `anyOf`, `oneOf` or
 * `contains` describe what the data was never meant to match everywhere, so
 * the keyword is reported once instead.
 */
export function toValidationIssues(
  errors: readonly ErrorObject[],
  prefix: string,
): ValidationIssue[] {
  const alternatives = errors
    .filter((error) => ALTERNATIVES.has(error.keyword))
    .map((error) => `${error.schemaPath}/`);
  const issues: ValidationIssue[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if (alternatives.some((schemaPath) => error.schemaPath.startsWith(schemaPath))) continue;
    const path = pathOf(error, prefix);
    issues.push({ path, rule: error.keyword, message: messageOf(error, path) });
  }
  // A value not in its format cannot be compared with a format limit; the format issue says it all.
  const unformatted = new Set(issues.filter((i) => i.rule === 'format').map((i) => i.path));
  return unformatted.size === 0
    ? issues
    : issues.filter((i) => !(FORMAT_LIMITS.has(i.rule) && unformatted.has(i.path)));
}
