// The gate every canonical record passes — at an adapter's intake and again
// before a consumer applies it: the envelope, the subject's national id, the
// record type and schema version, the payload against exactly that version's
// schema, and every national id the payload names for another citizen. A
// record comes out in NFC with the citizens it concerns, or with every issue
// found.

import { getNationalIdScheme, type CanonicalRecord, type NationalIdScheme } from '#spean/contracts';
import { dateIssues } from './date-rules.js';
import { checkInput, namesRefusedProperty } from './input-rules.js';
import { normaliseToNfc } from './nfc.js';
import type { NationalIdAt } from './national-id-locations.js';
import {
  defaultSchemaCatalog,
  USABLE_STATES,
  type CompiledSchema,
  type SchemaCatalog,
} from './schema-catalog.js';
import type { ValidationIssue } from './validation-issue.js';

export type RecordValidationResult =
  | {
      readonly ok: true;
      readonly record: CanonicalRecord;
      /**
       * The national ids of the other citizens the record concerns — co-owners,
       * directors, parents, a spouse (x-spean-related-subject) — each once and
       * without the subject; empty for a delete.
       */
      readonly relatedSubjects: string[];
      /** Set when the record's schema version is deprecated: accepted, but its publisher should move on. */
      readonly deprecated?: true;
    }
  | { readonly ok: false; readonly errors: ValidationIssue[] };

export interface RecordValidatorOptions {
  /** Defaults to the repository's schemas/ (defaultSchemaCatalog()). */
  catalog?: SchemaCatalog;
  /** Defaults to getNationalIdScheme(), the verhoeff10 scheme. */
  nationalIdScheme?: NationalIdScheme;
  /** Today, for the rule that a date of birth or an event is not in the future; the system clock unless told. */
  now?: () => Date;
}

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasIssueAt(issues: readonly ValidationIssue[], path: string): boolean {
  return issues.some((issue) => issue.path === path);
}

