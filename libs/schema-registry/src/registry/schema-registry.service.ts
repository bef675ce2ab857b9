// The registry's rules. Every record type has numbered, immutable versions;
// an integrator proposes one, and only a version compatible with the earlier
// ones (under the type's compatibility mode) may be proposed or approved; a
// steward approves or rejects it, deprecates it (publishers are warned, not
// refused) and finally retires it. Every change is logged with who and why,
// and announced so every process reloads its validators at once.
//
// schemas/ in the repository is the registry's seed: at boot each file not yet
// registered becomes an active version. A registered version never changes —
// except in development, where editing a file that is still being designed is
// normal and the new text replaces the old (with a warning in the log).
import { createHash } from 'node:crypto';
import type { AuditLog, AuditPerson } from '#spean/audit';
import type { Database } from '#spean/persistence';
import {
  checkCompatibility,
  COMPATIBILITY_MODES,
  diffSchemas,
  DEFAULT_COMPATIBILITY_MODE,
  isCompatibilityMode,
  type CompatibilityMode,
  type CompatibilityResult,
  type SchemaDiff,
} from '../compatibility/index.js';
import {
  ENVELOPE,
  findSchemasDir,
  readSchemaFiles,
  SchemaCatalog,
  SCHEMA_ID_BASE,
  type SchemaSource,
  type SchemaState,
} from '../schema-catalog.js';
import {
  SchemaRegistryException,
  SchemaRegistryExceptionCode as Code,
} from './schema-registry.exception.js';
import {
  SchemaRegistryRepository,
  type StoredSchemaVersion,
} from './schema-registry.repository.js';

export const SCHEMA_CHANNEL = 'spean_schemas';
const BOOTSTRAP_ACTOR = 'schemas/ (bootstrap)';

/**
 * Who changes the registry: "<agency>/<client>" from GraphQL, the bootstrap, or
 * an operator's name at the CLI — with, from GraphQL, the person acting
 * through the client when one signed in (the audit entry names them).
 */
export type SchemaActor = string | { id: string; person: AuditPerson | null };

function actorParts(actor: SchemaActor): { id: string; person: AuditPerson | null } {
  return typeof actor === 'string' ? { id: actor, person: null } : actor;
}
const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

export interface RegistryOptions {
  /** In production a changed file of a registered version stops the boot. */
  environment: 'development' | 'production' | 'test';
  /** Where every change is also appended, committed before the change is. */
  audit?: Pick<AuditLog, 'append'>;
  schemasDir?: string;
  log?: { warn(message: string): void };
}

export interface CompatibilityCheck extends CompatibilityResult {
  recordType: string;
  version: number;
}

export class SchemaRegistryService {
  readonly repository: SchemaRegistryRepository;
  private readonly schemasDir: string;

  constructor(
    private readonly db: Database,
    private readonly options: RegistryOptions,
  ) {
    this.repository = new SchemaRegistryRepository(db);
    this.schemasDir = options.schemasDir ?? findSchemasDir();
  }

