// Purposes and grants, as rows. Grants are never deleted: a revoked or expired
// grant stays, so the question "who could see this, when, and on whose word"
// always has an answer.
import type { Queryable } from '#spean/persistence';

export interface Purpose {
  code: string;
  title: string;
  legalBasis: string;
  createdBy: string;
  createdAt: Date;
  retiredAt: Date | null;
  /** Lookups under it reach the citizen's access log this many days later; null: at once. */
  discloseAfterDays: number | null;
  /** The law that allows the delay; set exactly when discloseAfterDays is. */
  disclosureBasis: string | null;
}

export interface Grant {
  id: string;
  agencyId: string;
  section: string;
  /** Null: the whole section. */
  fields: string[] | null;
  purpose: string;
  /** Lookups under it must name the officer who asks (a signed-in person, or X-Spean-Officer). */
  requiresOfficer: boolean;
  validFrom: Date;
  validUntil: Date;
  grantedBy: string;
  reason: string;
  createdAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

export type NewGrant = Omit<Grant, 'createdAt' | 'revokedAt' | 'revokedBy' | 'revokeReason'>;

// Columns aliased to the Grant's own names: a row is a Grant.
const GRANT_COLUMNS = `id, agency_id AS "agencyId", section, fields, purpose, valid_from AS "validFrom",
  valid_until AS "validUntil", granted_by AS "grantedBy", reason, created_at AS "createdAt",
  revoked_at AS "revokedAt", revoked_by AS "revokedBy", revoke_reason AS "revokeReason",
  requires_officer AS "requiresOfficer"`;

export class AccessControlRepository {
  constructor(private readonly db: Queryable) {}

  async purposes(): Promise<Purpose[]> {
    const rows = await this.db.query<{
      code: string;
      title: string;
      legal_basis: string;
      created_by: string;
      created_at: Date;
      retired_at: Date | null;
      disclose_after_days: number | null;
      disclosure_basis: string | null;
    }>(
      `SELECT code, title, legal_basis, created_by, created_at, retired_at,
              disclose_after_days, disclosure_basis
       FROM purpose ORDER BY code`,
    );
    return rows.map((row) => ({
      code: row.code,
      title: row.title,
      legalBasis: row.legal_basis,
      createdBy: row.created_by,
      createdAt: row.created_at,
      retiredAt: row.retired_at,
      discloseAfterDays: row.disclose_after_days,
      disclosureBasis: row.disclosure_basis,
    }));
  }

  /** False when there is no such purpose in use. */
  async setDisclosure(code: string, days: number | null, basis: string | null): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE purpose SET disclose_after_days = $2, disclosure_basis = $3
       WHERE code = $1 AND retired_at IS NULL RETURNING code`,
      [code, days, basis],
    );
    return rows.length === 1;
  }

  /** False when the code is taken. */
  async insertPurpose(
    purpose: Omit<Purpose, 'createdAt' | 'retiredAt' | 'discloseAfterDays' | 'disclosureBasis'>,
  ): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO purpose (code, title, legal_basis, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO NOTHING RETURNING code`,
      [purpose.code, purpose.title, purpose.legalBasis, purpose.createdBy],
    );
    return rows.length === 1;
  }

  /** False when there is no such purpose in use. */
  async retirePurpose(code: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE purpose SET retired_at = now() WHERE code = $1 AND retired_at IS NULL RETURNING code`,
      [code],
    );
    return rows.length === 1;
  }

  async agencyExists(agencyId: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM agency WHERE id = $1`, [agencyId]);
    return rows.length === 1;
  }

  async insertGrant(grant: NewGrant): Promise<Grant> {
    const [row] = await this.db.query<Grant>(
      `INSERT INTO access_grant (id, agency_id, section, fields, purpose, valid_from, valid_until, granted_by, reason,
                                 requires_officer)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${GRANT_COLUMNS}`,
      [
        grant.id,
        grant.agencyId,
        grant.section,
        grant.fields,
        grant.purpose,
        grant.validFrom,
        grant.validUntil,
        grant.grantedBy,
        grant.reason,
        grant.requiresOfficer,
      ],
    );
    return row!;
  }

  /** Undefined when there is no such grant still in force. */
  async revokeGrant(id: string, by: string, reason: string): Promise<Grant | undefined> {
    const [row] = await this.db.query<Grant>(
      `UPDATE access_grant SET revoked_at = now(), revoked_by = $2, revoke_reason = $3
       WHERE id = $1 AND revoked_at IS NULL RETURNING ${GRANT_COLUMNS}`,
      [id, by, reason],
    );
    return row;
  }

  async grants(filter: { agencyId?: string; includeEnded?: boolean } = {}): Promise<Grant[]> {
    const rows = await this.db.query<Grant>(
      `SELECT ${GRANT_COLUMNS} FROM access_grant
       WHERE ($1::text IS NULL OR agency_id = $1)
         AND ($2 OR (revoked_at IS NULL AND valid_until > now()))
       ORDER BY agency_id, purpose, section, created_at`,
      [filter.agencyId ?? null, filter.includeEnded ?? false],
    );
    return rows;
  }

  /** Grants that are or will be in force: what the policy evaluates. */
  async grantsInForce(): Promise<Grant[]> {
    const rows = await this.db.query<Grant>(
      `SELECT ${GRANT_COLUMNS} FROM access_grant g
       WHERE revoked_at IS NULL AND valid_until > now()
         AND EXISTS (SELECT 1 FROM purpose p WHERE p.code = g.purpose AND p.retired_at IS NULL)`,
    );
    return rows;
  }

  async notify(channel: string): Promise<void> {
    await this.db.query(`SELECT pg_notify($1, '')`, [channel]);
  }
}
