import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  KEY_ID_HEADER,
  PROOF_HEADER,
  SIGNATURE_HEADER,
  keyIdOf,
  publicKeyFromPem,
  publicKeyPem,
  recordSigner,
  signatureHolds,
  signedHeaders,
  signValues,
  withSignature,
} from './record-signature.js';
import { rootOf, signedRoot } from './batch-proof.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');

describe('record signatures', () => {
  it('names a key by the SHA-256 of its raw bytes, the same from its PEM as from the key', () => {
    const keyId = keyIdOf(publicKey);
    expect(keyId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keyIdOf(publicKeyFromPem(publicKeyPem(publicKey)))).toBe(keyId);
    expect(recordSigner(privateKey).keyId).toBe(keyId);
    expect(keyIdOf(generateKeyPairSync('ed25519').publicKey)).not.toBe(keyId);
  });

  it('signs the exact value bytes: they verify, and one changed byte does not', async () => {
    const value = Buffer.from('{"recordType":"person","source":"interior"}');
    const headers = signedHeaders(recordSigner(privateKey), value, { source: 'interior' });
    expect(headers).toMatchObject({ source: 'interior', [KEY_ID_HEADER]: keyIdOf(publicKey) });
    const signature = headers[SIGNATURE_HEADER]!;
    await expect(signatureHolds(publicKey, value, signature)).resolves.toBe(true);
    const altered = Buffer.from(value);
    altered[altered.length - 3] ^= 1;
    await expect(signatureHolds(publicKey, altered, signature)).resolves.toBe(false);
    await expect(
      signatureHolds(generateKeyPairSync('ed25519').publicKey, value, signature),
    ).resolves.toBe(false);
  });

  it('treats a signature of the wrong length or alphabet as not holding, without throwing', async () => {
    const value = Buffer.from('{}');
    for (const signature of ['', 'abc', '!!!!', 'A'.repeat(200)]) {
      await expect(signatureHolds(publicKey, value, signature)).resolves.toBe(false);
    }
  });

  it('holds only for the one canonical spelling of a signature', async () => {
    const value = Buffer.from('{"recordType":"person"}');
    const signature = recordSigner(privateKey).sign(value);
    await expect(signatureHolds(publicKey, value, signature)).resolves.toBe(true);
    const last = signature.at(-1)!;
    // 64 bytes leave 4 unused bits in the last character: flip one of them.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const unusedBitFlipped = signature.slice(0, -1) + alphabet[alphabet.indexOf(last) ^ 1];
    for (const variant of [
      `${signature}==`,
      `${signature.slice(0, 10)}*${signature.slice(10)}`,
      unusedBitFlipped,
      signature.replaceAll('-', '+').replaceAll('_', '/'),
    ]) {
      if (variant === signature) continue;
      await expect(signatureHolds(publicKey, value, variant)).resolves.toBe(false);
    }
  });

  it('refuses a key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    expect(() => keyIdOf(rsa)).toThrow(/must be Ed25519, not rsa/);
    expect(() => publicKeyFromPem(publicKeyPem(rsa))).toThrow(/must be Ed25519/);
    expect(createPublicKey(privateKey).asymmetricKeyType).toBe('ed25519');
  });

  describe('a batch signed once', () => {
    const signer = recordSigner(privateKey);
    const valuesOf = (n: number, tag = 'r'): Buffer[] =>
      Array.from({ length: n }, (_, i) => Buffer.from(`{"recordId":"${tag}${i}"}`));

    it('signs a lone value over its bytes, with no proof', async () => {
      const [value] = valuesOf(1);
      const [signed] = signValues(signer, [value!]);
      expect(signed!.proof).toBeUndefined();
      await expect(signatureHolds(publicKey, value!, signed!.signature)).resolves.toBe(true);
    });

    it.each([2, 64, 65, 130, 500])(
      'signs %i values in runs of at most 64, of near-equal size, each value verifying with its proof',
      async (n) => {
        const values = valuesOf(n);
        const signed = signValues(signer, values);
        expect(signed).toHaveLength(n);
        const runs = new Map<string, number>();
        for (const { signature } of signed) runs.set(signature, (runs.get(signature) ?? 0) + 1);
        expect(runs.size).toBe(Math.ceil(n / 64));
        for (const size of runs.values())
          expect(size).toBeGreaterThanOrEqual(Math.floor(n / runs.size));
        for (const size of runs.values()) expect(size).toBeLessThanOrEqual(64);
        const holds = await Promise.all(
          values.map((value, i) =>
            signatureHolds(publicKey, value, signed[i]!.signature, signed[i]!.proof),
          ),
        );
        expect(holds.every(Boolean)).toBe(true);
      },
    );

    it('holds for no changed byte, no other proof, no other key and no other batch', async () => {
      const values = valuesOf(10);
      const signed = signValues(signer, values);
      const { signature, proof } = signed[3]!;
      await expect(signatureHolds(publicKey, values[3]!, signature, proof)).resolves.toBe(true);
      const altered = Buffer.from(values[3]!);
      altered[2] ^= 1;
      await expect(signatureHolds(publicKey, altered, signature, proof)).resolves.toBe(false);
      await expect(
        signatureHolds(publicKey, values[3]!, signature, signed[4]!.proof),
      ).resolves.toBe(false);
      const stranger = generateKeyPairSync('ed25519').publicKey;
      await expect(signatureHolds(stranger, values[3]!, signature, proof)).resolves.toBe(false);
      // The same root with another batch's signature: remembered per signature, not per root.
      const other = signValues(signer, valuesOf(10, 'x'))[0]!.signature;
      await expect(signatureHolds(publicKey, values[3]!, other, proof)).resolves.toBe(false);
      await expect(signatureHolds(publicKey, values[3]!, signature, proof)).resolves.toBe(true);
    });

    it('lets a forged tree met first under a real signature hold for nothing, and keep no real record out', async () => {
      const key = generateKeyPairSync('ed25519');
      const own = recordSigner(key.privateKey);
      const values = valuesOf(8, 'f');
      const signed = signValues(own, values);
      const forged = valuesOf(8, 'forged');
      const forgedTree = signValues(
        recordSigner(generateKeyPairSync('ed25519').privateKey),
        forged,
      );
      // The forged values with their own proofs, carrying the real batch's signature.
      const holds = await Promise.all([
        ...forged.map((value, i) =>
          signatureHolds(key.publicKey, value, signed[0]!.signature, forgedTree[i]!.proof),
        ),
        ...values.map((value, i) =>
          signatureHolds(key.publicKey, value, signed[i]!.signature, signed[i]!.proof),
        ),
      ]);
      expect(holds).toEqual([...forged.map(() => false), ...values.map(() => true)]);
      // Once the real tree is known, a forged value still climbs to another root and fails.
      await expect(
        signatureHolds(key.publicKey, forged[0]!, signed[0]!.signature, signed[0]!.proof),
      ).resolves.toBe(false);
      for (const [i, value] of values.entries())
        await expect(
          signatureHolds(key.publicKey, value, signed[i]!.signature, signed[i]!.proof),
        ).resolves.toBe(true);
    });

    it('never takes a batch signature for a value signature, nor the other way round', async () => {
      const values = valuesOf(2);
      const [first] = signValues(signer, values);
      await expect(signatureHolds(publicKey, values[0]!, first!.signature)).resolves.toBe(false);
      const lone = signer.sign(values[0]!);
      await expect(signatureHolds(publicKey, values[0]!, lone, first!.proof)).resolves.toBe(false);
    });

    it('never signs or accepts on its own a value shaped like a batch root', async () => {
      const values = valuesOf(2);
      const [first] = signValues(signer, values);
      const root = rootOf(values[0]!, first!.proof!)!;
      const rootLike = signedRoot(root);
      // The batch's own signature holds over those bytes; as a lone value they are refused.
      await expect(signatureHolds(publicKey, rootLike, first!.signature)).resolves.toBe(false);
      expect(() => signedHeaders(signer, rootLike)).toThrow(/never signed on its own/);
      expect(() => signValues(signer, [rootLike])).toThrow(/never signed on its own/);
    });

    it('puts the proof in its header, and drops a stray one when there is none', () => {
      const headers = withSignature('k', { signature: 's', proof: '0.2.x' }, { source: 'a' });
      expect(headers).toEqual({
        source: 'a',
        [SIGNATURE_HEADER]: 's',
        [KEY_ID_HEADER]: 'k',
        [PROOF_HEADER]: '0.2.x',
      });
      expect(withSignature('k', { signature: 's' }, headers)).not.toHaveProperty(PROOF_HEADER);
    });
  });
});