/** Whether one pointer leads to the other: the same field, or one within the other. */
function onOneBranch(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

/** `issues` without the schema's pattern failure at `issue.path`, and with `issue`. */
function withSchemeVerdict(
  issues: readonly ValidationIssue[],
  issue: ValidationIssue,
): readonly ValidationIssue[] {
  return [
    ...issues.filter((other) => !(other.path === issue.path && other.rule === 'pattern')),
    issue,
  ];
}

/** The distinct ids of `related`, in order, without the subject's. */
function othersThan(subjectId: unknown, related: readonly NationalIdAt[]): string[] {
  const ids = new Set<string>();
  for (const { value } of related) if (value !== subjectId) ids.add(value);
  return [...ids];
}

export class RecordValidator {
  private catalog: SchemaCatalog;
  private readonly scheme: NationalIdScheme;
  private readonly now: () => Date;

  constructor(options: RecordValidatorOptions = {}) {
    this.catalog = options.catalog ?? defaultSchemaCatalog();
    this.scheme = options.nationalIdScheme ?? getNationalIdScheme();
    this.now = options.now ?? (() => new Date());
  }

  /** The schema versions in force; swapped whole when the registry changes, never edited. */
  get schemas(): SchemaCatalog {
    return this.catalog;
  }

  useCatalog(catalog: SchemaCatalog): void {
    this.catalog = catalog;
  }

  /**
   * @param options.nfc the caller has already established that every string
   *   in `input` is NFC (see isNfcJson), so the walk that normalises it is skipped.
   * @param options.textChecked the caller has already established that no
   *   string in `input` breaks a character rule (see mayBreakTextRules).
   */
  validate(
    input: unknown,
    options: { nfc?: boolean; textChecked?: boolean } = {},
  ): RecordValidationResult {
    const record = options.nfc ? input : normaliseToNfc(input);
    // Depth and characters first: the schema checks recurse, and a path
    // through a refused property name must not be echoed.
    const checked = checkInput(record, { textChecked: options.textChecked });
    if (checked.tooDeep) return { ok: false, errors: [...checked.issues] };
    let issues = this.catalog.envelope.validate(record);
    if (!isObject(record)) return { ok: false, errors: [...issues] };

    issues = this.checkNationalId(record.subjectId, '/subjectId', issues);
    const found = this.payloadSchema(record, issues);
    let related: readonly NationalIdAt[] = [];
    if (found && 'rule' in found) {
      issues = [...issues, found];
    } else if (found && record.op === 'upsert' && isObject(record.payload)) {
      related = found.relatedSubjectsAt(record.payload);
      issues = this.checkPayload(record, record.payload, found, related, issues);
    }

    if (checked.issues.length > 0) {
      issues = [...issues.filter((issue) => !namesRefusedProperty(issue.path)), ...checked.issues];
    }
    if (issues.length > 0) return { ok: false, errors: [...issues] };
    return {
      ok: true,
      record: record as unknown as CanonicalRecord,
      relatedSubjects: othersThan(record.subjectId, related),
      ...(found && !('rule' in found) && found.state === 'deprecated'
        ? { deprecated: true as const }
        : {}),
    };
  }

  // The schema's pattern only says "10 digits"; the scheme knows which rule
  // the id breaks, so its verdict replaces the pattern's.
  private checkNationalId(
    id: unknown,
    path: string,
    issues: readonly ValidationIssue[],
  ): readonly ValidationIssue[] {
    if (typeof id !== 'string') return issues;
    const check = this.scheme.validate(id);
    if (check.valid) return issues;
    return withSchemeVerdict(issues, {
      path,
      rule: check.rule,
      message: `${path} ${check.message}`,
    });
  }

  /**
   * The payload's schema; or the issue saying why there is none; or nothing
   * when the envelope schema already rejected the type or version.
   */
  private payloadSchema(
    record: Fields,
    issues: readonly ValidationIssue[],
  ): CompiledSchema | ValidationIssue | undefined {
    const { recordType, schemaVersion } = record;
    if (typeof recordType !== 'string' || hasIssueAt(issues, '/recordType')) return undefined;
    if (!this.catalog.hasRecordType(recordType)) {
      const known = this.catalog.recordTypes().join(', ');
      return {
        path: '/recordType',
        rule: 'unknown-record-type',
        message: `/recordType is not a known record type (known: ${known})`,
      };
    }
    if (typeof schemaVersion !== 'number' || hasIssueAt(issues, '/schemaVersion')) return undefined;
    const schema = this.catalog.get(recordType, schemaVersion);
    if (schema && USABLE_STATES.includes(schema.state)) return schema;
    if (schema) {
      return {
        path: '/schemaVersion',
        rule: 'schema-version-not-active',
        message: `/schemaVersion names a version that is ${schema.state}, not active (usable: ${this.usableVersions(recordType)})`,
      };
    }
    const known = this.usableVersions(recordType);
    return {
      path: '/schemaVersion',
      rule: 'unknown-schema-version',
      message: `/schemaVersion is not a known version of this record type (usable: ${known})`,
    };
  }

  private usableVersions(recordType: string): string {
    return this.catalog
      .versions(recordType)
      .filter((version) => USABLE_STATES.includes(this.catalog.get(recordType, version)!.state))
      .join(', ');
  }

  private checkPayload(
    record: Fields,
    payload: Fields,
    schema: CompiledSchema,
    related: readonly NationalIdAt[],
    issues: readonly ValidationIssue[],
  ): readonly ValidationIssue[] {
    let payloadIssues = schema.validate(payload, '/payload');
    for (const { path, value } of related) {
      payloadIssues = this.checkNationalId(value, `/payload${path}`, payloadIssues);
    }
    const implausible = dateIssues(
      schema.recordType,
      payload,
      '/payload',
      payloadIssues,
      this.now(),
    );
    if (implausible.length > 0) payloadIssues = [...payloadIssues, ...implausible];
    const all = payloadIssues.length === 0 ? issues : [...issues, ...payloadIssues];
    const mismatch = this.subjectMismatch(record, payload, schema, issues, payloadIssues);
    return mismatch ? [...all, mismatch] : all;
  }

  /** The issue when the payload is about someone other than the record's subject. */
  private subjectMismatch(
    record: Fields,
    payload: Fields,
    schema: CompiledSchema,
    envelopeIssues: readonly ValidationIssue[],
    payloadIssues: readonly ValidationIssue[],
  ): ValidationIssue | undefined {
    const location = schema.subjectLocation;
    const { subjectId } = record;
    // Only two ids each valid on its own can contradict each other.
    if (!location || typeof subjectId !== 'string' || hasIssueAt(envelopeIssues, '/subjectId')) {
      return undefined;
    }
    if (schema.subjectCandidates(payload).some((candidate) => candidate.value === subjectId)) {
      return undefined;
    }
    const path = `/payload${location.anchor}`;
    // An issue on the way to the subject's place, or within it, already says what is wrong there.
    if (payloadIssues.some((issue) => onOneBranch(issue.path, path))) return undefined;
    const message =
      location.anchor === location.pointer
        ? `${path} must equal /subjectId: the record's subject is the one it is about`
        : `${path} must include the record's subject: the ${location.withinItem.slice(1)} of ${
            location.itemDescription ?? 'one of its items'
          } must equal /subjectId`;
    return { path, rule: 'subject-mismatch', message };
  }
}
