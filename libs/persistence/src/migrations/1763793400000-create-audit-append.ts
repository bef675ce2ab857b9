import type { MigrationInterface, QueryRunner } from 'typeorm';

// Appends a batch of audit entries in one round trip, commit included, when
// the writer already knows the chain head: called outside a transaction, it
// takes the chain lock, reads the head with a snapshot taken after the lock
// (each statement of a volatile function takes its own), and inserts only if
// the head is the one the batch was hashed onto. Otherwise it inserts nothing
// and returns the head it found, for the writer to hash the batch again.
// Security invoker: it runs with the caller's privileges (insert on audit_entry).
export class CreateAuditAppend1763793400000 implements MigrationInterface {
  name = 'CreateAuditAppend1763793400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION audit_append(
        chain_lock bigint, expected_seq bigint, expected_hash text,
        seqs bigint[], ats timestamptz[], kinds text[], actor_clients text[], actor_agencies text[],
        subject_ids text[], purposes text[], details jsonb[], prev_hashes text[], hashes text[],
        actor_persons jsonb[],
        OUT appended boolean, OUT head_seq bigint, OUT head_hash text)
      LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(chain_lock);
        SELECT e.seq, e.hash INTO head_seq, head_hash FROM audit_entry e ORDER BY e.seq DESC LIMIT 1;
        IF coalesce(head_seq, 0) <> expected_seq
           OR coalesce(head_hash, repeat('0', 64)) <> expected_hash THEN
          appended := false;
          RETURN;
        END IF;
        INSERT INTO audit_entry (seq, at, kind, actor_client, actor_agency, subject_id, purpose,
                                 details, prev_hash, hash, actor_person)
        SELECT * FROM unnest(seqs, ats, kinds, actor_clients, actor_agencies, subject_ids, purposes,
                             details, prev_hashes, hashes, actor_persons);
        appended := true;
        head_seq := seqs[array_upper(seqs, 1)];
        head_hash := hashes[array_upper(hashes, 1)];
      END
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP FUNCTION audit_append(bigint, bigint, text, bigint[], timestamptz[], text[], text[],
         text[], text[], text[], jsonb[], text[], text[], jsonb[])`,
    );
  }
}
