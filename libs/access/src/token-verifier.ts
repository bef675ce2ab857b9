// Verifying an Ed25519 signature is the costliest step of an authenticated
// request, and a client sends the same token for its whole lifetime (15
// minutes by default). A verified token is remembered until it expires, so
// each is checked once per process: the signature and claims the first time,
// the expiry on every use. Only tokens that verified are kept; revocation is
// checked on every request by the caller, as before.
import { InvalidTokenError, verifyAccessToken, type KeyResolver } from './access-token.js';
import type { Principal } from './principal.js';

const LEEWAY_SECONDS = 30;

export type TokenVerifier = (token: string) => Promise<Principal>;

export function cachingTokenVerifier(resolveKey: KeyResolver, maxEntries = 10_000): TokenVerifier {
  const verified = new Map<string, { principal: Principal; expiresAt: number }>();
  return async (token) => {
    const now = Math.floor(Date.now() / 1000);
    const known = verified.get(token);
    if (known) {
      if (known.expiresAt + LEEWAY_SECONDS >= now) return known.principal;
      verified.delete(token);
      throw new InvalidTokenError('expired');
    }
    const principal = await verifyAccessToken(token, resolveKey);
    const expiresAt = expiryOf(token);
    if (expiresAt !== undefined) {
      // Oldest first out: a Map iterates in insertion order.
      if (verified.size >= maxEntries) verified.delete(verified.keys().next().value!);
      verified.set(token, { principal, expiresAt });
    }
    return principal;
  };
}

/** The exp claim of a token whose signature and claims were just verified. */
function expiryOf(token: string): number | undefined {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof claims.exp === 'number' ? claims.exp : undefined;
  } catch {
    return undefined;
  }
}
