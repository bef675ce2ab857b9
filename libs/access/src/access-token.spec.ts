import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  generateSigningKeyPem,
  InvalidTokenError,
  issueAccessToken,
  signingKeyFromPem,
  verifyAccessToken,
  type KeyResolver,
} from './access-token.js';
import type { Principal } from './principal.js';

const key = signingKeyFromPem(generateSigningKeyPem());
const keys: KeyResolver = async (kid) =>
  kid === key.kid ? (await import('node:crypto')).createPublicKey(key.privateKey) : undefined;
const principal: Principal = {
  clientId: 'moi.adapter.1',
  agencyId: 'moi',
  role: 'adapter',
  adapter: 'interior',
};

describe('access tokens', () => {
  it('round-trips a principal through a signed token', async () => {
    const token = issueAccessToken(key, principal, 900);
    await expect(verifyAccessToken(token, keys)).resolves.toEqual(principal);
  });

  it('rejects a token whose claims were altered', async () => {
    const [header, claims, signature] = issueAccessToken(key, principal, 900).split('.');
    const forged = JSON.parse(Buffer.from(claims!, 'base64url').toString());
    forged.role = 'steward';
    const tampered = [
      header,
      Buffer.from(JSON.stringify(forged)).toString('base64url'),
      signature,
    ].join('.');
    await expect(verifyAccessToken(tampered, keys)).rejects.toThrow(
      new InvalidTokenError('bad signature'),
    );
  });

  it('rejects a token signed by another key, even with our kid', async () => {
    const other = signingKeyFromPem(
      generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    );
    const token = issueAccessToken({ ...other, kid: key.kid }, principal, 900);
    await expect(verifyAccessToken(token, keys)).rejects.toThrow('bad signature');
  });

  it('rejects expired tokens, unsigned tokens and other algorithms', async () => {
    await expect(verifyAccessToken(issueAccessToken(key, principal, -120), keys)).rejects.toThrow(
      'expired',
    );
    const [, claims] = issueAccessToken(key, principal, 900).split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid: key.kid })).toString('base64url')}.${claims}.`;
    await expect(verifyAccessToken(none, keys)).rejects.toThrow('unsupported algorithm');
    await expect(verifyAccessToken('not-a-token', keys)).rejects.toThrow('malformed');
  });
});
