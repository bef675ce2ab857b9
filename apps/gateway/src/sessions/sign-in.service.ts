// Persons sign in as a backend-for-frontend: authorization code with PKCE
// (openid-client), the code exchanged and the tokens read here on the server,
// and the browser given only an opaque session id in an HttpOnly cookie. The
// session keeps the principal the claims mapped to (claim-mapping.ts), so a
// signed-in person is authorised by the same policy code as a client's token.
// Sessions live in PostgreSQL, keyed by the id's hash: they survive a restart
// and any gateway serves them.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import type { Principal } from '#spean/access';
import { principalFromClaims, type ClaimChecks } from './claim-mapping.js';
import type { PersonSessionRepository } from './person-session.repository.js';
import { AUDIENCES, type Audience, type IssuerSettings } from './sessions.config.js';
import { SignInException, SignInExceptionCode } from './sign-in.exception.js';

export interface SignInOptions {
  publicUrl: string;
  idleMinutes: number;
  issuers: Record<Audience, IssuerSettings | null>;
}

export interface SignedIn {
  sessionId: string;
  principal: Principal;
}

export class SignInService {
  private readonly discovered = new Map<Audience, Promise<oidc.Configuration>>();

  constructor(
    private readonly options: SignInOptions,
    private readonly repository: PersonSessionRepository,
    private readonly checks: ClaimChecks,
    private readonly log: Logger,
  ) {}

  get callbackUrl(): string {
    return `${this.options.publicUrl}/auth/callback`;
  }

  /** Starts a sign-in: the value for the browser's sign-in cookie, and where to send it. */
  async begin(as: unknown): Promise<{ signInId: string; redirectTo: string }> {
    const audience = this.audience(as);
    const config = await this.configuration(audience);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const signInId = randomId();
    await this.repository.savePendingSignIn(hashOf(signInId), {
      audience,
      codeVerifier,
      state,
      nonce,
    });
    const redirectTo = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.callbackUrl,
      scope: 'openid profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { signInId, redirectTo: redirectTo.href };
  }

  /** Finishes a sign-in from the provider's redirect back (its query string). */
  async complete(signInId: string | undefined, query: string): Promise<SignedIn> {
    const pending = signInId ? await this.repository.takePendingSignIn(hashOf(signInId)) : null;
    if (!pending)
      throw new SignInException(
        SignInExceptionCode.NO_SIGN_IN,
        'no sign-in was started from this browser, or it expired: sign in again',
      );
    const issuer = this.options.issuers[pending.audience]!;
    const config = await this.configuration(pending.audience);
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(
        config,
        new URL(`${this.callbackUrl}?${query}`),
        {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        },
      );
      const idToken = tokens.claims()!;
      // Claims a provider keeps for userinfo (oidc-provider does, by default) are read there.
      const userinfo = config.serverMetadata().userinfo_endpoint
        ? await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)
        : {};
      claims = { ...userinfo, ...idToken };
    } catch (error) {
      // The provider's own words (error codes, never claims) go to the log.
      this.log.warn(
        `sign-in as ${pending.audience} refused by the identity provider: ${describe(error)}`,
      );
      throw new SignInException(
        SignInExceptionCode.PROVIDER_REFUSED,
        'the identity provider did not sign you in (refused, or its answer did not verify): sign in again',
      );
    }
    const principal = await principalFromClaims(issuer, claims, this.checks).catch(
      (error: unknown) => {
        if (error instanceof SignInException)
          this.log.warn(
            `sign-in as ${pending.audience} refused: claim "${error.details.claim}" broke rule ${error.details.rule}`,
          );
        throw error;
      },
    );
    const sessionId = randomId();
    await this.repository.createSession(
      hashOf(sessionId),
      pending.audience,
      principal,
      this.options.idleMinutes,
    );
    return { sessionId, principal };
  }

  /** The session's principal; its idle timeout restarts. */
  async principalOf(sessionId: string): Promise<Principal> {
    const principal = await this.repository.touchSession(
      hashOf(sessionId),
      this.options.idleMinutes,
    );
    if (!principal)
      throw new SignInException(
        SignInExceptionCode.NO_SESSION,
        'no session: it ended (signed out, or idle too long); sign in again',
      );
    return principal;
  }

  /**
   * The session's principal for a state-changing call: the request must carry
   * the session's CSRF token (a cross-site page cannot read it, only the
   * cookie would be sent).
   */
  async authorise(sessionId: string, csrfToken: string | undefined): Promise<Principal> {
    if (!csrfToken || !sameText(csrfToken, this.csrfTokenOf(sessionId)))
      throw new SignInException(
        SignInExceptionCode.CSRF_TOKEN_MISSING,
        'this call uses the session cookie and needs the X-CSRF-Token header GET /auth/session gives',
      );
    return this.principalOf(sessionId);
  }

  /** Derived from the session id, so it needs no storage and dies with the session. */
  csrfTokenOf(sessionId: string): string {
    return createHash('sha256').update(`spean-csrf\u0000${sessionId}`).digest('base64url');
  }

  async end(sessionId: string): Promise<void> {
    await this.repository.deleteSession(hashOf(sessionId));
  }

  private audience(as: unknown): Audience {
    const audience = AUDIENCES.find((candidate) => candidate === as);
    if (!audience || !this.options.issuers[audience])
      throw new SignInException(
        SignInExceptionCode.UNKNOWN_AUDIENCE,
        `as must be one of ${AUDIENCES.filter((a) => this.options.issuers[a]).join(', ') || '(none configured)'}`,
        { rule: 'one-of' },
      );
    return audience;
  }

  /** Discovered on first use (the embedded provider is served by this very gateway), then kept. */
  private configuration(audience: Audience): Promise<oidc.Configuration> {
    let found = this.discovered.get(audience);
    if (!found) {
      const issuer = this.options.issuers[audience]!;
      const url = new URL(issuer.issuer);
      found = oidc
        .discovery(url, issuer.clientId, undefined, oidc.ClientSecretBasic(issuer.clientSecret), {
          // Plain HTTP only where the configuration allowed it (loopback, or not production).
          execute: url.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
        })
        .catch((error: unknown) => {
          this.discovered.delete(audience);
          this.log.error(
            `discovery of the ${audience} identity provider failed: ${describe(error)}`,
          );
          throw new SignInException(
            SignInExceptionCode.PROVIDER_UNAVAILABLE,
            `the ${audience} identity provider cannot be reached: try again later`,
          );
        });
      this.discovered.set(audience, found);
    }
    return found;
  }
}

function randomId(): string {
  return randomBytes(32).toString('base64url');
}

function hashOf(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function describe(error: unknown): string {
  if (error instanceof oidc.ResponseBodyError) return `${error.error} (${error.status})`;
  if (error instanceof oidc.AuthorizationResponseError) return error.error;
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 200)}`;
  return 'unknown error';
}
