// What makes a message on the log an adapter's own: a detached Ed25519
// signature over the message value, exactly as it travels, and the id of the
// key that made it, both carried in the message headers (`signature`,
// `key-id`).
//
// Why the exact value bytes, and not a canonical re-serialisation of the
// record: the consumer verifies the bytes it received, with no parsing or
// re-encoding before the check (cheaper, and nothing to get subtly different
// between publisher and consumer); the value is written once by the publisher
// and never rewritten — the outbox stores it and its headers as they are, and
// a dead letter keeps both, so a replay is verified exactly as first seen.
// Headers are not signed, and need not be: a consumer takes the source, the
// record type and the schema version it checks from the signed value, never
// from a header. Altering one byte of the value breaks the signature.
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export const SIGNATURE_HEADER = 'signature';
export const KEY_ID_HEADER = 'key-id';

/** Why a consumer refused a record; each is a dead-letter code. */
export const REFUSAL_CODES = [
  'unsigned',
  'bad-signature',
  'unknown-key',
  'source-not-approved',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** Signs message values with one adapter's private key. */
export interface RecordSigner {
  readonly keyId: string;
  /** The detached signature of the value, base64url. */
  sign(value: Buffer): string;
}

/** The key id: base64url SHA-256 of the raw 32-byte public key; the same key always has the same id. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(publicKey)).digest('base64url');
}

/** The raw 32 bytes of an Ed25519 public key. */
export function rawPublicKey(publicKey: KeyObject): Buffer {
  if (publicKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`an adapter signing key must be Ed25519, not ${publicKey.asymmetricKeyType}`);
  }
  const jwk = publicKey.export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url');
}

/** An Ed25519 public key from its PEM (SPKI) text. */
export function publicKeyFromPem(pem: string): KeyObject {
  const key = createPublicKey(pem);
  rawPublicKey(key);
  return key;
}

export function publicKeyPem(publicKey: KeyObject): string {
  return publicKey.export({ format: 'pem', type: 'spki' }).toString();
}

export function recordSigner(privateKey: KeyObject): RecordSigner {
  const keyId = keyIdOf(createPublicKey(privateKey));
  return {
    keyId,
    sign: (value) => sign(null, value, privateKey).toString('base64url'),
  };
}

/** The message's headers with its signature added. */
export function signedHeaders(
  signer: RecordSigner,
  value: Buffer,
  headers: Record<string, string> = {},
): Record<string, string> {
  return withSignature(signer.keyId, signer.sign(value), headers);
}

/** The message's headers with a signature made by the key `keyId` added. */
export function withSignature(
  keyId: string,
  signature: string,
  headers: Record<string, string> = {},
): Record<string, string> {
  return { ...headers, [SIGNATURE_HEADER]: signature, [KEY_ID_HEADER]: keyId };
}

/**
 * True when the signature is the key's over exactly these bytes. Checked on
 * libuv's thread pool, not the event loop: a consumer verifies a batch at
 * once, on every core, while it goes on decoding and storing.
 */
export async function signatureHolds(
  publicKey: KeyObject,
  value: Buffer,
  signature: string,
): Promise<boolean> {
  // Exactly the 86 characters of 64 bytes in unpadded base64url: Buffer.from is
  // lenient (it skips stray characters and ignores unused bits), so a variant
  // spelling of a real signature would otherwise hold too.
  if (signature.length !== 86) return false;
  const bytes = Buffer.from(signature, 'base64url');
  if (bytes.length !== 64 || bytes.toString('base64url') !== signature) return false;
  return new Promise((resolve) => {
    try {
      verify(null, value, publicKey, bytes, (error, holds) => resolve(!error && holds));
    } catch {
      resolve(false);
    }
  });
}
