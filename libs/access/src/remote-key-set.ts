// The adapters' view of the gateway's signing keys: fetched from its JWKS
// endpoint, cached, and fetched again (at most every few seconds) when a token
// names a kid we have not seen — which is how a key rotation reaches us.
import type { KeyObject } from 'node:crypto';
import { publicKeyFromJwk, type KeyResolver, type PublicJwk } from './access-token.js';

export class RemoteKeySet {
  private keys = new Map<string, KeyObject>();
  private lastFetch = 0;
  private inflight?: Promise<void>;

  constructor(
    private readonly jwksUrl: string,
    private readonly minRefreshMs = 5000,
  ) {}

  readonly resolve: KeyResolver = async (kid) => {
    const known = this.keys.get(kid);
    if (known) return known;
    if (Date.now() - this.lastFetch >= this.minRefreshMs) await this.refresh();
    return this.keys.get(kid);
  };

  private refresh(): Promise<void> {
    this.inflight ??= (async () => {
      try {
        const response = await fetch(this.jwksUrl, { signal: AbortSignal.timeout(5000) });
        if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
        const body = (await response.json()) as { keys?: PublicJwk[] };
        const next = new Map<string, KeyObject>();
        for (const jwk of body.keys ?? []) {
          if (jwk.alg === 'EdDSA' && typeof jwk.kid === 'string')
            next.set(jwk.kid, publicKeyFromJwk(jwk));
        }
        this.keys = next;
        this.lastFetch = Date.now();
      } catch {
        // The gateway may not be up yet; try again on the next unknown kid.
        this.lastFetch = Date.now() - this.minRefreshMs + 1000;
      } finally {
        this.inflight = undefined;
      }
    })();
    return this.inflight;
  }
}
