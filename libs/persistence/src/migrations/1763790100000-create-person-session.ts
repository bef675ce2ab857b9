import type { MigrationInterface, QueryRunner } from 'typeorm';

// Persons signed in to the gateway with OpenID Connect (apps/gateway/src/sessions/).
//
// person_sign_in: a sign-in under way, between the redirect to the identity
// provider and its callback. Keyed by the SHA-256 of the random value in the
// browser's sign-in cookie, so the callback is accepted only from the browser
// that started it; it holds the PKCE verifier, state and nonce, which never
// leave the server. A row lives minutes and is deleted when used.
//
// person_session: a signed-in person. Keyed by the SHA-256 of the session
// cookie's value: a copy of this table does not let anyone sign in. The
// principal is stored as the callback mapped it, so every gateway serves the
// session the same way and a restart loses nothing. Idle sessions are ended
// by last_seen_at; sign-out deletes the row.
export class CreatePersonSession1763790100000 implements MigrationInterface {
  name = 'CreatePersonSession1763790100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE person_sign_in (
        id_hash text PRIMARY KEY,
        audience text NOT NULL,
        code_verifier text NOT NULL,
        state text NOT NULL,
        nonce text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE person_session (
        id_hash text PRIMARY KEY,
        audience text NOT NULL,
        principal jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Sweeping idle sessions.
    await db.query(`CREATE INDEX person_session_last_seen ON person_session (last_seen_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE person_session, person_sign_in`);
  }
}
