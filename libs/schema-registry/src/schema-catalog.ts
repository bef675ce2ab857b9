// The canonical JSON Schemas as compiled validators. schemas/ is read at run
// time — the build copies no JSON into dist/ — and every schema is compiled
// once, at load, by one ajv instance: a broken schema stops the process at
// boot instead of rejecting records later, and validating costs only the
// generated code. Every schema is added before any is compiled, so a schema
// may $ref another published version by its $id (civil-event's newAddress is
// an address/1.json); both are immutable, so the reference is too.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type AnySchemaObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import {
  annotated,
  findLocations,
  nationalIdsAt,
  RELATED_SUBJECT_KEYWORD,
  SUBJECT_KEYWORD,
  type NationalIdAt,
  type NationalIdLocation,
  type SchemaDocuments,
} from './national-id-locations.js';
import { NO_ISSUES, toValidationIssues, type ValidationIssue } from './validation-issue.js';

// ajv-formats is CommonJS: under nodenext its default import is module.exports,
// which is the plugin and also carries it as `.default`.
const addFormats = addFormatsModule.default;

/** Every schema's $id is this base followed by `<recordType>/<version>.json`. */
export const SCHEMA_ID_BASE = 'https://spean.gov.kh/schemas/';

/** The folder of the envelope schema; not a record type. */
export const ENVELOPE = 'envelope';

const SCHEMA_FILE = /^([1-9][0-9]*)\.json$/;
const KEBAB_CASE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

const NO_IDS: readonly NationalIdAt[] = Object.freeze([]);

/**
 * Where a version is in its life: proposed (not yet usable), active,
 * deprecated (still accepted, with a warning), retired (no longer accepted),
 * rejected (never accepted).
 */
export type SchemaState = 'proposed' | 'active' | 'deprecated' | 'retired' | 'rejected';

/** States in which records of a version are accepted at intake and by consumers. */
export const USABLE_STATES: readonly SchemaState[] = ['active', 'deprecated'];

export interface CompiledSchema {
  readonly recordType: string;
  readonly version: number;
  readonly state: SchemaState;
  readonly id: string;
  readonly file: string;
  readonly schema: Readonly<AnySchemaObject>;
  /**
   * Where a payload names the record's subject (x-spean-subject), if the
   * schema marks it: `/nationalId` for a person, `/owners/0/nationalId` for a
   * land title, the nationalId of any owner among `/people` for a business.
   */
  readonly subjectLocation: NationalIdLocation | undefined;
  /** Where a payload names other citizens it concerns (x-spean-related-subject). */
  readonly relatedSubjectLocations: readonly NationalIdLocation[];
  /**
   * Issues for `data`, their paths prefixed with `prefix` (a JSON pointer);
   * the shared empty NO_ISSUES when it is valid.
   */
  validate(data: unknown, prefix?: string): readonly ValidationIssue[];
  /**
   * The ids at the subject's location, each with its pointer: one for a field,
   * any number when the subject is one of an array's items. Only string values.
   */
  subjectCandidates(payload: unknown): readonly NationalIdAt[];
  /** Every related subject's id with its pointer, once per pointer, in payload order. */
  relatedSubjectsAt(payload: unknown): readonly NationalIdAt[];
  /** The related subjects' national ids, each once, in payload order; a new array each call. */
  relatedSubjects(payload: unknown): string[];
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

export interface SchemaSource {
  readonly recordType: string;
  readonly version: number;
  /** Where it came from, for error messages: a file, or registry:<type>/<version>. */
  readonly file: string;
  readonly schema: AnySchemaObject;
  /** Files are active; the registry gives each version its own state. */
  readonly state?: SchemaState;
}

/** Every `<recordType>/<version>.json` under a schemas folder, the envelope included. */
export function readSchemaFiles(schemasDir: string): SchemaSource[] {
  const sources: SchemaSource[] = [];
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
      sources.push({ recordType, version, file, schema });
    }
  }
  return sources.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
  addFormats(ajv);
  ajv.addKeyword({
    keyword: SUBJECT_KEYWORD,
    schemaType: ['boolean', 'string'],
    // true on the field itself, or a relative JSON pointer to it
    metaSchema: { anyOf: [{ const: true }, { type: 'string', pattern: '^(?:/[^/]+)+$' }] },
  });
  ajv.addKeyword({
    keyword: RELATED_SUBJECT_KEYWORD,
    schemaType: 'boolean',
    metaSchema: { const: true },
  });
  return ajv;
}

