import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  generateSigningKeyPem,
  issueAccessToken,
  signingKeyFromPem,
  type KeyResolver,
} from './access-token.js';
import type { Principal } from './principal.js';
import { cachingTokenVerifier } from './token-verifier.js';

const key = signingKeyFromPem(generateSigningKeyPem());
const principal: Principal = { clientId: 'mef.agency.1', agencyId: 'mef', role: 'agency' };

function countingResolver(): { resolve: KeyResolver; calls: () => number } {
  let calls = 0;
  return {
    resolve: async (kid) => {
      calls += 1;
      return kid === key.kid ? createPublicKey(key.privateKey) : undefined;
    },
    calls: () => calls,
  };
}

describe('cachingTokenVerifier', () => {
  it('checks a token’s signature once, then answers from memory', async () => {
    const keys = countingResolver();
    const verify = cachingTokenVerifier(keys.resolve);
    const token = await issueAccessToken(key, principal, 900);
    await expect(verify(token)).resolves.toEqual(principal);
    await expect(verify(token)).resolves.toEqual(principal);
    expect(keys.calls()).toBe(1);
  });

  it('never remembers a token that failed, and still refuses it', async () => {
    const keys = countingResolver();
    const verify = cachingTokenVerifier(keys.resolve);
    const [header, claims] = (await issueAccessToken(key, principal, 900)).split('.');
    const forged = `${header}.${claims}.${Buffer.alloc(64).toString('base64url')}`;
    await expect(verify(forged)).rejects.toThrow('bad signature');
    await expect(verify(forged)).rejects.toThrow('bad signature');
    expect(keys.calls()).toBe(2);
  });

  it('never answers a variant of a remembered token from memory', async () => {
    const verify = cachingTokenVerifier(countingResolver().resolve);
    const token = await issueAccessToken(key, principal, 900);
    await expect(verify(token)).resolves.toEqual(principal);
    await expect(verify(`${token}==`)).rejects.toThrow('malformed');
    await expect(verify(`${token}=`)).rejects.toThrow('malformed');
    await expect(verify(token)).resolves.toEqual(principal);
  });

  it('refuses a remembered token once it has expired', async () => {
    const verify = cachingTokenVerifier(countingResolver().resolve);
    // Valid now only thanks to the 30 s leeway; expired for good a moment later.
    const token = await issueAccessToken(key, principal, -29);
    await expect(verify(token)).resolves.toEqual(principal);
    const realNow = Date.now;
    Date.now = () => realNow() + 5_000;
    try {
      await expect(verify(token)).rejects.toThrow('expired');
    } finally {
      Date.now = realNow;
    }
  });

  it('keeps at most maxEntries tokens, forgetting the oldest', async () => {
    const keys = countingResolver();
    const verify = cachingTokenVerifier(keys.resolve, 2);
    const tokens = await Promise.all([1, 2, 3].map(() => issueAccessToken(key, principal, 900)));
    for (const token of tokens) await verify(token);
    await verify(tokens[2]!);
    await verify(tokens[1]!);
    expect(keys.calls()).toBe(3);
    await verify(tokens[0]!);
    expect(keys.calls()).toBe(4);
  });
});
