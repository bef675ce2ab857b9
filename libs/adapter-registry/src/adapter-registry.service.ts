// Registration and approval of adapters. An integrator (or a steward)
// registers an adapter of a ministry with the record types it publishes and
// consumes; a steward approves or rejects it with a reason, and may suspend it.
// Record types are checked against the schema registry. Every change is
// written under a row lock together with its audit entry — the change commits
// only once its entry is in the log — and announced on ADAPTER_CHANNEL, so
// running adapters apply it within moments, without a restart.
import { NAME_PATTERN, nameRule } from '#spean/contracts';
import { AccessDeniedException, type Person, type Role } from '#spean/access';
import type { AuditLog } from '#spean/audit';
import type { Database } from '#spean/persistence';
import { SchemaRegistryRepository } from '#spean/schema-registry';
import {
  describeRecordType,
  type AdapterRegistration,
  type NewAdapterRegistration,
  type RecordTypeRequest,
  type RecordTypeVersion,
} from './adapter-registration.js';
import {
  approveAll,
  normaliseEntries,
  rejectPending,
  reRegister,
  type RegistrationChange,
} from './adapter-permissions.js';
import {
  AdapterRegistryException,
  AdapterRegistryExceptionCode as Code,
} from './adapter-registry.exception.js';
import { AdapterRegistryRepository } from './adapter-registry.repository.js';
import {
  allow,
  appendRegistryEntry,
  invalid,
  optionalText,
  requiredText,
} from './registry-rules.js';

/**
 * Who makes a change: a client (by its role), an operator at the server's CLI,
 * or the system itself (built-in adapters at start-up).
 */
export interface AdapterActor {
  clientId: string;
  agencyId: string;
  role: Role | 'operator' | 'system';
  /** The person acting through the client, if one signed in. */
  person?: Person;
}

const REGISTRARS: ReadonlyArray<AdapterActor['role']> = [
  'integrator',
  'steward',
  'operator',
  'system',
];
const DECIDERS: ReadonlyArray<AdapterActor['role']> = ['steward', 'operator', 'system'];
/** Versions a new registration may name: not those a steward turned down or retired. */
const USABLE_STATES = new Set(['proposed', 'active', 'deprecated']);

export class AdapterRegistryService {
  private readonly repository: AdapterRegistryRepository;
  private readonly schemas: SchemaRegistryRepository;

  constructor(
    private readonly database: Database,
    private readonly audit: AuditLog,
  ) {
    this.repository = new AdapterRegistryRepository(database);
    this.schemas = new SchemaRegistryRepository(database);
  }

  list(): Promise<AdapterRegistration[]> {
    return this.repository.list();
  }

  async get(name: string): Promise<AdapterRegistration> {
    const found = await this.repository.get(name);
    if (!found) notFound(name);
    return found;
  }

  /**
   * Registers an adapter, or registers it again with changed record types or
   * title. Asking for a record type not yet approved makes it pending again;
   * what was approved before stays in force until a steward decides.
   * Registering again exactly what is registered changes nothing (and is not
   * logged again).
   */
  async register(actor: AdapterActor, input: NewAdapterRegistration): Promise<AdapterRegistration> {
    allow(actor, REGISTRARS, 'registering an adapter');
    const name = (input.name ?? '').trim();
    if (!NAME_PATTERN.test(name)) invalid('name', nameRule('name', 'transport'));
    const title = requiredText(input.title, 'title', 200);
    const reason = optionalText(input.reason, 'reason', 500);
    const agencyId = (input.agencyId ?? actor.agencyId).trim();
    if (actor.role === 'integrator' && agencyId !== actor.agencyId) {
      throw new AccessDeniedException(
        `an integrator registers only adapters of its own agency (${actor.agencyId}), not of ${agencyId}`,
      );
    }
    if (!(await this.repository.agencyExists(agencyId)))
      throw new AdapterRegistryException(
        Code.NOT_FOUND,
        `agency: no agency ${agencyId} is registered`,
        { field: 'agencyId' },
      );
    const publishes = await this.checkRecordTypes(input.publishes, 'publishes');
    const consumes = await this.checkRecordTypes(input.consumes, 'consumes');
    if (publishes.length + consumes.length === 0) {
      invalid('publishes', 'publishes and consumes: an adapter must name at least one record type');
    }

    return this.database.transaction(async (tx) => {
      const repository = new AdapterRegistryRepository(tx);
      const existing = await repository.get(name, true);
      if (existing && existing.agencyId !== agencyId) {
        throw new AdapterRegistryException(
          Code.CONFLICT,
          `name: adapter ${name} is registered to agency ${existing.agencyId}`,
          { field: 'name' },
        );
      }
      if (existing?.state === 'suspended') {
        throw new AdapterRegistryException(
          Code.WRONG_STATE,
          `adapter ${name} is suspended: only a steward’s approval lifts a suspension`,
          { field: 'name' },
        );
      }
      const change = reRegister(existing, { title, publishes, consumes });
      if (!change.changed) return existing!;
      const saved = await repository.upsert({
        name,
        agencyId,
        title,
        state: change.state,
        publishes: change.publishes,
        consumes: change.consumes,
        registeredBy: actor.clientId,
      });
      await appendRegistryEntry(this.audit, actor, {
        action: existing ? 're-registered' : 'registered',
        adapter: name,
        agency: agencyId,
        title,
        state: saved.state,
        ...entriesOf(change),
        ...(reason === null ? {} : { reason }),
      });
      await repository.notify(name);
      return saved;
    });
  }

