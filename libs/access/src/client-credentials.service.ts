// The OAuth2 client-credentials grant: a client id and secret in, a short-lived
// signed access token out. Also the bootstrap registration of the first
// clients of an empty installation (npm start's demo clients, the test
// stack), before anyone exists who could act; every other creation, rotation
// and revocation goes through ClientAdministrationService, which checks who
// asks and writes the audit log.
import { randomBytes } from 'node:crypto';
import { getNationalIdScheme } from '#spean/contracts';
import { issueAccessToken, type SigningKey } from './access-token.js';
import type { ClientRepository } from './client.repository.js';
import { validateNewClient } from './client-policy.js';
import type { Principal, Role } from './principal.js';
import { hashSecret, newClientSecret, verifySecret } from './secret-hasher.js';

export interface IssuedToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

export interface NewClient {
  agencyId: string;
  agencyName: string;
  name: string;
  role: Role;
  adapter?: string;
  /** For role citizen: the citizen's national id (the agency is then always "citizens"). */
  nationalId?: string;
}

export class ClientCredentialsService {
  constructor(
    private readonly clients: ClientRepository,
    private readonly signingKey: () => SigningKey,
    private readonly tokenTtlSeconds: number,
  ) {}

  /**
   * Undefined when the id is unknown, the secret wrong, or the client revoked.
   * The secret may be the current one or, while a rotation's overlap lasts, the
   * previous one. A refused attempt always costs two hash comparisons, whether
   * the client exists and has a previous secret or not, so timing tells an
   * attacker nothing they did not know.
   */
  async exchange(clientId: string, clientSecret: string): Promise<IssuedToken | undefined> {
    const client = await this.clients.findClient(clientId);
    const matches =
      (await verifySecret(clientSecret, client?.secretHash)) ||
      (await verifySecret(clientSecret, client?.previousSecretHash ?? undefined));
    if (!client || !matches || client.revokedAt) return undefined;
    const principal: Principal = {
      clientId: client.clientId,
      agencyId: client.agencyId,
      role: client.role,
      ...(client.adapter ? { adapter: client.adapter } : {}),
      // A citizen's national id stays here: the token names the client only.
    };
    return {
      access_token: await issueAccessToken(this.signingKey(), principal, this.tokenTtlSeconds),
      token_type: 'Bearer',
      expires_in: this.tokenTtlSeconds,
    };
  }

  /**
   * Bootstrap only (see the top of this file): creates a client without an
   * actor or an audit entry and returns its secret, the only time it is shown.
   * The input is checked as for any creation, except that a citizen client
   * keeps the agency it is given (test set-ups give each role an agency of
   * its own); created any other way, a citizen is always in "citizens".
   */
  async register(client: NewClient): Promise<{ clientId: string; clientSecret: string }> {
    const citizen = client.role === 'citizen';
    const valid = validateNewClient(
      citizen ? { ...client, agencyId: undefined, agencyName: undefined } : client,
      getNationalIdScheme(),
    );
    const agency = citizen
      ? { id: client.agencyId, name: client.agencyName }
      : { id: valid.agencyId, name: valid.agencyName! };
    await this.clients.upsertAgency(agency);
    const clientId = newClientId(agency.id, valid.role);
    const clientSecret = newClientSecret();
    await this.clients.insertClient({
      clientId,
      agencyId: agency.id,
      name: valid.name,
      role: valid.role,
      adapter: valid.adapter,
      nationalId: valid.nationalId,
      secretHash: await hashSecret(clientSecret),
    });
    return { clientId, clientSecret };
  }
}

/** E.g. mef.agency.3f9a0c12: readable in logs, and never derived from a national id. */
export function newClientId(agencyId: string, role: Role): string {
  return `${agencyId}.${role}.${randomBytes(4).toString('hex')}`;
}
