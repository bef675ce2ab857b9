// Agencies and their client systems. Secrets live here only as hashes: the
// current one, and after a rotation the previous one until its overlap ends.
import type { Queryable } from '#spean/persistence';
import type { Role } from './principal.js';

/** NOTIFY channel announcing a revocation; the payload is the client id. */
export const CLIENT_REVOKED_CHANNEL = 'spean_client_revoked';

export interface ClientRecord extends NewClientRow {
  /** The secret before the last rotation, only while its overlap lasts (database clock). */
  previousSecretHash: string | null;
  revokedAt: Date | null;
}

/** A client as lists show it: everything but the secrets. */
export interface ClientRow {
  clientId: string;
  agencyId: string;
  agencyName: string;
  name: string;
  role: Role;
  adapter: string | null;
  nationalId: string | null;
  createdAt: Date;
  rotatedAt: Date | null;
  /** Null when there is no previous secret, or its overlap is over. */
  previousSecretValidUntil: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

/** A client as it is created: who it is, what it may do, and its secret's hash. */
export interface NewClientRow {
  clientId: string;
  agencyId: string;
  name: string;
  role: Role;
  adapter: string | null;
  nationalId: string | null;
  secretHash: string;
}

// Columns aliased to the ClientRow's own names: a row is a ClientRow.
const ROW_COLUMNS = `c.client_id AS "clientId", c.agency_id AS "agencyId", a.name AS "agencyName", c.name,
  c.role, c.adapter, c.national_id AS "nationalId", c.created_at AS "createdAt", c.rotated_at AS "rotatedAt",
  CASE WHEN c.previous_secret_expires_at > now() THEN c.previous_secret_expires_at END
    AS "previousSecretValidUntil",
  c.revoked_at AS "revokedAt", c.revoked_by AS "revokedBy", c.revoke_reason AS "revokeReason"`;

export class ClientRepository {
  constructor(private readonly db: Queryable) {}

  async upsertAgency(agency: { id: string; name: string }): Promise<void> {
    await this.db.query(
      `INSERT INTO agency (id, name) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name`,
      [agency.id, agency.name],
    );
  }

  async findAgency(id: string): Promise<{ id: string; name: string } | undefined> {
    const [row] = await this.db.query<{ id: string; name: string }>(
      `SELECT id, name FROM agency WHERE id = $1`,
      [id],
    );
    return row;
  }

  async insertClient(client: NewClientRow): Promise<void> {
    await this.db.query(
      `INSERT INTO client (client_id, agency_id, name, role, adapter, national_id, secret_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        client.clientId,
        client.agencyId,
        client.name,
        client.role,
        client.adapter,
        client.nationalId,
        client.secretHash,
      ],
    );
  }

  /** What the token exchange needs; the previous hash only while its overlap lasts. */
  async findClient(clientId: string): Promise<ClientRecord | undefined> {
    const [row] = await this.db.query<{
      client_id: string;
      agency_id: string;
      name: string;
      role: Role;
      adapter: string | null;
      national_id: string | null;
      secret_hash: string;
      previous_secret_hash: string | null;
      revoked_at: Date | null;
    }>(
      `SELECT client_id, agency_id, name, role, adapter, national_id, secret_hash,
              CASE WHEN previous_secret_expires_at > now() THEN previous_secret_hash END
                AS previous_secret_hash,
              revoked_at
       FROM client WHERE client_id = $1`,
      [clientId],
    );
    return row
      ? {
          clientId: row.client_id,
          agencyId: row.agency_id,
          name: row.name,
          role: row.role,
          adapter: row.adapter,
          nationalId: row.national_id,
          secretHash: row.secret_hash,
          previousSecretHash: row.previous_secret_hash,
          revokedAt: row.revoked_at,
        }
      : undefined;
  }

  /** One client, its row locked until the transaction ends (rotation and revocation). */
  async lockClient(clientId: string): Promise<ClientRow | undefined> {
    const [row] = await this.db.query<ClientRow>(
      `SELECT ${ROW_COLUMNS} FROM client c JOIN agency a ON a.id = c.agency_id
       WHERE c.client_id = $1 FOR UPDATE OF c`,
      [clientId],
    );
    return row;
  }

  async listClients(agencyId?: string): Promise<ClientRow[]> {
    const rows = await this.db.query<ClientRow>(
      `SELECT ${ROW_COLUMNS} FROM client c JOIN agency a ON a.id = c.agency_id
       WHERE $1::text IS NULL OR c.agency_id = $1
       ORDER BY c.created_at, c.client_id`,
      [agencyId ?? null],
    );
    return rows;
  }

  /**
   * Serialises creations for one citizen until the transaction ends, so that
   * two desks cannot both give the same citizen a client.
   */
  async lockCitizen(nationalId: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `spean-citizen-client:${nationalId}`,
    ]);
  }

  async hasActiveCitizenClient(nationalId: string): Promise<boolean> {
    const [row] = await this.db.query<{ found: boolean }>(
      `SELECT EXISTS (
         SELECT 1 FROM client WHERE national_id = $1 AND revoked_at IS NULL
       ) AS found`,
      [nationalId],
    );
    return row?.found ?? false;
  }

  /** The agency an adapter is registered to, if a steward approved the registration. */
  async approvedAdapterAgency(adapter: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ agency_id: string }>(
      `SELECT agency_id FROM adapter_registration WHERE name = $1 AND state = 'approved'`,
      [adapter],
    );
    return row?.agency_id;
  }

  /**
   * The new hash becomes the secret; the current one stays valid for
   * overlapHours (none when 0). A previous secret still in its overlap is
   * dropped: only the last two secrets ever work.
   */
  async rotateSecret(
    clientId: string,
    secretHash: string,
    overlapHours: number,
  ): Promise<{ previousSecretValidUntil: Date | null }> {
    const [row] = await this.db.query<{ previous_secret_expires_at: Date | null }>(
      `UPDATE client SET
         previous_secret_hash = CASE WHEN $3::int > 0 THEN secret_hash END,
         previous_secret_expires_at =
           CASE WHEN $3::int > 0 THEN now() + make_interval(hours => $3::int) END,
         secret_hash = $2,
         rotated_at = now()
       WHERE client_id = $1
       RETURNING previous_secret_expires_at`,
      [clientId, secretHash, overlapHours],
    );
    return { previousSecretValidUntil: row?.previous_secret_expires_at ?? null };
  }

  /** Revokes at once, forgets any previous secret, and tells every process (at commit). */
  async revoke(clientId: string, revokedBy: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE client SET revoked_at = now(), revoked_by = $2, revoke_reason = $3,
         previous_secret_hash = NULL, previous_secret_expires_at = NULL
       WHERE client_id = $1`,
      [clientId, revokedBy, reason],
    );
    await this.db.query(`SELECT pg_notify('${CLIENT_REVOKED_CHANNEL}', $1)`, [clientId]);
  }

  /** Clients revoked in the last `seconds` (database clock), with when. */
  async revokedWithin(seconds: number): Promise<Array<{ clientId: string; revokedAt: Date }>> {
    const rows = await this.db.query<{ client_id: string; revoked_at: Date }>(
      `SELECT client_id, revoked_at FROM client
       WHERE revoked_at > now() - make_interval(secs => $1::double precision)`,
      [seconds],
    );
    return rows.map((row) => ({ clientId: row.client_id, revokedAt: row.revoked_at }));
  }

  async countClients(): Promise<number> {
    const [row] = await this.db.query<{ count: string }>(`SELECT count(*) AS count FROM client`);
    return Number(row?.count ?? 0);
  }
}
