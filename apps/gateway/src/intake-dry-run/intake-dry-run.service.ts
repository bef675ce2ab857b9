// The intake dry run: records checked exactly as an adapter's intake checks
// them (prepareRecords, the adapter SDK's own step), against one record type
// and version, publishing and storing nothing. Integrators may try any record
// type; an adapter's client only those its adapter is approved to publish.
// Each run, and each refusal, is audited with counts only: the records are
// personal data and are neither kept nor logged.
import {
  auditActor,
  AccessDeniedException,
  requireRole,
  type Principal,
  type Role,
} from '#spean/access';
import { mayPublish, type AdapterRegistryService } from '#spean/adapter-registry';
import { prepareRecords, type RecordIssue } from '#spean/adapter-sdk';
import type { AuditLog } from '#spean/audit';
import type { RecordValidator, SchemaRegistryService } from '#spean/schema-registry';
import {
  ConsoleQueryException,
  ConsoleQueryExceptionCode,
} from '../console-queries/console-query.exception.js';

export const DRY_RUN_ROLES: readonly Role[] = ['integrator', 'adapter'];
/** A console's dry run answers in one response; bigger batches belong to the adapter's own /dry-run. */
export const MAX_DRY_RUN_RECORDS = 1000;
/** The source a record is checked as when an integrator leaves it out: any registered name will do. */
const INTEGRATOR_SOURCE = 'dry-run';

export interface IntakeDryRunResult {
  recordType: string;
  version: number;
  valid: number;
  invalid: number;
  issues: RecordIssue[];
}

export class IntakeDryRunService {
  constructor(
    private readonly validator: Pick<RecordValidator, 'validate'>,
    private readonly schemas: Pick<SchemaRegistryService, 'list'>,
    private readonly adapters: Pick<AdapterRegistryService, 'list'>,
    private readonly audit: Pick<AuditLog, 'append'>,
  ) {}

  async dryRun(
    principal: Principal,
    recordType: string,
    version: number,
    records: string,
  ): Promise<IntakeDryRunResult> {
    await this.authorise(principal, recordType, version);
    await this.checkVersion(recordType, version);
    const inputs = parseRecords(records);
    const issues: RecordIssue[] = [];
    inputs.forEach((input, index) => {
      const found = this.check(principal, input, recordType, version);
      issues.push(...found.map((issue) => ({ ...issue, index })));
    });
    const invalid = new Set(issues.map((issue) => issue.index)).size;
    await this.record(principal, recordType, version, {
      outcome: 'checked',
      records: inputs.length,
      invalid,
    });
    return { recordType, version, valid: inputs.length - invalid, invalid, issues };
  }

  /** One record's problems; its type and version are the arguments' unless it names others. */
  private check(principal: Principal, input: unknown, recordType: string, version: number) {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      return prepareRecords([input], INTEGRATOR_SOURCE, this.validator).issues;
    }
    const record: Record<string, unknown> = {
      recordType,
      schemaVersion: version,
      ...(input as Record<string, unknown>),
    };
    const mismatch = [
      ['/recordType', recordType, record.recordType],
      ['/schemaVersion', version, record.schemaVersion],
    ].find(([, wanted, given]) => wanted !== given);
    if (mismatch) {
      const [path, wanted] = mismatch as [string, unknown];
      const message = `${path} must be ${JSON.stringify(wanted)}, as the dry run was asked for (or be left out)`;
      return [{ index: 0, path, rule: 'dry-run-target', message }];
    }
    const source =
      principal.adapter ?? (typeof record.source === 'string' ? record.source : INTEGRATOR_SOURCE);
    return prepareRecords([record], source, this.validator).issues;
  }

  private async authorise(principal: Principal, recordType: string, version: number) {
    try {
      requireRole(principal, DRY_RUN_ROLES, 'dryRunIntake');
    } catch (error) {
      if (error instanceof AccessDeniedException) {
        await this.record(principal, recordType, version, { outcome: 'refused' });
      }
      throw error;
    }
    if (principal.role !== 'adapter') return;
    const adapter = principal.adapter ?? '';
    const registration = (await this.adapters.list()).find((entry) => entry.name === adapter);
    const permission = mayPublish(registration, adapter, recordType, version);
    if (permission.allowed) return;
    await this.record(principal, recordType, version, { outcome: 'refused' });
    throw new ConsoleQueryException(ConsoleQueryExceptionCode.NOT_APPROVED, permission.reason);
  }

  private async checkVersion(recordType: string, version: number): Promise<void> {
    const versions = await this.schemas.list(recordType);
    if (versions.length === 0) {
      invalid(
        'recordType',
        `recordType: ${JSON.stringify(recordType)} is not a registered record type`,
      );
    }
    if (!versions.some((row) => row.version === version)) {
      const known = versions.map((row) => row.version).join(', ');
      invalid('version', `version: ${recordType} has no version ${version} (it has ${known})`);
    }
  }

  private record(
    principal: Principal,
    recordType: string,
    version: number,
    outcome: { outcome: 'checked' | 'refused'; records?: number; invalid?: number },
  ): Promise<unknown> {
    return this.audit.append({
      kind: 'intake-dry-run',
      ...auditActor(principal),
      details: { recordType, version, role: principal.role, ...outcome },
    });
  }
}

function invalid(argument: string, message: string): never {
  throw new ConsoleQueryException(ConsoleQueryExceptionCode.INVALID_ARGUMENT, message, argument);
}

/** `records` as JSON text: one canonical record or an array of them. */
function parseRecords(text: string): unknown[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    invalid('records', 'records: must be JSON text, a canonical record or an array of them');
  }
  const inputs = Array.isArray(json) ? json : [json];
  if (inputs.length === 0) invalid('records', 'records: the array holds no records');
  if (inputs.length > MAX_DRY_RUN_RECORDS) {
    invalid(
      'records',
      `records: at most ${MAX_DRY_RUN_RECORDS} records in one dry run; split them`,
    );
  }
  return inputs;
}
