import { createPublicKey } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from '@jest/globals';
import {
  generateSigningKeyPem,
  issueAccessToken,
  signingKeyFromPem,
  type KeyResolver,
} from './access-token.js';
import { bearerAuthentication, type AuthenticatedRequest } from './bearer-authentication.js';
import type { Principal } from './principal.js';

const key = signingKeyFromPem(generateSigningKeyPem());
const publicKey = createPublicKey(key.privateKey);
const keys: KeyResolver = async (kid) => (kid === key.kid ? publicKey : undefined);
const principal: Principal = { clientId: 'mef.agency.1', agencyId: 'mef', role: 'agency' };

interface Outcome {
  status?: number;
  challenge?: string;
  principal?: Principal;
}

/** Runs the middleware on a request with this token and reports what it did. */
function authenticate(token: string, revoked: ReadonlySet<string>): Promise<Outcome> {
  return new Promise((resolve) => {
    const request = { headers: { authorization: `Bearer ${token}` } } as AuthenticatedRequest;
    const headers = new Map<string, string>();
    const response = {
      statusCode: 200,
      setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value),
      end: () =>
        resolve({ status: response.statusCode, challenge: headers.get('www-authenticate') }),
    };
    const middleware = bearerAuthentication(keys, { isRevoked: (id) => revoked.has(id) });
    middleware(request, response as unknown as ServerResponse, () =>
      resolve({ principal: request.principal }),
    );
  });
}

describe('bearer authentication', () => {
  it('lets a valid token of a client in good standing through', async () => {
    const token = await issueAccessToken(key, principal, 900);
    await expect(authenticate(token, new Set())).resolves.toEqual({ principal });
  });

  it('refuses a valid token of a revoked client with 401 and says why', async () => {
    const token = await issueAccessToken(key, principal, 900);
    const outcome = await authenticate(token, new Set([principal.clientId]));
    expect(outcome.status).toBe(401);
    expect(outcome.challenge).toContain('error="invalid_token"');
    expect(outcome.challenge).toContain('client revoked');
    expect(outcome.principal).toBeUndefined();
  });

  it("does not refuse another client's token", async () => {
    const token = await issueAccessToken(key, principal, 900);
    await expect(authenticate(token, new Set(['mef.agency.2']))).resolves.toEqual({ principal });
  });
});
