// The adapters' view of the gateway's signing keys: its JWKS endpoint, read
// through jose's remote key set. The set is cached (re-read after cacheMaxAge)
// and read again, at most once per cooldown, when a token names a kid it does
// not hold — which is how a key rotation reaches us. Only EdDSA signing keys
// are ever chosen (jose matches the JWK's kty, crv, alg and use to the token's
// alg). While the gateway cannot be reached a key is simply not found, and the
// token is refused as signed by an unknown key.
import { createRemoteJWKSet, errors } from 'jose';
import { TOKEN_ALGORITHM, type KeyResolver } from './access-token.js';

export interface RemoteKeySetOptions {
  /** Least time between two reads for an unknown kid (default 5 s). */
  minRefreshMs?: number;
  /** How long a read set is used before it is read again (default 10 minutes). */
  cacheMaxAgeMs?: number;
  /** How long one read may take (default 5 s). */
  timeoutMs?: number;
}

export class RemoteKeySet {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(jwksUrl: string, options: RemoteKeySetOptions = {}) {
    this.keys = createRemoteJWKSet(new URL(jwksUrl), {
      cooldownDuration: options.minRefreshMs ?? 5000,
      cacheMaxAge: options.cacheMaxAgeMs ?? 600_000,
      timeoutDuration: options.timeoutMs ?? 5000,
    });
  }

  readonly resolve: KeyResolver = async (kid) => {
    try {
      return await this.keys({ alg: TOKEN_ALGORITHM, kid });
    } catch (error) {
      // No such key, a malformed set or an unreachable gateway: no key to verify with.
      // (fetch's network errors are TypeErrors, by name: they may come from another realm.)
      if (error instanceof errors.JOSEError || (error as Error)?.name === 'TypeError') {
        return undefined;
      }
      throw error;
    }
  };
}
