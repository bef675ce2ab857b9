import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  generateSigningKeyPem,
  issueAccessToken,
  signingKeyFromPem,
  verifyAccessToken,
  type PublicJwk,
} from './access-token.js';
import type { Principal } from './principal.js';
import { RemoteKeySet } from './remote-key-set.js';

const principal: Principal = { clientId: 'mef.agency.1', agencyId: 'mef', role: 'agency' };

describe('RemoteKeySet', () => {
  let server: Server;
  let url: string;
  let published: object[] = [];
  let reads = 0;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      reads += 1;
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('verifies with the published key, reads the set once, and follows a rotation', async () => {
    const first = signingKeyFromPem(generateSigningKeyPem());
    const second = signingKeyFromPem(generateSigningKeyPem());
    published = [first.publicJwk];
    reads = 0;
    const keys = new RemoteKeySet(url, { minRefreshMs: 0 });
    const token = await issueAccessToken(first, principal, 900);
    await expect(verifyAccessToken(token, keys.resolve)).resolves.toEqual(principal);
    await expect(verifyAccessToken(token, keys.resolve)).resolves.toEqual(principal);
    expect(reads).toBe(1);

    published = [second.publicJwk, first.publicJwk];
    const rotated = await issueAccessToken(second, principal, 900);
    await expect(verifyAccessToken(rotated, keys.resolve)).resolves.toEqual(principal);
    expect(reads).toBe(2);
  });

  it('refuses a kid the set does not hold, and a key published for another algorithm', async () => {
    const key = signingKeyFromPem(generateSigningKeyPem());
    const wrongAlg: PublicJwk & { alg: string } = { ...key.publicJwk, alg: 'ES256' as 'EdDSA' };
    published = [wrongAlg];
    const keys = new RemoteKeySet(url, { minRefreshMs: 0 });
    const token = await issueAccessToken(key, principal, 900);
    await expect(verifyAccessToken(token, keys.resolve)).rejects.toThrow('unknown signing key');
    published = [];
    await expect(keys.resolve('no-such-kid')).resolves.toBeUndefined();
  });

  it('finds no key while the gateway cannot be reached', async () => {
    const keys = new RemoteKeySet('http://127.0.0.1:1/.well-known/jwks.json', { timeoutMs: 500 });
    await expect(keys.resolve('any')).resolves.toBeUndefined();
  });
});
