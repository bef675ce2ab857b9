import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { batchTree, leafHash, rootOf } from './batch-proof.js';

const sha256 = (...parts: Buffer[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/** RFC 9162's MTH, written from its definition, as the oracle. */
function merkleTreeHash(values: readonly Buffer[]): Buffer {
  if (values.length === 1) return sha256(Buffer.of(0), values[0]!);
  let k = 1;
  while (k * 2 < values.length) k *= 2;
  return sha256(Buffer.of(1), merkleTreeHash(values.slice(0, k)), merkleTreeHash(values.slice(k)));
}

const valuesOf = (n: number): Buffer[] =>
  Array.from({ length: n }, (_, i) => Buffer.from(`{"recordId":"r${i}"}`));

describe('batch proofs', () => {
  it.each([2, 3, 4, 5, 7, 8, 9, 33, 63, 64, 100])(
    'gives the root of RFC 9162 over %i values, and every value proves its way to it',
    (n) => {
      const values = valuesOf(n);
      const { root, proofs } = batchTree(values);
      expect(root.equals(merkleTreeHash(values))).toBe(true);
      values.forEach((value, i) => {
        expect(proofs[i]).toMatch(new RegExp(`^${i}\\.${n}\\.[A-Za-z0-9_-]+$`));
        expect(rootOf(value, proofs[i]!)?.equals(root)).toBe(true);
      });
    },
  );

  it('keeps every proof of a tree of 64 to six hashes (256 characters)', () => {
    const { proofs } = batchTree(valuesOf(64));
    for (const proof of proofs) expect(proof.split('.')[2]).toHaveLength(256);
  });

  it('leads a changed value, or another value, to another root', () => {
    const values = valuesOf(9);
    const { root, proofs } = batchTree(values);
    const altered = Buffer.from(values[4]!);
    altered[3] ^= 1;
    expect(rootOf(altered, proofs[4]!)?.equals(root)).toBe(false);
    expect(rootOf(values[5]!, proofs[4]!)?.equals(root)).toBe(false);
    // A node of the tree is not a leaf: the hash of two leaves does not pass for a value.
    const node = sha256(Buffer.of(1), leafHash(values[0]!), leafHash(values[1]!));
    const fromNode = `0.5.${proofs[2]!.split('.')[2]}`;
    expect(rootOf(node, fromNode)?.equals(root) ?? false).toBe(false);
  });

  it('refuses a proof that is not exactly well formed', () => {
    const values = valuesOf(9);
    const { proofs } = batchTree(values);
    const [, , path] = proofs[4]!.split('.') as [string, string, string];
    for (const proof of [
      '',
      `4.9`,
      `04.9.${path}`,
      `4.09.${path}`,
      `9.9.${path}`,
      `4.1.${path}`,
      `4.5000.${path}`,
      `-1.9.${path}`,
      `4.9.${path}=`,
      `4.9.${path}A`,
      `4.9.${path.slice(0, -43)}`,
      `4.9.${path}${path.slice(0, 43)}`,
      `4.9.${path.replaceAll('-', '+')}`,
      `4.9.${path} `,
    ]) {
      if (proof === proofs[4]) continue;
      expect(rootOf(values[4]!, proof)).toBeUndefined();
    }
  });

  // The index and size are not signed, and need not be: they only steer the
  // climb, and a size that gives the leaf the same place (4 of 9 and 4 of 10)
  // leads to the same root, which still commits to exactly this value.
  it('gives a proof with another index or size another root, or none', () => {
    const values = valuesOf(9);
    const { root, proofs } = batchTree(values);
    const path = proofs[4]!.split('.')[2]!;
    for (const [index, size] of [
      [5, 9],
      [4, 8],
      [4, 6],
      [3, 9],
      [0, 9],
    ] as const) {
      expect(rootOf(values[4]!, `${index}.${size}.${path}`)?.equals(root) ?? false).toBe(false);
    }
  });

  it('builds trees of 2 to 4,096 values only', () => {
    expect(() => batchTree(valuesOf(1))).toThrow(RangeError);
    expect(() => batchTree([])).toThrow(RangeError);
  });
});
