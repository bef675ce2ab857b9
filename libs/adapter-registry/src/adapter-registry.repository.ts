// SQL of the adapter registry. Every statement on adapter_registration is here.
import type { Queryable } from '#spean/persistence';
import {
  ADAPTER_CHANNEL,
  type AdapterRegistration,
  type AdapterState,
  type RegisteredRecordType,
} from './adapter-registration.js';

const COLUMNS = `name, agency_id AS "agencyId", title, state, publishes, consumes,
  registered_by AS "registeredBy", registered_at AS "registeredAt",
  decided_by AS "decidedBy", decided_at AS "decidedAt", decision_reason AS "decisionReason"`;

/** A registration as it is written: all but when it was made and the steward's decision. */
export type RegistrationWrite = Omit<
  AdapterRegistration,
  'registeredAt' | 'decidedBy' | 'decidedAt' | 'decisionReason'
>;

export interface DecisionWrite {
  state: AdapterState;
  publishes: RegisteredRecordType[];
  consumes: RegisteredRecordType[];
  decidedBy: string;
  reason: string;
}

export class AdapterRegistryRepository {
  constructor(private readonly db: Queryable) {}

  async list(): Promise<AdapterRegistration[]> {
    return this.db.query<AdapterRegistration>(
      `SELECT ${COLUMNS} FROM adapter_registration ORDER BY name`,
    );
  }

  /** With forUpdate (inside a transaction), later changes to this adapter wait for ours. */
  async get(name: string, forUpdate = false): Promise<AdapterRegistration | undefined> {
    const [row] = await this.db.query<AdapterRegistration>(
      `SELECT ${COLUMNS} FROM adapter_registration WHERE name = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [name],
    );
    return row;
  }

  /** A registration, new or again: the earlier decision stays on record until the next one. */
  async upsert(row: RegistrationWrite): Promise<AdapterRegistration> {
    const [saved] = await this.db.query<AdapterRegistration>(
      `INSERT INTO adapter_registration (name, agency_id, title, state, publishes, consumes, registered_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (name) DO UPDATE SET
         title = EXCLUDED.title, state = EXCLUDED.state, publishes = EXCLUDED.publishes,
         consumes = EXCLUDED.consumes, registered_by = EXCLUDED.registered_by, registered_at = now()
       RETURNING ${COLUMNS}`,
      [
        row.name,
        row.agencyId,
        row.title,
        row.state,
        JSON.stringify(row.publishes),
        JSON.stringify(row.consumes),
        row.registeredBy,
      ],
    );
    return saved!;
  }

  async decide(name: string, decision: DecisionWrite): Promise<AdapterRegistration> {
    const [saved] = await this.db.query<AdapterRegistration>(
      `UPDATE adapter_registration SET
         state = $2, publishes = $3, consumes = $4,
         decided_by = $5, decided_at = now(), decision_reason = $6
       WHERE name = $1
       RETURNING ${COLUMNS}`,
      [
        name,
        decision.state,
        JSON.stringify(decision.publishes),
        JSON.stringify(decision.consumes),
        decision.decidedBy,
        decision.reason,
      ],
    );
    return saved!;
  }

  /**
   * The agency of each of these adapters that is registered. An adapter's
   * agency is set by its first registration and never changes (upsert keeps
   * it, and a registration is never deleted), so a caller may keep the answer.
   */
  async agenciesOf(names: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.db.query<{ name: string; agencyId: string }>(
      `SELECT name, agency_id AS "agencyId" FROM adapter_registration WHERE name = ANY($1)`,
      [names],
    );
    return new Map(rows.map((row) => [row.name, row.agencyId]));
  }

  async agencyExists(agencyId: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM agency WHERE id = $1`, [agencyId]);
    return rows.length > 0;
  }

  /** Creates the agency if it is new; an existing one keeps its name. */
  async ensureAgency(agencyId: string, name: string): Promise<void> {
    await this.db.query(
      `INSERT INTO agency (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`,
      [agencyId, name],
    );
  }

  /** Delivered to listeners only once the surrounding transaction commits. */
  async notify(name: string): Promise<void> {
    await this.db.query(`SELECT pg_notify($1, $2)`, [ADAPTER_CHANNEL, name]);
  }
}
