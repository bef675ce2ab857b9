// /graphql for persons: a request without an Authorization header but with
// the session cookie is the signed-in person's, and must carry the session's
// CSRF token (X-CSRF-Token) — every GraphQL call, queries included, since a
// lookup writes an audit entry. The principal it leaves on the request is the
// one the session was mapped to: the resolvers and the policy cannot tell it
// from a client's, and need not. Any other request goes to the bearer check.
import type { ServerResponse } from 'node:http';
import type { AuthenticatedRequest, Principal } from '#spean/access';
import { CSRF_HEADER, readCookie, SESSION_COOKIE } from './session-cookies.js';
import { answerRefusal } from './sign-in-http.js';
import { SignInException } from './sign-in.exception.js';
import type { SignInService } from './sign-in.service.js';

type Handler = (
  request: AuthenticatedRequest,
  response: ServerResponse,
  next: (error?: unknown) => void,
) => void;

export function sessionOrBearer(signIn: SignInService, bearer: Handler): Handler {
  return (request, response, next) => {
    const sessionId = sessionCookieOf(request);
    if (!sessionId) {
      bearer(request, response, next);
      return;
    }
    const csrf = request.headers[CSRF_HEADER];
    const csrfToken = typeof csrf === 'string' ? csrf : undefined;
    signedIn(signIn.authorise(sessionId, csrfToken), request, response, next);
  };
}

/**
 * Downloads for persons (GET only, e.g. the audit log's CSV export): a link
 * the console shows cannot carry the CSRF header, so a GET with the session
 * cookie is accepted when the browser says the request comes from our own
 * origin (Sec-Fetch-Site: same-origin, which no page can forge) — or carries
 * the CSRF token after all. A cross-site or unlabelled GET with the cookie is
 * refused, as the session cookie (SameSite=Strict) would not be sent anyway.
 * Requests without the cookie go to the bearer check.
 */
export function sessionDownloadOrBearer(signIn: SignInService, bearer: Handler): Handler {
  const withCsrf = sessionOrBearer(signIn, bearer);
  return (request, response, next) => {
    const sessionId = sessionCookieOf(request);
    const sameOrigin = request.headers['sec-fetch-site'] === 'same-origin';
    const safe = request.method === 'GET' || request.method === 'HEAD';
    if (!sessionId || !safe || !sameOrigin) {
      withCsrf(request, response, next);
      return;
    }
    signedIn(signIn.principalOf(sessionId), request, response, next);
  };
}

/** Goes on as the session's principal, or answers the session's refusal; any other error is a fault. */
function signedIn(
  principal: Promise<Principal>,
  ...[request, response, next]: Parameters<Handler>
): void {
  principal.then(
    (found) => {
      request.principal = found;
      next();
    },
    (error: unknown) => {
      if (error instanceof SignInException) answerRefusal(response, error);
      else next(error);
    },
  );
}

/** The session the request's cookie names, unless it carries a bearer token (which then decides). */
function sessionCookieOf(request: AuthenticatedRequest): string | undefined {
  return request.headers.authorization ? undefined : readCookie(request, SESSION_COOKIE);
}
