// The life of a credential: created, rotated, revoked — through GraphQL or the
// CLI, one path for both. Each change checks who asks (client-policy.ts), is
// made in one transaction, and is appended to the audit log before that
// transaction commits: if the audit entry cannot be written, the change is
// rolled back and reported as failed. Audit details carry ids, names and
// reasons, never a secret; a citizen's national id goes only in subjectId.
import type { AuditEntryInput } from '#spean/audit';
import type { NationalIdScheme } from '#spean/contracts';
import type { Database } from '#spean/persistence';
import { newClientId } from './client-credentials.service.js';
import { ClientException, ClientExceptionCode } from './client.exception.js';
import {
  auditActorOf,
  authoriseCreate,
  authoriseCreating,
  authoriseListing,
  authoriseManage,
  authoriseManaging,
  validateNewClient,
  validateOverlapHours,
  maskNationalId,
  validateReason,
  type CredentialActor,
  type NewClientInput,
} from './client-policy.js';
import { ClientRepository, type ClientRow } from './client.repository.js';
import type { CredentialSettings } from './credential-settings.js';
import { hashSecret, newClientSecret } from './secret-hasher.js';

/** Where credential changes are recorded (the AuditLog). */
export interface CredentialAuditLog {
  append(entry: AuditEntryInput): Promise<unknown>;
}

/** A secret as handed out once, on creation or rotation. */
export interface IssuedSecret {
  clientId: string;
  clientSecret: string;
  /** After a rotation: until when the previous secret still works (null: it no longer does). */
  previousSecretValidUntil: Date | null;
}

/** A client as lists show it: no secret, and a citizen's national id masked. */
export interface ClientSummary extends Omit<ClientRow, 'nationalId'> {
  /** For a citizen client: the national id's last three digits, the rest starred. */
  maskedNationalId: string | null;
}

export class ClientAdministrationService {
  constructor(
    private readonly db: Database,
    private readonly audit: CredentialAuditLog,
    private readonly nationalIds: NationalIdScheme,
    private readonly settings: CredentialSettings,
  ) {}

  async list(actor: CredentialActor, agencyId?: string): Promise<ClientSummary[]> {
    const agency = authoriseListing(actor, agencyId);
    return (await new ClientRepository(this.db).listClients(agency)).map(summarise);
  }

  async create(actor: CredentialActor, input: NewClientInput): Promise<IssuedSecret> {
    authoriseCreating(actor);
    const client = validateNewClient(input, this.nationalIds);
    // Hashing is slow on purpose: done before the transaction holds any lock.
    const clientSecret = newClientSecret();
    const secretHash = await hashSecret(clientSecret);
    const clientId = newClientId(client.agencyId, client.role);
    await this.db.transaction(async (tx) => {
      const clients = new ClientRepository(tx);
      const agency = await clients.findAgency(client.agencyId);
      authoriseCreate(actor, client, {
        renamesAgency: Boolean(agency && client.agencyName && agency.name !== client.agencyName),
        adapterAgency: client.adapter
          ? await clients.approvedAdapterAgency(client.adapter)
          : undefined,
      });
      if (!agency && !client.agencyName)
        throw new ClientException(
          ClientExceptionCode.INVALID_INPUT,
          `agencyName is required: there is no agency ${client.agencyId} yet`,
          { field: 'agencyName', rule: 'required' },
        );
      if (client.nationalId) {
        await clients.lockCitizen(client.nationalId);
        if (await clients.hasActiveCitizenClient(client.nationalId))
          throw new ClientException(
            ClientExceptionCode.CONFLICT,
            'this citizen already has a client: rotate its secret, or revoke it first',
            { field: 'nationalId', rule: 'one-per-citizen' },
          );
      }
      if (client.agencyName && agency?.name !== client.agencyName)
        await clients.upsertAgency({ id: client.agencyId, name: client.agencyName });
      await clients.insertClient({
        clientId,
        agencyId: client.agencyId,
        name: client.name,
        role: client.role,
        adapter: client.adapter,
        nationalId: client.nationalId,
        secretHash,
      });
      await this.audit.append({
        kind: 'credential-change',
        ...auditActorOf(actor),
        subjectId: client.nationalId,
        details: {
          action: 'created',
          clientId,
          role: client.role,
          agency: client.agencyId,
          ...(client.adapter ? { adapter: client.adapter } : {}),
          ...(client.reason ? { reason: client.reason } : {}),
        },
      });
    });
    return { clientId, clientSecret, previousSecretValidUntil: null };
  }

