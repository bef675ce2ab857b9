// Verifying an Ed25519 signature is the costliest step of an authenticated
// request, and a client sends the same token for its whole lifetime (15
// minutes by default). A verified token is remembered until it expires, so
// each is checked once per process: the signature and claims the first time,
// the expiry on every use. Only tokens that verified are kept, under their
// exact string: verification accepts only a token's canonical spelling, so a
// variant of a remembered token is never answered from memory. Revocation is
// checked on every request by the caller, as before.
import {
  InvalidTokenError,
  TOKEN_LEEWAY_SECONDS,
  verifyToken,
  type KeyResolver,
} from './access-token.js';
import type { Principal } from './principal.js';

export type TokenVerifier = (token: string) => Promise<Principal>;

export function cachingTokenVerifier(resolveKey: KeyResolver, maxEntries = 10_000): TokenVerifier {
  const verified = new Map<string, { principal: Principal; expiresAt: number }>();
  return async (token) => {
    const now = Math.floor(Date.now() / 1000);
    const known = verified.get(token);
    if (known) {
      if (known.expiresAt + TOKEN_LEEWAY_SECONDS >= now) return known.principal;
      verified.delete(token);
      throw new InvalidTokenError('expired');
    }
    const { principal, expiresAt } = await verifyToken(token, resolveKey);
    // Oldest first out: a Map iterates in insertion order.
    if (verified.size >= maxEntries) verified.delete(verified.keys().next().value!);
    verified.set(token, { principal, expiresAt });
    return principal;
  };
}
