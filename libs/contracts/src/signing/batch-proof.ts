// One signature for many records: the values of a batch are the leaves of a
// Merkle tree (RFC 9162's: a leaf's hash is SHA-256(0x00 ‖ value), a node's
// SHA-256(0x01 ‖ left ‖ right), and the tree over n leaves splits at the
// largest power of two below n), the adapter signs the tree's root once, and
// each message carries, beside that signature, its proof: its place in the
// tree and the sibling hashes from its leaf up to the root. A consumer
// recomputes the root from the bytes it received and the proof, and checks
// the signature over that root; a changed byte gives another root, and the
// signature no longer holds. The 0x00 and 0x01 prefixes keep a leaf from
// passing for a node and the other way round.
//
// The signature is over BATCH_CONTEXT ‖ root, never the root alone, and a
// value that begins as BATCH_CONTEXT does is never signed or accepted on its
// own (record-signature.ts; a record's value is a JSON object anyway): a batch
// signature can never be taken for a signature over one value, nor one
// value's signature for a batch's.
//
// The index and size in a proof are not signed, and need not be: they only
// steer the climb (which side each sibling is on, how many there are), so
// one leaf may verify under several index-and-size pairs that give it the
// same place — always to the same root, which commits to exactly its bytes.
//
// The proof travels as one header: "<index>.<size>.<sibling hashes, base64url>",
// e.g. "5.64.…" (six hashes, 256 characters, for a tree of 64).
import { hash } from 'node:crypto';

/** What a batch signature signs, before the 32 bytes of the root. */
export const BATCH_CONTEXT = Buffer.from('spean record batch v1\n');

/** Most leaves one signature covers when Spean signs: a proof is then at most six hashes. */
export const BATCH_LEAVES = 64;

/** The largest tree a consumer accepts: bounds the hashing one message can ask for. */
const MAX_TREE_SIZE = 4096;
const HASH_BYTES = 32;
const LEAF = Buffer.of(0);
const NODE = Buffer.of(1);

// crypto.hash, one shot: a Hash object per hash cost a third more.
export function leafHash(value: Buffer): Buffer {
  return hash('sha256', Buffer.concat([LEAF, value]), 'buffer');
}

function nodeHash(left: Buffer, right: Buffer): Buffer {
  return hash('sha256', Buffer.concat([NODE, left, right]), 'buffer');
}

/** True when the value begins as the bytes a batch signature is made over. */
export function looksLikeBatchRoot(value: Buffer): boolean {
  return (
    value.length >= BATCH_CONTEXT.length &&
    BATCH_CONTEXT.equals(value.subarray(0, BATCH_CONTEXT.length))
  );
}

/** The bytes a batch signature is made over. */
export function signedRoot(root: Buffer): Buffer {
  return Buffer.concat([BATCH_CONTEXT, root]);
}

/** The root of a tree over these values, and each value's proof header, in order. */
export function batchTree(values: readonly Buffer[]): { root: Buffer; proofs: string[] } {
  if (values.length < 2 || values.length > MAX_TREE_SIZE) {
    throw new RangeError(`a batch tree has 2 to ${MAX_TREE_SIZE} leaves, not ${values.length}`);
  }
  const paths: Buffer[][] = values.map(() => []);
  const root = subtree(values.map(leafHash), 0, values.length, paths);
  const size = values.length;
  return {
    root,
    proofs: paths.map(
      (path, index) => `${index}.${size}.${Buffer.concat(path).toString('base64url')}`,
    ),
  };
}

/** The hash of leaves [from, to), adding each leaf's sibling on the way (deepest first). */
function subtree(leaves: readonly Buffer[], from: number, to: number, paths: Buffer[][]): Buffer {
  if (to - from === 1) return leaves[from]!;
  const split = from + largestPowerOfTwoBelow(to - from);
  const left = subtree(leaves, from, split, paths);
  const right = subtree(leaves, split, to, paths);
  for (let i = from; i < split; i++) paths[i]!.push(right);
  for (let i = split; i < to; i++) paths[i]!.push(left);
  return nodeHash(left, right);
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const PROOF = /^(0|[1-9]\d{0,3})\.([1-9]\d{0,3})\.([A-Za-z0-9_-]{0,1000})$/;

/**
 * The root a value's proof leads to (RFC 9162, 2.1.3.2), or undefined when
 * the proof is malformed: numbers with leading zeros, hashes not in canonical
 * base64url, an index outside the tree, or a path of the wrong length.
 */
export function rootOf(value: Buffer, proof: string): Buffer | undefined {
  const parts = PROOF.exec(proof);
  if (!parts) return undefined;
  const index = Number(parts[1]);
  const size = Number(parts[2]);
  if (size < 2 || size > MAX_TREE_SIZE || index >= size) return undefined;
  const bytes = Buffer.from(parts[3]!, 'base64url');
  if (bytes.length % HASH_BYTES !== 0 || bytes.toString('base64url') !== parts[3]) return undefined;
  let fn = index;
  let sn = size - 1;
  let root = leafHash(value);
  for (let at = 0; at < bytes.length; at += HASH_BYTES) {
    if (sn === 0) return undefined;
    const sibling = bytes.subarray(at, at + HASH_BYTES);
    if ((fn & 1) === 1 || fn === sn) {
      root = nodeHash(sibling, root);
      while ((fn & 1) === 0 && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      root = nodeHash(root, sibling);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 ? root : undefined;
}
