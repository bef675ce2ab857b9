// The gate every canonical record passes — at an adapter's intake and again
// before a consumer applies it: the envelope, the subject's national id, the
// record type and schema version, and the payload against exactly that
// version's schema. A record comes out in NFC, or with every issue found.

import { getNationalIdScheme, type CanonicalRecord, type NationalIdScheme } from '#spean/contracts';
import { normaliseToNfc } from './nfc.js';
import { defaultSchemaCatalog, type CompiledSchema, type SchemaCatalog } from './schema-catalog.js';
import { escapeJsonPointer, NO_ISSUES, type ValidationIssue } from './validation-issue.js';

export type RecordValidationResult =
  | { readonly ok: true; readonly record: CanonicalRecord }
  | { readonly ok: false; readonly errors: ValidationIssue[] };

export interface RecordValidatorOptions {
  /** Defaults to the repository's schemas/ (defaultSchemaCatalog()). */
  catalog?: SchemaCatalog;
  /** Defaults to getNationalIdScheme(), the verhoeff10 scheme. */
  nationalIdScheme?: NationalIdScheme;
}

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasIssueAt(issues: readonly ValidationIssue[], path: string): boolean {
  return issues.some((issue) => issue.path === path);
}

export class RecordValidator {
  private readonly catalog: SchemaCatalog;
  private readonly scheme: NationalIdScheme;

  constructor(options: RecordValidatorOptions = {}) {
    this.catalog = options.catalog ?? defaultSchemaCatalog();
    this.scheme = options.nationalIdScheme ?? getNationalIdScheme();
  }

  validate(input: unknown): RecordValidationResult {
    const record = normaliseToNfc(input);
    let issues = this.catalog.envelope.validate(record);
    if (!isObject(record)) return { ok: false, errors: [...issues] };

    issues = this.checkSubject(record, issues);
    const found = this.payloadSchema(record, issues);
    if (found && 'rule' in found) {
      issues = [...issues, found];
    } else if (found && record.op === 'upsert' && isObject(record.payload)) {
      issues = this.checkPayload(record, record.payload, found, issues);
    }

    return issues.length === 0
      ? { ok: true, record: record as unknown as CanonicalRecord }
      : { ok: false, errors: [...issues] };
  }

  // The schema's pattern only says "10 digits"; the scheme knows which rule
  // the id breaks, so its verdict replaces the pattern's.
  private checkSubject(
    record: Fields,
    issues: readonly ValidationIssue[],
  ): readonly ValidationIssue[] {
    const { subjectId } = record;
    if (typeof subjectId !== 'string') return issues;
    const check = this.scheme.validate(subjectId);
    if (check.valid) return issues;
    return [
      ...issues.filter((issue) => !(issue.path === '/subjectId' && issue.rule === 'pattern')),
      { path: '/subjectId', rule: check.rule, message: `/subjectId ${check.message}` },
    ];
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
    if (schema) return schema;
    const known = this.catalog.versions(recordType).join(', ');
    return {
      path: '/schemaVersion',
      rule: 'unknown-schema-version',
      message: `/schemaVersion is not a known version of this record type (known: ${known})`,
    };
  }

  private checkPayload(
    record: Fields,
    payload: Fields,
    schema: CompiledSchema,
    issues: readonly ValidationIssue[],
  ): readonly ValidationIssue[] {
    const payloadIssues = schema.validate(payload, '/payload');
    const all = payloadIssues === NO_ISSUES ? issues : [...issues, ...payloadIssues];
    const property = schema.subjectProperty;
    if (property === undefined) return all;
    const path = `/payload/${escapeJsonPointer(property)}`;
    const subject = payload[property];
    // Only two ids each valid on its own can contradict each other.
    if (
      typeof subject !== 'string' ||
      subject === record.subjectId ||
      hasIssueAt(issues, '/subjectId') ||
      hasIssueAt(payloadIssues, path)
    ) {
      return all;
    }
    return [
      ...all,
      {
        path,
        rule: 'subject-mismatch',
        message: `${path} must equal /subjectId: the record's subject is the one it is about`,
      },
    ];
  }
}
