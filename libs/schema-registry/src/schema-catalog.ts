// The canonical JSON Schemas as compiled validators. schemas/ is read at run
// time — the build copies no JSON into dist/ — and every schema is compiled
// once, at load, by one ajv instance: a broken schema stops the process at
// boot instead of rejecting records later, and validating costs only the
// generated code.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type AnySchemaObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { NO_ISSUES, toValidationIssues, type ValidationIssue } from './validation-issue.js';

// ajv-formats is CommonJS: under nodenext its default import is module.exports,
// which is the plugin and also carries it as `.default`.
const addFormats = addFormatsModule.default;

/** Every schema's $id is this base followed by `<recordType>/<version>.json`. */
export const SCHEMA_ID_BASE = 'https://spean.gov.kh/schemas/';

/** The folder of the envelope schema; not a record type. */
export const ENVELOPE = 'envelope';

/**
 * An annotation on a payload property: its value is the record's subject and
 * must equal the envelope's subjectId (a person record's nationalId).
 */
export const SUBJECT_KEYWORD = 'x-spean-subject';

const SCHEMA_FILE = /^([1-9][0-9]*)\.json$/;
const KEBAB_CASE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

export interface CompiledSchema {
  readonly recordType: string;
  readonly version: number;
  readonly id: string;
  readonly file: string;
  readonly schema: Readonly<AnySchemaObject>;
  /** The property marked with x-spean-subject, if the schema has one. */
  readonly subjectProperty: string | undefined;
  /**
   * Issues for `data`, their paths prefixed with `prefix` (a JSON pointer);
   * the shared empty NO_ISSUES when it is valid.
   */
  validate(data: unknown, prefix?: string): readonly ValidationIssue[];
}

export interface SchemaCatalogOptions {
  /** The schemas/ folder; by default the one at the repository root. */
  schemasDir?: string;
}

/**
 * The repository's schemas/ folder, found by walking up from `from`: this
 * module sits at libs/schema-registry/src/ when run from source and at
 * dist/libs/schema-registry/src/ when compiled.
 */
export function findSchemasDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'schemas');
    if (existsSync(join(candidate, ENVELOPE, '1.json'))) return candidate;
    if (dirname(dir) === dir) {
      throw new Error(`No schemas/ folder with an envelope schema above ${from}; pass schemasDir`);
    }
  }
}

function subjectPropertyOf(schema: AnySchemaObject, file: string): string | undefined {
  const properties = (schema.properties ?? {}) as Record<string, AnySchemaObject>;
  const marked = Object.keys(properties).filter(
    (name) => properties[name]?.[SUBJECT_KEYWORD] === true,
  );
  if (marked.length > 1)
    throw new Error(`${file}: more than one property is marked ${SUBJECT_KEYWORD}`);
  return marked[0];
}

function compiled(
  recordType: string,
  version: number,
  file: string,
  schema: AnySchemaObject,
  validator: ValidateFunction,
): CompiledSchema {
  return {
    recordType,
    version,
    id: schema.$id as string,
    file,
    schema,
    subjectProperty: subjectPropertyOf(schema, file),
    validate(data: unknown, prefix = ''): readonly ValidationIssue[] {
      return validator(data) ? NO_ISSUES : toValidationIssues(validator.errors ?? [], prefix);
    },
  };
}

export class SchemaCatalog {
  readonly schemasDir: string;
  /** The newest envelope schema: the envelope only ever changes compatibly. */
  readonly envelope: CompiledSchema;
  private readonly byType: ReadonlyMap<string, ReadonlyMap<number, CompiledSchema>>;
  private readonly types: readonly string[];

  private constructor(schemasDir: string, byType: Map<string, Map<number, CompiledSchema>>) {
    this.schemasDir = schemasDir;
    const envelopes = byType.get(ENVELOPE);
    if (!envelopes) throw new Error(`${schemasDir}: no ${ENVELOPE}/<version>.json schema`);
    this.envelope = envelopes.get(Math.max(...envelopes.keys()))!;
    byType.delete(ENVELOPE);
    this.byType = byType;
    this.types = [...byType.keys()].sort();
  }

  /** Reads and compiles every `<recordType>/<version>.json` under the schemas folder. */
  static load(options: SchemaCatalogOptions = {}): SchemaCatalog {
    const schemasDir = resolve(options.schemasDir ?? findSchemasDir());
    const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
    addFormats(ajv);
    ajv.addKeyword({ keyword: SUBJECT_KEYWORD, schemaType: 'boolean' });

    const byType = new Map<string, Map<number, CompiledSchema>>();
    for (const entry of readdirSync(schemasDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const recordType = entry.name;
      if (!KEBAB_CASE.test(recordType)) {
        throw new Error(`${schemasDir}/${recordType}: a record type folder is named in kebab-case`);
      }
      for (const name of readdirSync(join(schemasDir, recordType))) {
        const match = SCHEMA_FILE.exec(name);
        if (!match) continue;
        const version = Number(match[1]);
        const file = join(schemasDir, recordType, name);
        const schema = JSON.parse(readFileSync(file, 'utf8')) as AnySchemaObject;
        const expectedId = `${SCHEMA_ID_BASE}${recordType}/${version}.json`;
        if (schema.$id !== expectedId) throw new Error(`${file}: $id must be ${expectedId}`);
        if (schema.$schema !== DRAFT_2020_12)
          throw new Error(`${file}: $schema must be ${DRAFT_2020_12}`);
        const versions = byType.get(recordType) ?? new Map<number, CompiledSchema>();
        versions.set(version, compiled(recordType, version, file, schema, ajv.compile(schema)));
        byType.set(recordType, versions);
      }
    }
    return new SchemaCatalog(schemasDir, byType);
  }

  /** Record types with at least one schema version, sorted; the envelope is not one. */
  recordTypes(): readonly string[] {
    return this.types;
  }

  hasRecordType(recordType: string): boolean {
    return this.byType.has(recordType);
  }

  /** The versions of a record type, ascending; empty for an unknown type. */
  versions(recordType: string): number[] {
    return [...(this.byType.get(recordType)?.keys() ?? [])].sort((a, b) => a - b);
  }

  latestVersion(recordType: string): number | undefined {
    const versions = this.versions(recordType);
    return versions[versions.length - 1];
  }

  get(recordType: string, version: number): CompiledSchema | undefined {
    return this.byType.get(recordType)?.get(version);
  }
}

let shared: SchemaCatalog | undefined;

/** The catalog of the repository's schemas/, loaded on first use and then shared. */
export function defaultSchemaCatalog(): SchemaCatalog {
  shared ??= SchemaCatalog.load();
  return shared;
}
