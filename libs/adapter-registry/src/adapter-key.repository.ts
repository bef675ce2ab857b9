// SQL of the adapters' signing keys. Every statement on adapter_key is here.
// Changes are announced on ADAPTER_CHANNEL (payload: the adapter's name), the
// channel every running process already listens on for registrations.
import type { Queryable } from '#spean/persistence';
import type { AdapterKey, AdapterKeyState } from './adapter-key.js';
import { ADAPTER_CHANNEL } from './adapter-registration.js';

const COLUMNS = `key_id AS "keyId", adapter, public_key AS "publicKey", state, not_after AS "notAfter",
  proposed_by AS "proposedBy", proposed_at AS "proposedAt", decided_by AS "decidedBy",
  decided_at AS "decidedAt", decision_reason AS "decisionReason"`;

export class AdapterKeyRepository {
  constructor(private readonly db: Queryable) {}

  /** Every key, of one adapter or of all, oldest first. */
  async list(adapter?: string): Promise<AdapterKey[]> {
    return this.db.query<AdapterKey>(
      `SELECT ${COLUMNS} FROM adapter_key
       WHERE $1::text IS NULL OR adapter = $1 ORDER BY adapter, proposed_at, key_id`,
      [adapter ?? null],
    );
  }

  async get(keyId: string, forUpdate = false): Promise<AdapterKey | undefined> {
    const [row] = await this.db.query<AdapterKey>(
      `SELECT ${COLUMNS} FROM adapter_key WHERE key_id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [keyId],
    );
    return row;
  }

  /** Adds a proposed key; a key already known is left as it is (undefined then). */
  async propose(row: {
    keyId: string;
    adapter: string;
    publicKey: string;
    proposedBy: string;
  }): Promise<AdapterKey | undefined> {
    const [saved] = await this.db.query<AdapterKey>(
      `INSERT INTO adapter_key (key_id, adapter, public_key, state, proposed_by)
       VALUES ($1, $2, $3, 'proposed', $4)
       ON CONFLICT (key_id) DO NOTHING
       RETURNING ${COLUMNS}`,
      [row.keyId, row.adapter, row.publicKey, row.proposedBy],
    );
    return saved;
  }

  async decide(
    keyId: string,
    decision: { state: AdapterKeyState; decidedBy: string; reason: string; notAfter?: Date | null },
  ): Promise<AdapterKey> {
    const [saved] = await this.db.query<AdapterKey>(
      `UPDATE adapter_key SET state = $2, decided_by = $3, decided_at = now(), decision_reason = $4,
         not_after = CASE WHEN $5::boolean THEN $6::timestamptz ELSE not_after END
       WHERE key_id = $1 RETURNING ${COLUMNS}`,
      [
        keyId,
        decision.state,
        decision.decidedBy,
        decision.reason,
        decision.notAfter !== undefined,
        decision.notAfter ?? null,
      ],
    );
    return saved!;
  }

  /**
   * Ends the other approved keys of the adapter at `until` (those that end
   * later or never): the overlap of a rotation. Returns the keys ended.
   */
  async endOthers(adapter: string, keyId: string, until: Date): Promise<string[]> {
    const rows = await this.db.query<{ keyId: string }>(
      `UPDATE adapter_key SET not_after = $3
       WHERE adapter = $1 AND key_id <> $2 AND state = 'approved'
         AND (not_after IS NULL OR not_after > $3)
       RETURNING key_id AS "keyId"`,
      [adapter, keyId, until],
    );
    return rows.map((row) => row.keyId);
  }

  /** Delivered to listeners only once the surrounding transaction commits. */
  async notify(adapter: string): Promise<void> {
    await this.db.query(`SELECT pg_notify($1, $2)`, [ADAPTER_CHANNEL, adapter]);
  }
}
