// Registration, approval and revocation of adapters' signing keys. An adapter
// proposes its public key on its first start (or an integrator or steward
// registers it); only a steward's approval makes it verify. Approving a new
// key of an adapter that already has one is a rotation: the old keys keep
// verifying for the overlap the steward gives, then stop. A revocation stops
// a key at once. Every change is written with its audit entry in one
// transaction and announced, so consumers apply it within moments.
import { AccessDeniedException } from '#spean/access';
import type { AuditLog } from '#spean/audit';
import { keyIdOf, NAME_PATTERN, publicKeyFromPem, publicKeyPem } from '#spean/contracts';
import type { Database } from '#spean/persistence';
import type { AdapterKey } from './adapter-key.js';
import { AdapterKeyRepository } from './adapter-key.repository.js';
import {
  AdapterRegistryException,
  AdapterRegistryExceptionCode as Code,
} from './adapter-registry.exception.js';
import { AdapterRegistryRepository } from './adapter-registry.repository.js';
import { allow, appendRegistryEntry, invalid, requiredText } from './registry-rules.js';
import type { AdapterActor } from './adapter-registry.service.js';

const PROPOSERS: ReadonlyArray<AdapterActor['role']> = [
  'integrator',
  'steward',
  'operator',
  'system',
];
const DECIDERS: ReadonlyArray<AdapterActor['role']> = ['steward', 'operator', 'system'];
/** Longest rotation overlap a steward may give: a key meant to end should end. */
export const MAX_OVERLAP_HOURS = 24 * 90;
/** The overlap when none is given: a day for every consumer to catch up with the old key's records. */
export const DEFAULT_OVERLAP_HOURS = 24;

export class AdapterKeyService {
  private readonly keys: AdapterKeyRepository;

  constructor(
    private readonly database: Database,
    private readonly audit: AuditLog,
  ) {
    this.keys = new AdapterKeyRepository(database);
  }

  list(adapter?: string): Promise<AdapterKey[]> {
    return this.keys.list(adapter);
  }

  /**
   * Proposes a public key (PEM) for an adapter; a key already known is
   * returned as it stands (proposing again is harmless, e.g. at every start).
   */
  async propose(actor: AdapterActor, adapter: string, pem: string): Promise<AdapterKey> {
    allow(actor, PROPOSERS, 'proposing an adapter key');
    if (!NAME_PATTERN.test(adapter))
      invalid('adapter', 'adapter must be an adapter name, e.g. transport');
    let publicKey;
    try {
      publicKey = publicKeyFromPem(pem);
    } catch {
      invalid('publicKey', 'publicKey must be an Ed25519 public key in PEM (SPKI) form');
    }
    const keyId = keyIdOf(publicKey);
    return this.database.transaction(async (tx) => {
      const keys = new AdapterKeyRepository(tx);
      if (actor.role === 'integrator') {
        const registration = await new AdapterRegistryRepository(tx).get(adapter);
        if (registration && registration.agencyId !== actor.agencyId) {
          throw new AccessDeniedException(
            `an integrator proposes keys only for adapters of its own agency (${actor.agencyId})`,
          );
        }
      }
      const existing = await keys.get(keyId, true);
      if (existing) {
        if (existing.adapter !== adapter) {
          throw new AdapterRegistryException(
            Code.CONFLICT,
            `publicKey: key ${keyId} is registered to adapter ${existing.adapter}; each adapter has keys of its own`,
            { field: 'publicKey' },
          );
        }
        return existing;
      }
      const saved = (await keys.propose({
        keyId,
        adapter,
        publicKey: publicKeyPem(publicKey),
        proposedBy: actor.clientId,
      }))!;
      await appendRegistryEntry(this.audit, actor, { action: 'key-proposed', adapter, keyId });
      await keys.notify(adapter);
      return saved;
    });
  }

  /**
   * Approves a proposed key. The adapter's other approved keys keep verifying
   * for `overlapHours` more (default a day; 0 ends them now), then stop.
   */
  async approve(
    actor: AdapterActor,
    keyId: string,
    reason: string,
    overlapHours: number = DEFAULT_OVERLAP_HOURS,
  ): Promise<AdapterKey> {
    allow(actor, DECIDERS, 'approving an adapter key');
    const why = requiredText(reason, 'reason', 500);
    if (!Number.isFinite(overlapHours) || overlapHours < 0 || overlapHours > MAX_OVERLAP_HOURS) {
      invalid(
        'overlapHours',
        `overlapHours must be a number of hours from 0 to ${MAX_OVERLAP_HOURS}`,
      );
    }
    return this.database.transaction(async (tx) => {
      const keys = new AdapterKeyRepository(tx);
      const key = await this.found(keys, keyId);
      if (key.state !== 'proposed') {
        wrongState(
          key,
          'approved: only a proposed key can be (propose a new key to replace a revoked one)',
        );
      }
      const saved = await keys.decide(keyId, {
        state: 'approved',
        decidedBy: actor.clientId,
        reason: why,
      });
      const until = new Date(Date.now() + overlapHours * 3_600_000);
      const ended = await keys.endOthers(key.adapter, keyId, until);
      await appendRegistryEntry(this.audit, actor, {
        action: 'key-approved',
        adapter: key.adapter,
        keyId,
        reason: why,
        replaced: ended,
        ...(ended.length > 0 ? { replacedUntil: until.toISOString() } : {}),
      });
      await keys.notify(key.adapter);
      return saved;
    });
  }

  /** Revokes a key: from this moment it verifies nothing, whatever its state was. */
  async revoke(actor: AdapterActor, keyId: string, reason: string): Promise<AdapterKey> {
    allow(actor, DECIDERS, 'revoking an adapter key');
    const why = requiredText(reason, 'reason', 500);
    return this.database.transaction(async (tx) => {
      const keys = new AdapterKeyRepository(tx);
      const key = await this.found(keys, keyId);
      if (key.state === 'revoked') wrongState(key, 'revoked: it already is');
      const saved = await keys.decide(keyId, {
        state: 'revoked',
        decidedBy: actor.clientId,
        reason: why,
      });
      await appendRegistryEntry(this.audit, actor, {
        action: 'key-revoked',
        adapter: key.adapter,
        keyId,
        reason: why,
        was: key.state,
      });
      await keys.notify(key.adapter);
      return saved;
    });
  }

  private async found(keys: AdapterKeyRepository, keyId: string): Promise<AdapterKey> {
    const key = typeof keyId === 'string' ? await keys.get(keyId.trim(), true) : undefined;
    if (!key) {
      throw new AdapterRegistryException(
        Code.NOT_FOUND,
        `keyId: no adapter key ${String(keyId)} is registered`,
        { field: 'keyId' },
      );
    }
    return key;
  }
}

function wrongState(key: AdapterKey, rule: string): never {
  throw new AdapterRegistryException(
    Code.WRONG_STATE,
    `key ${key.keyId} of adapter ${key.adapter} is ${key.state}; ${rule}`,
    { field: 'keyId' },
  );
}