function withFile<T>(file: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
}

function compiled(
  source: SchemaSource,
  validator: ValidateFunction,
  subjectLocation: NationalIdLocation | undefined,
  relatedSubjectLocations: readonly NationalIdLocation[],
): CompiledSchema {
  const subjectAt = subjectLocation ? [subjectLocation] : [];
  const hasRelated = relatedSubjectLocations.length > 0;
  return {
    recordType: source.recordType,
    version: source.version,
    state: source.state ?? 'active',
    id: source.schema.$id as string,
    file: source.file,
    schema: source.schema,
    subjectLocation,
    relatedSubjectLocations,
    validate(data: unknown, prefix = ''): readonly ValidationIssue[] {
      return validator(data) ? NO_ISSUES : toValidationIssues(validator.errors ?? [], prefix);
    },
    subjectCandidates(payload: unknown): readonly NationalIdAt[] {
      return subjectLocation ? nationalIdsAt(payload, subjectAt) : NO_IDS;
    },
    relatedSubjectsAt(payload: unknown): readonly NationalIdAt[] {
      return hasRelated ? nationalIdsAt(payload, relatedSubjectLocations) : NO_IDS;
    },
    relatedSubjects(payload: unknown): string[] {
      if (!hasRelated) return [];
      return [...new Set(nationalIdsAt(payload, relatedSubjectLocations).map((id) => id.value))];
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
    return SchemaCatalog.fromSources(readSchemaFiles(schemasDir), schemasDir);
  }

  /**
   * Compiles the given schema versions (the envelope among them) together, so
   * they may $ref each other. Throws, naming the source, on any schema that
   * does not compile or marks its subjects where no value can be read.
   */
  static fromSources(sources: readonly SchemaSource[], origin: string): SchemaCatalog {
    const schemasDir = origin;
    const ajv = newAjv();
    for (const source of sources) withFile(source.file, () => ajv.addSchema(source.schema));

    const byId = new Map(sources.map((source) => [source.schema.$id as string, source.schema]));
    const documents: SchemaDocuments = {
      get: (id) => byId.get(id),
      matcher(id, pointer) {
        const fragment = pointer.split('/').map(encodeURIComponent).join('/');
        const match = ajv.getSchema(`${id}#${fragment}`);
        if (!match) throw new Error(`no subschema at ${id}#${pointer}`);
        return (item) => match(item) === true;
      },
    };
    const reached = {
      [SUBJECT_KEYWORD]: new Set<unknown>(),
      [RELATED_SUBJECT_KEYWORD]: new Set<unknown>(),
    };

    const byType = new Map<string, Map<number, CompiledSchema>>();
    for (const source of sources) {
      const { file, recordType, version } = source;
      const id = source.schema.$id as string;
      const validator = withFile(file, () => ajv.getSchema(id)!);
      const [subject, ...more] = withFile(file, () =>
        findLocations(documents, id, SUBJECT_KEYWORD, reached[SUBJECT_KEYWORD]),
      );
      if (more.length > 0) {
        const places = [subject!, ...more].map((location) => location.pointer).join(', ');
        throw new Error(`${file}: more than one place is marked ${SUBJECT_KEYWORD} (${places})`);
      }
      const related = withFile(file, () =>
        findLocations(documents, id, RELATED_SUBJECT_KEYWORD, reached[RELATED_SUBJECT_KEYWORD]),
      );
      const versions = byType.get(recordType) ?? new Map<number, CompiledSchema>();
      versions.set(version, compiled(source, validator, subject, related));
      byType.set(recordType, versions);
    }

    // An annotation the walk never reached (under not, additionalProperties, an
    // if ...) names no place a value can be read from: refuse it rather than
    // let a subject go unchecked.
    for (const source of sources) {
      for (const keyword of [SUBJECT_KEYWORD, RELATED_SUBJECT_KEYWORD] as const) {
        for (const [pointer, node] of annotated(source.schema, keyword)) {
          if (!reached[keyword].has(node)) {
            throw new Error(
              `${source.file}#${pointer}: ${keyword} is not on a value a payload has in a fixed place (under properties, items, prefixItems or contains)`,
            );
          }
        }
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
