// All SQL of persons' sign-in (tables in migration 1763790100000). Rows are
// keyed by the SHA-256 of the random value the browser's cookie holds, never
// by the value itself. Idle expiry is decided here, in the database's clock,
// so every gateway agrees on it.
import type { Principal } from '#spean/access';
import type { Queryable } from '#spean/persistence';
import type { Audience } from './sessions.config.js';

export interface PendingSignIn {
  audience: Audience;
  codeVerifier: string;
  state: string;
  nonce: string;
}

/** A sign-in not finished within this many minutes is forgotten. */
const SIGN_IN_MINUTES = 10;

export class PersonSessionRepository {
  constructor(private readonly db: Queryable) {}

  async savePendingSignIn(idHash: string, pending: PendingSignIn): Promise<void> {
    await this.db.query(
      `INSERT INTO person_sign_in (id_hash, audience, code_verifier, state, nonce)
       VALUES ($1, $2, $3, $4, $5)`,
      [idHash, pending.audience, pending.codeVerifier, pending.state, pending.nonce],
    );
    // Abandoned sign-ins (the person closed the tab) go with the next one.
    await this.db.query(
      `DELETE FROM person_sign_in WHERE created_at < now() - make_interval(mins => $1)`,
      [SIGN_IN_MINUTES],
    );
  }

  /** Takes the sign-in (deleting it: a callback is accepted once), if still fresh. */
  async takePendingSignIn(idHash: string): Promise<PendingSignIn | null> {
    const [row] = await this.db.query<{
      audience: Audience;
      code_verifier: string;
      state: string;
      nonce: string;
    }>(
      `DELETE FROM person_sign_in
        WHERE id_hash = $1 AND created_at >= now() - make_interval(mins => $2)
        RETURNING audience, code_verifier, state, nonce`,
      [idHash, SIGN_IN_MINUTES],
    );
    return row
      ? {
          audience: row.audience,
          codeVerifier: row.code_verifier,
          state: row.state,
          nonce: row.nonce,
        }
      : null;
  }

  async createSession(
    idHash: string,
    audience: Audience,
    principal: Principal,
    idleMinutes: number,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO person_session (id_hash, audience, principal) VALUES ($1, $2, $3)`,
      [idHash, audience, JSON.stringify(principal)],
    );
    // Sessions of persons who never came back go with the next sign-in.
    await this.db.query(
      `DELETE FROM person_session WHERE last_seen_at < now() - make_interval(mins => $1)`,
      [idleMinutes],
    );
  }

  /**
   * The session's principal if it was used within the idle timeout, which this
   * use restarts; an idle session is answered as none.
   */
  async touchSession(idHash: string, idleMinutes: number): Promise<Principal | null> {
    const [row] = await this.db.query<{ principal: Principal }>(
      `UPDATE person_session SET last_seen_at = now()
        WHERE id_hash = $1 AND last_seen_at >= now() - make_interval(mins => $2)
        RETURNING principal`,
      [idHash, idleMinutes],
    );
    // An idle or unknown session is answered as none; idle rows go with the next sign-in,
    // not here, where anyone can send a made-up cookie.
    return row?.principal ?? null;
  }

  async deleteSession(idHash: string): Promise<boolean> {
    const rows = await this.db.query(
      `DELETE FROM person_session WHERE id_hash = $1 RETURNING id_hash`,
      [idHash],
    );
    return rows.length > 0;
  }
}