  /** Registers every schema file not yet in the registry; safe to run from many processes at once. */
  async bootstrap(): Promise<{ registered: string[] }> {
    const files = readSchemaFiles(this.schemasDir).filter(
      (source) => source.recordType !== ENVELOPE,
    );
    const registered: string[] = [];
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7424712)');
      const repository = new SchemaRegistryRepository(tx);
      const stored = new Map(
        (await repository.versions()).map((row) => [`${row.recordType}/${row.version}`, row]),
      );
      for (const source of files) {
        const key = `${source.recordType}/${source.version}`;
        const fingerprint = fingerprintOf(source.schema);
        const existing = stored.get(key);
        if (!existing) {
          await repository.ensureSubject(source.recordType, BOOTSTRAP_ACTOR);
          await repository.insertVersion({
            recordType: source.recordType,
            version: source.version,
            schema: source.schema,
            fingerprint,
            state: 'active',
            actor: BOOTSTRAP_ACTOR,
            reason: `registered from ${key}.json at boot`,
          });
          await this.recordChange(
            repository,
            {
              recordType: source.recordType,
              version: source.version,
              action: 'bootstrap',
              actor: BOOTSTRAP_ACTOR,
              reason: `registered from ${key}.json`,
            },
            null,
          );
          registered.push(key);
        } else if (existing.fingerprint !== fingerprint) {
          if (this.options.environment === 'production') {
            throw new SchemaRegistryException(
              Code.IMMUTABLE,
              `schemas/${key}.json differs from registered version ${key}, and a registered version never changes: ` +
                'publish the change as a new version',
            );
          }
          this.options.log?.warn(
            `schemas/${key}.json changed: replacing the registered text (development only)`,
          );
          await repository.replaceSchema(
            source.recordType,
            source.version,
            source.schema,
            fingerprint,
          );
          await this.recordChange(
            repository,
            {
              recordType: source.recordType,
              version: source.version,
              action: 'bootstrap-replace',
              actor: BOOTSTRAP_ACTOR,
              reason: `schemas/${key}.json was edited (development mode)`,
            },
            null,
          );
          registered.push(key);
        }
      }
      if (registered.length > 0)
        await tx.query(`SELECT pg_notify('${SCHEMA_CHANNEL}', 'bootstrap')`);
    });
    return { registered };
  }

  /** Compiled validators for every version that is not rejected, with their states. */
  async loadCatalog(): Promise<SchemaCatalog> {
    return SchemaCatalog.fromSources(await this.sources(), 'the schema registry');
  }

  async list(recordType?: string): Promise<StoredSchemaVersion[]> {
    return this.repository.versions(recordType);
  }

  async get(recordType: string, version: number): Promise<StoredSchemaVersion> {
    const found = await this.repository.version(recordType, version);
    if (!found)
      throw new SchemaRegistryException(Code.NOT_FOUND, `${recordType} has no version ${version}`);
    return found;
  }

  async compatibilityMode(recordType: string): Promise<CompatibilityMode> {
    return (
      ((await this.repository.compatibility(recordType)) as CompatibilityMode | undefined) ??
      DEFAULT_COMPATIBILITY_MODE
    );
  }

  /** The dry run: would this schema be accepted as the next version? Nothing is saved. */
  async check(
    recordType: string,
    schema: unknown,
    mode?: CompatibilityMode,
  ): Promise<CompatibilityCheck> {
    this.checkName(recordType);
    const existing = await this.repository.versions(recordType);
    const version = Math.max(0, ...existing.map((row) => row.version)) + 1;
    const candidate = normalise(recordType, version, schema);
    await this.compile([
      {
        recordType,
        version,
        file: `proposal:${recordType}/${version}`,
        schema: candidate,
        state: 'proposed',
      },
    ]);
    const result = checkCompatibility({
      mode: mode ?? (await this.compatibilityMode(recordType)),
      candidate: { version, schema: candidate },
      previous: this.comparable(existing),
      resolve: await this.resolver(),
    });
    return { ...result, recordType, version };
  }

  /**
   * The change between any two registered versions (in either order), each
   * difference judged by the same checker that gates a new version.
   */
  async diff(recordType: string, from: number, to: number): Promise<SchemaDiff> {
    const versions = await this.repository.versions(recordType);
    if (versions.length === 0) {
      throw new SchemaRegistryException(
        Code.INVALID_INPUT,
        `recordType: ${JSON.stringify(recordType)} is not a registered record type`,
      );
    }
    const pick = (argument: string, version: number): StoredSchemaVersion => {
      const found = versions.find((row) => row.version === version);
      if (found) return found;
      throw new SchemaRegistryException(
        Code.INVALID_INPUT,
        `${argument}: ${recordType} has no version ${version} (it has ${versions.map((row) => row.version).join(', ')})`,
      );
    };
    const [older, newer] = [pick('from', from), pick('to', to)];
    return diffSchemas({
      mode: await this.compatibilityMode(recordType),
      from: { version: older.version, schema: older.schema },
      to: { version: newer.version, schema: newer.schema },
      resolve: await this.resolver(),
    });
  }

  async propose(
    by: SchemaActor,
    recordType: string,
    schema: unknown,
    reason: string,
  ): Promise<StoredSchemaVersion> {
    this.checkReason(reason);
    const { id: actor, person } = actorParts(by);
    const check = await this.check(recordType, schema);
    if (!check.compatible) {
      throw new SchemaRegistryException(
        Code.INCOMPATIBLE,
        `version ${check.version} of ${recordType} is not ${check.mode} compatible: ${check.incompatibilities.length} problem(s)`,
        { incompatibilities: check.incompatibilities },
      );
    }
    const candidate = normalise(recordType, check.version, schema);
    await this.db.transaction(async (tx) => {
      const repository = new SchemaRegistryRepository(tx);
      await repository.ensureSubject(recordType, actor);
      const inserted = await repository.insertVersion({
        recordType,
        version: check.version,
        schema: candidate,
        fingerprint: fingerprintOf(candidate),
        state: 'proposed',
        actor,
        reason,
      });
      if (!inserted) {
        throw new SchemaRegistryException(
          Code.WRONG_STATE,
          `version ${check.version} of ${recordType} was just proposed by someone else; check again`,
        );
      }
      await this.recordChange(
        repository,
        {
          recordType,
          version: check.version,
          action: 'propose',
          actor,
          reason,
        },
        person,
      );
      await tx.query(`SELECT pg_notify('${SCHEMA_CHANNEL}', $1)`, [recordType]);
    });
    return this.get(recordType, check.version);
  }

  /** proposed → active, after checking compatibility again against what is active now. */
  async approve(
    by: SchemaActor,
    recordType: string,
    version: number,
    reason: string,
  ): Promise<StoredSchemaVersion> {
    const proposal = await this.get(recordType, version);
    if (proposal.state !== 'proposed') {
      throw new SchemaRegistryException(
        Code.WRONG_STATE,
        `${recordType} version ${version} is ${proposal.state}; only a proposed version can be approved`,
      );
    }
    const existing = (await this.repository.versions(recordType)).filter(
      (row) => row.version !== version,
    );
    const result = checkCompatibility({
      mode: await this.compatibilityMode(recordType),
      candidate: { version, schema: proposal.schema },
      previous: this.comparable(existing),
      resolve: await this.resolver(),
    });
    if (!result.compatible) {
      throw new SchemaRegistryException(
        Code.INCOMPATIBLE,
        `${recordType} version ${version} is no longer ${result.mode} compatible with the active versions`,
        { incompatibilities: result.incompatibilities },
      );
    }
    return this.move(by, recordType, version, ['proposed'], 'active', 'approve', reason);
  }

  reject(
    by: SchemaActor,
    recordType: string,
    version: number,
    reason: string,
  ): Promise<StoredSchemaVersion> {
    return this.move(by, recordType, version, ['proposed'], 'rejected', 'reject', reason);
  }

  deprecate(
    by: SchemaActor,
    recordType: string,
    version: number,
    reason: string,
  ): Promise<StoredSchemaVersion> {
    return this.move(by, recordType, version, ['active'], 'deprecated', 'deprecate', reason);
  }

  retire(
    by: SchemaActor,
    recordType: string,
    version: number,
    reason: string,
  ): Promise<StoredSchemaVersion> {
    return this.move(by, recordType, version, ['deprecated'], 'retired', 'retire', reason);
  }

  async setCompatibility(
    by: SchemaActor,
    recordType: string,
    mode: string,
    reason: string,
  ): Promise<CompatibilityMode> {
    this.checkReason(reason);
    const { id: actor, person } = actorParts(by);
    if (!isCompatibilityMode(mode)) {
      throw new SchemaRegistryException(
        Code.INVALID_INPUT,
        `compatibility must be one of ${COMPATIBILITY_MODES.join(', ')}`,
      );
    }
    if (!(await this.repository.compatibility(recordType))) {
      throw new SchemaRegistryException(
        Code.NOT_FOUND,
        `${recordType} is not a registered record type`,
      );
    }
    await this.db.transaction(async (tx) => {
      const repository = new SchemaRegistryRepository(tx);
      await repository.setCompatibility(recordType, mode, actor);
      await this.recordChange(
        repository,
        {
          recordType,
          action: 'set-compatibility',
          actor,
          reason,
          details: { mode },
        },
        person,
      );
    });
    return mode as CompatibilityMode;
  }

  private async move(
    by: SchemaActor,
    recordType: string,
    version: number,
    from: readonly SchemaState[],
    to: SchemaState,
    action: string,
    reason: string,
  ): Promise<StoredSchemaVersion> {
    this.checkReason(reason);
    const { id: actor, person } = actorParts(by);
    const current = await this.get(recordType, version);
    await this.db.transaction(async (tx) => {
      const repository = new SchemaRegistryRepository(tx);
      if (!(await repository.transition(recordType, version, from, to, actor, reason))) {
        throw new SchemaRegistryException(
          Code.WRONG_STATE,
          `${recordType} version ${version} is ${current.state}; only a ${from.join(' or ')} version can be moved to ${to}`,
        );
      }
      await this.recordChange(repository, { recordType, version, action, actor, reason }, person);
      await tx.query(`SELECT pg_notify('${SCHEMA_CHANNEL}', $1)`, [recordType]);
    });
    return this.get(recordType, version);
  }

  /** The registry's own change log, and the audit log (its entry commits first). */
  private async recordChange(
    repository: SchemaRegistryRepository,
    change: Parameters<SchemaRegistryRepository['recordChange']>[0],
    person: AuditPerson | null,
  ): Promise<void> {
    await repository.recordChange(change);
    if (!this.options.audit) return;
    // Actors are "<agency>/<client>" from GraphQL, the bootstrap, or an operator at the CLI.
    const bootstrap = change.actor === BOOTSTRAP_ACTOR;
    const slash = change.actor.indexOf('/');
    const fromClient = !bootstrap && slash > 0;
    await this.options.audit.append({
      kind: 'schema-change',
      actorClient: fromClient ? change.actor.slice(slash + 1) : change.actor,
      actorAgency: fromClient ? change.actor.slice(0, slash) : bootstrap ? 'system' : 'operator',
      actorPerson: person,
      details: {
        recordType: change.recordType,
        version: change.version ?? null,
        action: change.action,
        reason: change.reason,
        ...((change.details ?? {}) as Record<string, string>),
      },
    });
  }

  /** Versions a new one must be compatible with: everything ever usable (not proposed or rejected). */
  private comparable(rows: StoredSchemaVersion[]): Array<{ version: number; schema: object }> {
    return rows
      .filter(
        (row) => row.state === 'active' || row.state === 'deprecated' || row.state === 'retired',
      )
      .map((row) => ({ version: row.version, schema: row.schema }));
  }

  private async sources(): Promise<SchemaSource[]> {
    const envelope = readSchemaFiles(this.schemasDir).filter(
      (source) => source.recordType === ENVELOPE,
    );
    const stored = (await this.repository.versions()).filter((row) => row.state !== 'rejected');
    return [
      ...envelope,
      ...stored.map((row) => ({
        recordType: row.recordType,
        version: row.version,
        file: `registry:${row.recordType}/${row.version}`,
        schema: row.schema,
        state: row.state,
      })),
    ];
  }

  /** Compiles the candidate with every registered schema, so a broken one is refused with ajv's reason. */
  private async compile(extra: SchemaSource[]): Promise<void> {
    try {
      SchemaCatalog.fromSources([...(await this.sources()), ...extra], 'the proposal');
    } catch (error) {
      throw new SchemaRegistryException(
        Code.INVALID_SCHEMA,
        `the schema does not compile: ${(error as Error).message}`,
      );
    }
  }

  private async resolver(): Promise<(id: string) => object | undefined> {
    const byId = new Map(
      (await this.sources()).map((source) => [
        source.schema.$id as string,
        source.schema as object,
      ]),
    );
    return (id) => byId.get(id);
  }

  private checkName(recordType: string): void {
    if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(recordType) || recordType === ENVELOPE) {
      throw new SchemaRegistryException(
        Code.INVALID_INPUT,
        'recordType must be kebab-case, e.g. vehicle-registration',
      );
    }
  }

  private checkReason(reason: string): void {
    if (typeof reason !== 'string' || reason.trim().length < 3) {
      throw new SchemaRegistryException(Code.INVALID_INPUT, 'reason must say why, in a few words');
    }
  }
}

/** The schema as it will be stored: its $id and $schema set from the type and version. */
function normalise(recordType: string, version: number, schema: unknown): Record<string, unknown> {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
    throw new SchemaRegistryException(Code.INVALID_SCHEMA, 'the schema must be a JSON object');
  }
  const given = schema as Record<string, unknown>;
  if (given.$schema !== undefined && given.$schema !== DRAFT_2020_12) {
    throw new SchemaRegistryException(Code.INVALID_SCHEMA, `$schema must be ${DRAFT_2020_12}`);
  }
  return {
    ...given,
    $schema: DRAFT_2020_12,
    $id: `${SCHEMA_ID_BASE}${recordType}/${version}.json`,
  };
}

export function fingerprintOf(schema: unknown): string {
  const canonical = JSON.stringify(schema, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
      : value,
  );
  return createHash('sha256').update(canonical).digest('hex');
}
