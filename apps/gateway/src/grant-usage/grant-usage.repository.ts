// When each grant was last used, read from the audit log (see the migration
// 1763791000000-create-grant-use-index.ts for why there, and its index). A
// grant is used by an entry of its agency, for its purpose, within its
// validity (before its revocation), that:
//   - for a citizen section: is a lookup that returned that section;
//   - for nationalId: is a lookup that disclosed the national id;
//   - for verification: is a verification that checked at least one claim
//     (answered, or counted as wrong).
// Overlapping grants of one agency for the same section and purpose are each
// used by a lookup in their common period: the policy joins them.
import { NATIONAL_ID_GRANT, VERIFICATION_GRANT } from '#spean/access';
import type { Database } from '#spean/persistence';

export class GrantUsageRepository {
  constructor(private readonly db: Database) {}

  /** The last use of each grant named, by id; a grant never used is absent. */
  async lastUse(grantIds: readonly string[]): Promise<Map<string, Date>> {
    if (grantIds.length === 0) return new Map();
    const rows = await this.db.query<{ id: string; last_used_at: Date | null }>(
      `SELECT g.id,
              (SELECT a.at FROM audit_entry a
                WHERE a.actor_agency = g.agency_id AND a.purpose = g.purpose
                  AND a.kind IN ('lookup', 'verification')
                  AND a.at >= g.valid_from
                  AND a.at < least(g.valid_until, coalesce(g.revoked_at, 'infinity'))
                  AND CASE g.section
                        WHEN $2 THEN a.kind = 'verification'
                             AND (jsonb_array_length(coalesce(a.details->'claimsChecked', '[]')) > 0
                                  OR jsonb_array_length(coalesce(a.details->'claimsFailed', '[]')) > 0)
                        WHEN $3 THEN a.kind = 'lookup' AND a.details->>'nationalId' = 'disclosed'
                        ELSE a.kind = 'lookup' AND a.details->'sectionsReturned' ? g.section
                      END
                ORDER BY a.seq DESC LIMIT 1) AS last_used_at
       FROM access_grant g
       WHERE g.id = ANY($1::uuid[])`,
      [grantIds, VERIFICATION_GRANT, NATIONAL_ID_GRANT],
    );
    return new Map(
      rows.flatMap((row) => (row.last_used_at ? [[row.id, row.last_used_at] as const] : [])),
    );
  }

  async agencyExists(agencyId: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM agency WHERE id = $1`, [agencyId]);
    return rows.length > 0;
  }
}