  /** Approves everything the adapter asks for (a pending one, or a suspended one again). */
  approve(actor: AdapterActor, name: string, reason: string): Promise<AdapterRegistration> {
    return this.decide(actor, name, reason, 'approved', (registration) => {
      if (registration.state !== 'pending' && registration.state !== 'suspended') {
        wrongState(registration, 'approved: only a pending or suspended adapter can be');
      }
      return approveAll(registration);
    });
  }

  /**
   * Rejects a pending adapter; of an approved adapter's pending change, rejects
   * the change only (the adapter keeps what was approved before).
   */
  reject(actor: AdapterActor, name: string, reason: string): Promise<AdapterRegistration> {
    return this.decide(actor, name, reason, 'rejected', (registration) => {
      if (registration.state !== 'pending') {
        wrongState(registration, 'rejected: only a pending adapter or change can be');
      }
      return rejectPending(registration);
    });
  }

  /** Stops an adapter publishing and consuming anything, until a steward approves it again. */
  suspend(actor: AdapterActor, name: string, reason: string): Promise<AdapterRegistration> {
    return this.decide(actor, name, reason, 'suspended', (registration) => {
      if (registration.state !== 'approved' && registration.state !== 'pending') {
        wrongState(registration, 'suspended: only an approved or pending adapter can be');
      }
      return {
        state: 'suspended',
        publishes: registration.publishes,
        consumes: registration.consumes,
        changed: true,
      };
    });
  }

  private async decide(
    actor: AdapterActor,
    name: string,
    reason: string,
    action: 'approved' | 'rejected' | 'suspended',
    apply: (registration: AdapterRegistration) => RegistrationChange & { changeOnly?: boolean },
  ): Promise<AdapterRegistration> {
    allow(actor, DECIDERS, `an adapter's ${action === 'approved' ? 'approval' : action}`);
    const why = requiredText(reason, 'reason', 500);
    return this.database.transaction(async (tx) => {
      const repository = new AdapterRegistryRepository(tx);
      const registration = await repository.get(name, true);
      if (!registration) notFound(name);
      const change = apply(registration);
      const saved = await repository.decide(name, {
        state: change.state,
        publishes: change.publishes,
        consumes: change.consumes,
        decidedBy: actor.clientId,
        reason: why,
      });
      await appendRegistryEntry(this.audit, actor, {
        action: change.changeOnly ? 'change-rejected' : action,
        adapter: name,
        agency: registration.agencyId,
        state: saved.state,
        reason: why,
        ...entriesOf(change),
      });
      await repository.notify(name);
      return saved;
    });
  }

  /** Each entry names a record type the schema registry knows, and a version it holds (or none). */
  private async checkRecordTypes(
    entries: readonly RecordTypeRequest[] | undefined,
    field: 'publishes' | 'consumes',
  ): Promise<RecordTypeVersion[]> {
    if (entries === undefined || entries === null) return [];
    if (!Array.isArray(entries)) invalid(field, `${field} must be a list of record types`);
    const versions = new Map<string, Map<number, string>>();
    for (const row of await this.schemas.versions()) {
      if (!versions.has(row.recordType)) versions.set(row.recordType, new Map());
      versions.get(row.recordType)!.set(row.version, row.state);
    }
    const checked = entries.map((entry, i): RecordTypeVersion => {
      const at = `${field}[${i}]`;
      const recordType = typeof entry?.recordType === 'string' ? entry.recordType.trim() : '';
      const known = versions.get(recordType);
      if (!known) {
        invalid(
          `${at}.recordType`,
          `${at}.recordType: "${recordType}" is not a record type the schema registry knows (known: ${[
            ...versions.keys(),
          ]
            .sort()
            .join(', ')})`,
        );
      }
      const version = entry.schemaVersion ?? null;
      if (version === null) return { recordType, schemaVersion: null };
      if (!Number.isInteger(version) || version < 1) {
        invalid(
          `${at}.schemaVersion`,
          `${at}.schemaVersion must be a whole number from 1, or be left out for any version`,
        );
      }
      const state = known.get(version);
      if (!state || !USABLE_STATES.has(state)) {
        const usable = [...known].filter(([, s]) => USABLE_STATES.has(s)).map(([v]) => v);
        invalid(
          `${at}.schemaVersion`,
          `${at}.schemaVersion: ${recordType} has no ${state ? `${state} ` : ''}version ${version} an adapter may use (usable: ${usable.join(', ') || 'none'})`,
        );
      }
      return { recordType, schemaVersion: version };
    });
    return normaliseEntries(checked);
  }
}

function entriesOf(change: Pick<RegistrationChange, 'publishes' | 'consumes'>): {
  publishes: string[];
  consumes: string[];
  pending: string[];
} {
  const describe = (entries: RegistrationChange['publishes']): string[] =>
    entries.map(describeRecordType);
  return {
    publishes: describe(change.publishes),
    consumes: describe(change.consumes),
    pending: [
      ...change.publishes.filter((e) => !e.approved).map((e) => `publish ${describeRecordType(e)}`),
      ...change.consumes.filter((e) => !e.approved).map((e) => `consume ${describeRecordType(e)}`),
    ],
  };
}

function notFound(name: string): never {
  throw new AdapterRegistryException(Code.NOT_FOUND, `name: no adapter ${name} is registered`, {
    field: 'name',
  });
}

function wrongState(registration: AdapterRegistration, rule: string): never {
  throw new AdapterRegistryException(
    Code.WRONG_STATE,
    `adapter ${registration.name} is ${registration.state}; ${rule}`,
    { field: 'name' },
  );
}
