import type { MigrationInterface, QueryRunner } from 'typeorm';

// Purposes disclosed later: a lookup under such a purpose (an investigation,
// say) reaches the citizen's access log only disclose_after_days after it,
// on the legal basis a steward stated; auditors see it at once. Both columns
// are set together or not at all. The gateway setting
// DISCLOSURE_DELAY_MAX_DAYS bounds the delay further; the check here is the
// outer wall (ten years), so a lowered setting never makes a row invalid.
export class AddPurposeDisclosure1763792100000 implements MigrationInterface {
  name = 'AddPurposeDisclosure1763792100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE purpose
        ADD COLUMN disclose_after_days integer CHECK (disclose_after_days BETWEEN 1 AND 3660),
        ADD COLUMN disclosure_basis text,
        ADD CONSTRAINT purpose_disclosure_with_basis
          CHECK ((disclose_after_days IS NULL) = (disclosure_basis IS NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE purpose
        DROP CONSTRAINT purpose_disclosure_with_basis,
        DROP COLUMN disclosure_basis,
        DROP COLUMN disclose_after_days`);
  }
}
