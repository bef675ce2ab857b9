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
    const token = await issueAccessToken(key, principal, 900);
    await expect(verifyAccessToken(token, keys)).resolves.toEqual(principal);
  });

  it('rejects a token whose claims were altered', async () => {
    const [header, claims, signature] = (await issueAccessToken(key, principal, 900)).split('.');
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
    const token = await issueAccessToken({ ...other, kid: key.kid }, principal, 900);
    await expect(verifyAccessToken(token, keys)).rejects.toThrow('bad signature');
  });

  it("carries no national id in a citizen's token, only the client", async () => {
    const citizen: Principal = {
      clientId: 'citizens.citizen.3f9a0c12',
      agencyId: 'citizens',
      role: 'citizen',
      nationalId: '4016698706',
    };
    const token = await issueAccessToken(key, citizen, 900);
    const readable = token
      .split('.')
      .slice(0, 2)
      .map((part) => Buffer.from(part, 'base64url').toString('utf8'))
      .join('');
    expect(readable).not.toContain('4016698706');
    expect(JSON.parse(readable.slice(readable.indexOf('}') + 1))).not.toHaveProperty('nid');
    await expect(verifyAccessToken(token, keys)).resolves.toEqual({
      clientId: 'citizens.citizen.3f9a0c12',
      agencyId: 'citizens',
      role: 'citizen',
    });
  });

  it('accepts only the canonical encoding of a token', async () => {
    const token = await issueAccessToken(key, principal, 900);
    const [header, claims, signature] = token.split('.') as [string, string, string];
    await expect(verifyAccessToken(token, keys)).resolves.toEqual(principal);
    // The last character of an Ed25519 signature carries 4 unused bits; of a
    // segment of other lengths, 2 or 4. Flipping one gives the same bytes.
    const flipUnusedBits = (segment: string): string => {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const last = alphabet.indexOf(segment.at(-1)!);
      return segment.slice(0, -1) + alphabet[last ^ 1];
    };
    const variants = {
      'padding after the signature': `${token}==`,
      'padding after the header': `${header}==.${claims}.${signature}`,
      'a * inside the signature': `${header}.${claims}.${signature.slice(0, 10)}*${signature.slice(10)}`,
      'a space inside the claims': `${header}.${claims.slice(0, 5)} ${claims.slice(5)}.${signature}`,
      'standard base64 characters': `${header}.${claims}.${signature.replaceAll('-', '+').replaceAll('_', '/')}`,
      'altered unused bits in the signature': `${header}.${claims}.${flipUnusedBits(signature)}`,
      'a fourth segment': `${token}.${signature}`,
      'leading whitespace': ` ${token}`,
    };
    for (const [name, variant] of Object.entries(variants)) {
      if (variant === token) continue;
      await expect(verifyAccessToken(variant, keys).then(() => name)).rejects.toThrow(
        new InvalidTokenError('malformed'),
      );
    }
  });

  it('rejects expired tokens, unsigned tokens and other algorithms', async () => {
    await expect(
      verifyAccessToken(await issueAccessToken(key, principal, -120), keys),
    ).rejects.toThrow('expired');
    const [, claims, signature] = (await issueAccessToken(key, principal, 900)).split('.');
    const headerOf = (alg: string): string =>
      Buffer.from(JSON.stringify({ alg, typ: 'JWT', kid: key.kid })).toString('base64url');
    // An unsigned token has an empty third segment: not even parsed.
    await expect(verifyAccessToken(`${headerOf('none')}.${claims}.`, keys)).rejects.toThrow(
      'malformed',
    );
    for (const alg of ['none', 'HS256', 'RS256', 'ES256']) {
      await expect(
        verifyAccessToken(`${headerOf(alg)}.${claims}.${signature}`, keys),
      ).rejects.toThrow(new InvalidTokenError('unsupported algorithm'));
    }
    await expect(verifyAccessToken('not-a-token', keys)).rejects.toThrow('malformed');
  });
});
