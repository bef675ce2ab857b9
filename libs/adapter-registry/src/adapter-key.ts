// An adapter's signing key as the registry knows it. Only an approved key
// verifies, and only until its not-after (the end of a rotation's overlap);
// a revoked key never verifies again.

export const ADAPTER_KEY_STATES = ['proposed', 'approved', 'revoked'] as const;
export type AdapterKeyState = (typeof ADAPTER_KEY_STATES)[number];

export interface AdapterKey {
  keyId: string;
  adapter: string;
  /** The public key, PEM (SPKI). */
  publicKey: string;
  state: AdapterKeyState;
  /** After this moment the key no longer verifies (set on the old key when a new one is approved). */
  notAfter: Date | null;
  proposedBy: string;
  proposedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
}

/** Whether the key verifies records at this moment; if not, why not. */
export function keyRefusal(key: AdapterKey, at: Date = new Date()): string | undefined {
  switch (key.state) {
    case 'proposed':
      return `key ${key.keyId} of adapter ${key.adapter} is not approved yet`;
    case 'revoked':
      return `key ${key.keyId} of adapter ${key.adapter} was revoked${
        key.decisionReason ? `: ${key.decisionReason}` : ''
      }`;
    case 'approved':
      return key.notAfter !== null && at.getTime() >= key.notAfter.getTime()
        ? `key ${key.keyId} of adapter ${key.adapter} was replaced and stopped verifying at ${key.notAfter.toISOString()}`
        : undefined;
  }
}
