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
//
// A batch is signed once (batch-proof.ts): the signature is over the root of
// a Merkle tree of its values, and each message carries its proof in a third
// header (`signature-proof`), from which the consumer recomputes that root
// from the exact bytes it received. One Ed25519 signature then covers up to
// 64 records, and a consumer verifies it once: the roots it has checked are
// remembered (per key, bounded), so the other 63 cost a few SHA-256 hashes.
// A lone record is signed over its value alone, with no proof.
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { BATCH_LEAVES, batchTree, looksLikeBatchRoot, rootOf, signedRoot } from './batch-proof.js';

export const SIGNATURE_HEADER = 'signature';
export const KEY_ID_HEADER = 'key-id';
export const PROOF_HEADER = 'signature-proof';

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

/** A value's signature: over the value itself, or over its batch's root with the value's proof. */
export interface ValueSignature {
  signature: string;
  proof?: string;
}

/** The message's headers with its signature added; throws for a value a lone signature may not cover. */
export function signedHeaders(
  signer: RecordSigner,
  value: Buffer,
  headers: Record<string, string> = {},
): Record<string, string> {
  return withSignature(signer.keyId, { signature: signOne(signer, value) }, headers);
}

/** A lone value's signature: never over bytes that could pass for a batch's root. */
function signOne(signer: RecordSigner, value: Buffer): string {
  if (looksLikeBatchRoot(value)) {
    throw new Error('a value that begins as a batch signature does is never signed on its own');
  }
  return signer.sign(value);
}

/**
 * Each value's signature, in order: one signature per run of up to 64 values
 * over their tree's root, each value with its proof; a run of one is signed
 * over the value itself.
 */
export function signValues(signer: RecordSigner, values: readonly Buffer[]): ValueSignature[] {
  const signatures: ValueSignature[] = [];
  // Runs of near-equal size: 65 values are two trees of 33 and 32, never 64 and a lone 1.
  const runs = Math.ceil(values.length / BATCH_LEAVES);
  for (let run = 0, from = 0; run < runs; run++) {
    const to = from + Math.ceil((values.length - from) / (runs - run));
    const slice = values.slice(from, to);
    if (slice.length === 1) {
      signatures.push({ signature: signOne(signer, slice[0]!) });
    } else {
      const { root, proofs } = batchTree(slice);
      const signature = signer.sign(signedRoot(root));
      for (const proof of proofs) signatures.push({ signature, proof });
    }
    from = to;
  }
  return signatures;
}

/** The message's headers with a signature made by the key `keyId` added. */
export function withSignature(
  keyId: string,
  { signature, proof }: ValueSignature,
  headers: Record<string, string> = {},
): Record<string, string> {
  const signed: Record<string, string> = {
    ...headers,
    [SIGNATURE_HEADER]: signature,
    [KEY_ID_HEADER]: keyId,
  };
  // A header of the same name from elsewhere never stays beside a signature it does not belong to.
  if (proof === undefined) delete signed[PROOF_HEADER];
  else signed[PROOF_HEADER] = proof;
  return signed;
}

/** Batch roots a key's signature was checked over (root and signature), while being checked and once they held. */
const checkedRoots = new WeakMap<KeyObject, Map<string, Promise<boolean>>>();
/** Roots remembered per key: far more than the batches a consumer has in flight at once. */
const CHECKED_ROOTS_KEPT = 4_096;

/**
 * True when the signature is the key's over exactly these bytes — with a
 * proof, over the root those bytes and the proof lead to. Checked on libuv's
 * thread pool, not the event loop: a consumer verifies a batch at once, on
 * every core, while it goes on decoding and storing.
 */
export async function signatureHolds(
  publicKey: KeyObject,
  value: Buffer,
  signature: string,
  proof?: string,
): Promise<boolean> {
  const bytes = signatureBytes(signature);
  if (!bytes) return false;
  if (proof === undefined) return !looksLikeBatchRoot(value) && verified(publicKey, value, bytes);
  const root = rootOf(value, proof);
  if (!root) return false;
  let checked = checkedRoots.get(publicKey);
  if (!checked) checkedRoots.set(publicKey, (checked = new Map()));
  const key = root.toString('base64url') + signature;
  const known = checked.get(key);
  if (known) return known;
  const checking = verified(publicKey, signedRoot(root), bytes);
  checked.set(key, checking);
  if (checked.size > CHECKED_ROOTS_KEPT) checked.delete(checked.keys().next().value!);
  // Only what held is remembered: a failure (or an error) is checked again next time.
  void checking.then((ok) => {
    if (!ok && checked.get(key) === checking) checked.delete(key);
  });
  return checking;
}

/**
 * Exactly the 86 characters of 64 bytes in unpadded base64url: Buffer.from is
 * lenient (it skips stray characters and ignores unused bits), so a variant
 * spelling of a real signature would otherwise hold too.
 */
function signatureBytes(signature: string): Buffer | undefined {
  if (signature.length !== 86) return undefined;
  const bytes = Buffer.from(signature, 'base64url');
  return bytes.length === 64 && bytes.toString('base64url') === signature ? bytes : undefined;
}

function verified(publicKey: KeyObject, data: Buffer, signature: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      verify(null, data, publicKey, signature, (error, holds) => resolve(!error && holds));
    } catch {
      resolve(false);
    }
  });
}