  /**
   * A new secret, shown once; the current one keeps working for overlapHours
   * (the setting's default unless given; 0 ends it now). Rotating again during
   * an overlap drops the older secret at once: only the last two ever work.
   */
  async rotate(
    actor: CredentialActor,
    clientId: string,
    options: { overlapHours?: number; reason?: string } = {},
  ): Promise<IssuedSecret> {
    authoriseManaging(actor, clientId, 'rotating a client secret');
    const overlapHours = validateOverlapHours(
      options.overlapHours,
      this.settings.secretOverlapHours,
    );
    const reason = validateReason(options.reason, false);
    const clientSecret = newClientSecret();
    const secretHash = await hashSecret(clientSecret);
    return this.db.transaction(async (tx) => {
      const clients = new ClientRepository(tx);
      const target = await this.lockManageable(
        clients,
        actor,
        clientId,
        'rotating a client secret',
      );
      const { previousSecretValidUntil } = await clients.rotateSecret(
        clientId,
        secretHash,
        overlapHours,
      );
      await this.audit.append({
        kind: 'credential-change',
        ...auditActorOf(actor),
        subjectId: target.nationalId,
        details: {
          action: 'rotated',
          clientId,
          role: target.role,
          agency: target.agencyId,
          overlapHours,
          previousSecretValidUntil: previousSecretValidUntil?.toISOString() ?? null,
          ...(reason ? { reason } : {}),
        },
      });
      return { clientId, clientSecret, previousSecretValidUntil };
    });
  }

  /**
   * At once and for good: the token endpoint refuses the client from the
   * commit on, and every process refuses its unexpired tokens within seconds.
   */
  async revoke(actor: CredentialActor, clientId: string, reason: string): Promise<ClientSummary> {
    authoriseManaging(actor, clientId, 'revoking a client');
    const why = validateReason(reason, true)!;
    return this.db.transaction(async (tx) => {
      const clients = new ClientRepository(tx);
      const target = await this.lockManageable(clients, actor, clientId, 'revoking a client');
      const { actorClient } = auditActorOf(actor);
      await clients.revoke(clientId, actorClient, why);
      await this.audit.append({
        kind: 'credential-change',
        ...auditActorOf(actor),
        subjectId: target.nationalId,
        details: {
          action: 'revoked',
          clientId,
          role: target.role,
          agency: target.agencyId,
          reason: why,
        },
      });
      return summarise((await clients.lockClient(clientId))!);
    });
  }

  private async lockManageable(
    clients: ClientRepository,
    actor: CredentialActor,
    clientId: string,
    task: string,
  ): Promise<ClientRow> {
    const target = await clients.lockClient(clientId);
    if (!target)
      throw new ClientException(ClientExceptionCode.NOT_FOUND, `there is no client ${clientId}`, {
        field: 'clientId',
        rule: 'exists',
      });
    authoriseManage(actor, target, task);
    if (target.revokedAt)
      throw new ClientException(
        ClientExceptionCode.CONFLICT,
        `client ${clientId} is revoked; a revoked client cannot be changed (create a new one)`,
        { field: 'clientId', rule: 'not-revoked' },
      );
    return target;
  }
}

function summarise({ nationalId, ...row }: ClientRow): ClientSummary {
  return { ...row, maskedNationalId: nationalId === null ? null : maskNationalId(nationalId) };
}
