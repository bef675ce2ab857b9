// Agencies and their client systems. Secrets live here only as hashes.
import type { Queryable } from '#spean/persistence';
import type { Role } from './principal.js';

export interface ClientRecord {
  clientId: string;
  agencyId: string;
  name: string;
  role: Role;
  adapter: string | null;
  secretHash: string;
  revokedAt: Date | null;
}

export class ClientRepository {
  constructor(private readonly db: Queryable) {}

  async upsertAgency(agency: { id: string; name: string }): Promise<void> {
    await this.db.query(
      `INSERT INTO agency (id, name) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name`,
      [agency.id, agency.name],
    );
  }

  async insertClient(client: Omit<ClientRecord, 'revokedAt'>): Promise<void> {
    await this.db.query(
      `INSERT INTO client (client_id, agency_id, name, role, adapter, secret_hash)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        client.clientId,
        client.agencyId,
        client.name,
        client.role,
        client.adapter,
        client.secretHash,
      ],
    );
  }

  async findClient(clientId: string): Promise<ClientRecord | undefined> {
    const [row] = await this.db.query<{
      client_id: string;
      agency_id: string;
      name: string;
      role: Role;
      adapter: string | null;
      secret_hash: string;
      revoked_at: Date | null;
    }>(
      `SELECT client_id, agency_id, name, role, adapter, secret_hash, revoked_at
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
          secretHash: row.secret_hash,
          revokedAt: row.revoked_at,
        }
      : undefined;
  }

  async countClients(): Promise<number> {
    const [row] = await this.db.query<{ count: string }>(`SELECT count(*) AS count FROM client`);
    return Number(row?.count ?? 0);
  }
}
