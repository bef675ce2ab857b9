// HTTP middleware: every protected call carries `Authorization: Bearer <token>`.
// A missing or invalid token, or one of a revoked client, is answered 401
// here, before any handler runs; a valid one leaves its principal on the
// request. The revocation check is in memory (see RevokedClients): no
// database round trip per request. A citizen's token names only its client;
// where citizens are served (the gateway), the citizen's national id is
// looked up server-side (CitizenSubjects, in memory after the first use) and
// put on the principal. Elsewhere a citizen principal has no national id.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InvalidTokenError, type KeyResolver } from './access-token.js';
import type { CitizenSubjectLookup } from './citizen-subjects.js';
import type { Principal } from './principal.js';
import type { RevocationCheck } from './revoked-clients.js';
import { cachingTokenVerifier } from './token-verifier.js';

export interface AuthenticatedRequest extends IncomingMessage {
  principal?: Principal;
}

export function bearerAuthentication(
  resolveKey: KeyResolver,
  revocations: RevocationCheck,
  citizens?: CitizenSubjectLookup,
) {
  const verify = cachingTokenVerifier(resolveKey);
  const withSubject = async (principal: Principal): Promise<Principal> => {
    if (principal.role !== 'citizen' || !citizens) return principal;
    const nationalId = await citizens.nationalIdOf(principal.clientId);
    if (!nationalId) throw new InvalidTokenError('unknown client');
    return { ...principal, nationalId };
  };
  return (
    request: AuthenticatedRequest,
    response: ServerResponse,
    next: (error?: unknown) => void,
  ): void => {
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) {
      deny(
        response,
        'Bearer realm="spean"',
        'an access token is required: Authorization: Bearer <token>',
      );
      return;
    }
    verify(header.slice(7).trim())
      .then(async (principal) => {
        if (revocations.isRevoked(principal.clientId)) return undefined;
        return withSubject(principal);
      })
      .then(
        (principal) => {
          if (!principal) {
            deny(
              response,
              'Bearer realm="spean", error="invalid_token", error_description="client revoked"',
              'the access token is not valid (its client was revoked)',
            );
            return;
          }
          request.principal = principal;
          next();
        },
        (error: unknown) => {
          if (!(error instanceof InvalidTokenError)) {
            next(error);
            return;
          }
          deny(
            response,
            `Bearer realm="spean", error="invalid_token", error_description="${error.reason}"`,
            `the access token is not valid (${error.reason})`,
          );
        },
      );
  };
}

function deny(response: ServerResponse, challenge: string, message: string): void {
  response.statusCode = 401;
  response.setHeader('WWW-Authenticate', challenge);
  response.setHeader('Content-Type', 'application/json');
  response.end(JSON.stringify({ error: 'unauthenticated', message }));
}
