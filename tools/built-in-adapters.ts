// The five built-in adapters, registered and approved as the system so that
// `npm start` and the test stack work out of the box (and by an operator with
// `spean adapters approve-built-in`, e.g. for a compose deployment): each under its
// ministry's agency (created if new), publishing and consuming at every
// schema version the registry accepts (their definitions name record types,
// not versions). Idempotent: an adapter registered as it is already is left
// alone, and a steward's suspension or rejection is never overridden.
//
// Their signing keys too: given the adapters' public keys (read from, or
// made in, the key files the adapters will use — see builtInSigningKeys), each
// is proposed and approved, so what the built-in adapters sign is applied from
// their first record. A key a steward revoked is never approved again here.
import { createPublicKey, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { loadOrCreateSigningKey, signingKeyPath, type AdapterDefinition } from '#spean/adapter-sdk';
import {
  AdapterKeyService,
  AdapterRegistryRepository,
  AdapterRegistryService,
  type AdapterActor,
} from '#spean/adapter-registry';
import type { AuditLog } from '#spean/audit';
import { publicKeyPem } from '#spean/contracts';
import type { Database } from '#spean/persistence';
import { SchemaRegistryService } from '#spean/schema-registry';

/** The ministry (agency id) of each built-in adapter, as `npm start` registers its clients. */
export const BUILT_IN_AGENCY_IDS: Readonly<Record<string, string>> = {
  interior: 'moi',
  transport: 'mpwt',
  land: 'mlmupc',
  commerce: 'moc',
  tax: 'gdt',
};

const SYSTEM: AdapterActor = { clientId: 'system', agencyId: 'system', role: 'system' };
const REASON = 'built-in adapter, approved by the system at start-up';

export interface BuiltInRegistration {
  /** Registered or approved now. */
  changed: string[];
  /** Suspended or rejected by a steward: left as they are. */
  leftAlone: string[];
}

export async function registerBuiltInAdapters(
  database: Database,
  audit: AuditLog,
  definitions: readonly AdapterDefinition[],
  options: {
    environment?: 'development' | 'production' | 'test';
    /** Who registers and approves them (default: the system). */
    actor?: AdapterActor;
    reason?: string;
    /** Public keys of the adapters, by name, to propose and approve with them. */
    signingKeys?: Readonly<Record<string, KeyObject>>;
  } = {},
): Promise<BuiltInRegistration> {
  // Record types are checked against the schema registry, which the apps seed
  // when they start; on a fresh database that has not happened yet.
  await new SchemaRegistryService(database, {
    environment: options.environment ?? 'development',
    audit,
  }).bootstrap();
  const registry = new AdapterRegistryService(database, audit);
  const keys = new AdapterKeyService(database, audit);
  const repository = new AdapterRegistryRepository(database);
  const actor = options.actor ?? SYSTEM;
  const result: BuiltInRegistration = { changed: [], leftAlone: [] };
  for (const definition of definitions) {
    const agencyId = BUILT_IN_AGENCY_IDS[definition.name] ?? definition.name;
    await repository.ensureAgency(agencyId, definition.title);
    const existing = await repository.get(definition.name);
    if (existing?.state === 'suspended' || existing?.state === 'rejected') {
      result.leftAlone.push(definition.name);
      continue;
    }
    const registered = await registry.register(actor, {
      name: definition.name,
      agencyId,
      title: definition.title,
      publishes: definition.publishes.map((recordType) => ({ recordType })),
      consumes: (definition.reactions ?? []).map(({ recordType }) => ({ recordType })),
    });
    if (registered.state === 'pending') {
      await registry.approve(actor, definition.name, options.reason ?? REASON);
    }
    const publicKey = options.signingKeys?.[definition.name];
    if (publicKey) {
      const key = await keys.propose(actor, definition.name, publicKeyPem(publicKey));
      // Approved with no overlap for an older key: a built-in adapter signs with this one only.
      if (key.state === 'proposed') {
        await keys.approve(actor, key.keyId, options.reason ?? REASON, 0);
      }
    }
    const unchanged = existing?.registeredAt.getTime() === registered.registeredAt.getTime();
    if (!unchanged || registered.state === 'pending') result.changed.push(definition.name);
  }
  return result;
}

/**
 * The built-in adapters' public keys, from the key files under dataDir that
 * the adapters themselves use by default (each made now if absent, mode 0600).
 */
export async function builtInSigningKeys(
  dataDir: string,
  definitions: readonly AdapterDefinition[],
): Promise<Record<string, KeyObject>> {
  const keys: Record<string, KeyObject> = {};
  for (const { name } of definitions) {
    const file = signingKeyPath(path.resolve(dataDir), name);
    keys[name] = createPublicKey(await loadOrCreateSigningKey(file));
  }
  return keys;
}
