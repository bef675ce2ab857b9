import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  KEY_ID_HEADER,
  SIGNATURE_HEADER,
  keyIdOf,
  publicKeyFromPem,
  publicKeyPem,
  recordSigner,
  signatureHolds,
  signedHeaders,
} from './record-signature.js';

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
});
