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
import type { CitizenSubjectLookup } from './citizen-subjects.js';
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
function authenticate(
  token: string,
  revoked: ReadonlySet<string>,
  citizens?: CitizenSubjectLookup,
): Promise<Outcome> {
  return new Promise((resolve) => {
    const request = { headers: { authorization: `Bearer ${token}` } } as AuthenticatedRequest;
    const headers = new Map<string, string>();
    const response = {
      statusCode: 200,
      setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value),
      end: () =>
        resolve({ status: response.statusCode, challenge: headers.get('www-authenticate') }),
    };
    const middleware = bearerAuthentication(keys, { isRevoked: (id) => revoked.has(id) }, citizens);
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

  describe('citizens', () => {
    const citizen: Principal = {
      clientId: 'citizens.citizen.1',
      agencyId: 'citizens',
      role: 'citizen',
      nationalId: '4016698706',
    };
    const registry: CitizenSubjectLookup = {
      nationalIdOf: async (clientId) => (clientId === citizen.clientId ? '4016698706' : undefined),
    };

    it("puts the citizen's national id, looked up on the server, on the principal", async () => {
      const token = await issueAccessToken(key, citizen, 900);
      expect(token).not.toContain(Buffer.from('4016698706').toString('base64url').slice(0, 12));
      await expect(authenticate(token, new Set(), registry)).resolves.toEqual({
        principal: citizen,
      });
    });

    it('refuses a citizen token whose client the registry does not know', async () => {
      const token = await issueAccessToken(
        key,
        { ...citizen, clientId: 'citizens.citizen.2' },
        900,
      );
      const outcome = await authenticate(token, new Set(), registry);
      expect(outcome.status).toBe(401);
      expect(outcome.challenge).toContain('unknown client');
    });

    it('does not look a revoked citizen up at all', async () => {
      let lookups = 0;
      const counting: CitizenSubjectLookup = {
        nationalIdOf: async (clientId) => {
          lookups += 1;
          return registry.nationalIdOf(clientId);
        },
      };
      const token = await issueAccessToken(key, citizen, 900);
      const outcome = await authenticate(token, new Set([citizen.clientId]), counting);
      expect(outcome.status).toBe(401);
      expect(lookups).toBe(0);
    });
  });
});
