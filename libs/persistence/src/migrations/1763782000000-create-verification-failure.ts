import type { MigrationInterface, QueryRunner } from 'typeorm';

// Wrong verification claims, counted so that verifyCitizen answers yes or no
// without becoming a way to read the data by guessing. One row per citizen ×
// agency × kind of claim, and one per citizen × kind of claim for all agencies
// together (agency_id ''; an agency id is never empty). A
// window opens with its first failure and lasts the configured hours; a row
// whose window has passed starts again from one. Counters are rows, not a log,
// so the increment is one atomic upsert that every gateway process serialises
// on. No claimed value is ever stored; stewards lift a lock by deleting the
// citizen's rows (audited in audit_entry).
export class CreateVerificationFailure1763782000000 implements MigrationInterface {
  name = 'CreateVerificationFailure1763782000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE verification_failure (
        subject_id text NOT NULL,
        agency_id text NOT NULL,
        claim text NOT NULL,
        failures integer NOT NULL CHECK (failures > 0),
        window_started timestamptz NOT NULL,
        last_failure_at timestamptz NOT NULL,
        PRIMARY KEY (subject_id, agency_id, claim)
      )`);
    // The stewards' list of locks, newest first.
    await db.query(
      `CREATE INDEX verification_failure_recent ON verification_failure (last_failure_at DESC)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE verification_failure`);
  }
}
