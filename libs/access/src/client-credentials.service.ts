// The OAuth2 client-credentials grant: a client id and secret in, a short-lived
// signed access token out. Registration of clients also lives here so the
// CLI, the demo seeding and (later) GraphQL share one path.
import { randomBytes } from 'node:crypto';
import { issueAccessToken, type SigningKey } from './access-token.js';
import type { ClientRepository } from './client.repository.js';
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
}

export class ClientCredentialsService {
  constructor(
    private readonly clients: ClientRepository,
    private readonly signingKey: () => SigningKey,
    private readonly tokenTtlSeconds: number,
  ) {}

  /** Undefined when the id is unknown, the secret wrong, or the client revoked. */
  async exchange(clientId: string, clientSecret: string): Promise<IssuedToken | undefined> {
    const client = await this.clients.findClient(clientId);
    const matches = await verifySecret(clientSecret, client?.secretHash);
    if (!client || !matches || client.revokedAt) return undefined;
    const principal: Principal = {
      clientId: client.clientId,
      agencyId: client.agencyId,
      role: client.role,
      ...(client.adapter ? { adapter: client.adapter } : {}),
    };
    return {
      access_token: issueAccessToken(this.signingKey(), principal, this.tokenTtlSeconds),
      token_type: 'Bearer',
      expires_in: this.tokenTtlSeconds,
    };
  }

  /** Creates a client and returns its secret — the only time the secret is ever shown. */
  async register(client: NewClient): Promise<{ clientId: string; clientSecret: string }> {
    await this.clients.upsertAgency({ id: client.agencyId, name: client.agencyName });
    const clientId = `${client.agencyId}.${client.role}.${randomBytes(4).toString('hex')}`;
    const clientSecret = newClientSecret();
    await this.clients.insertClient({
      clientId,
      agencyId: client.agencyId,
      name: client.name,
      role: client.role,
      adapter: client.adapter ?? null,
      secretHash: await hashSecret(clientSecret),
    });
    return { clientId, clientSecret };
  }
}
