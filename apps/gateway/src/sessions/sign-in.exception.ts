// Why a person could not sign in, a session was refused, or a client's
// statement of the officer it acts for was refused, by code. The HTTP
// answers are in sessions.controller.ts and session-authentication.ts.
import { DetailedException } from '#spean/contracts';

export enum SignInExceptionCode {
  /** `as` is not officer or citizen, or that audience has no identity provider configured. */
  UNKNOWN_AUDIENCE = 'UNKNOWN_AUDIENCE',
  /** The callback came without a sign-in this browser started, or after it expired. */
  NO_SIGN_IN = 'NO_SIGN_IN',
  /** The identity provider refused, or its answer did not verify (state, nonce, PKCE, signature). */
  PROVIDER_REFUSED = 'PROVIDER_REFUSED',
  /** The identity provider could not be reached or discovered. */
  PROVIDER_UNAVAILABLE = 'PROVIDER_UNAVAILABLE',
  /** A claim the mapping needs is missing or not acceptable (unknown role or agency, bad national id). */
  BAD_CLAIM = 'BAD_CLAIM',
  /** No session, or it ended (sign-out or idle timeout). */
  NO_SESSION = 'NO_SESSION',
  /** A state-changing call with the session cookie but without the session's CSRF token. */
  CSRF_TOKEN_MISSING = 'CSRF_TOKEN_MISSING',
  /** X-Spean-Officer from a caller that may not send it, or not in its format. */
  BAD_OFFICER_HEADER = 'BAD_OFFICER_HEADER',
}

export class SignInException extends DetailedException<
  SignInExceptionCode,
  /** The claim concerned (its name in the mapping, never its value) and the rule it broke. */
  { claim?: string; header?: string; rule?: string }
> {}
