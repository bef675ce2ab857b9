// A second OpenID provider, separate from the gateway's embedded one: its own
// oidc-provider on its own port, with claims named as another organisation
// names them (display_name, ministry, position), and its own login form.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type OidcContext } from 'oidc-provider';

export interface SecondProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export interface SecondPerson {
  password: string;
  claims: Record<string, string>;
}

export async function startSecondProvider(
  callbackUrl: string,
  persons: Record<string, SecondPerson>,
): Promise<SecondProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'spean-gateway';
  const clientSecret = randomBytes(24).toString('base64url');
  const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
    format: 'jwk',
  });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [callbackUrl],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [{ ...jwk, kid: 'second', use: 'sig', alg: 'ES256' }] },
    // This one puts every claim in the ID token; the embedded one keeps them for userinfo.
    conformIdTokenClaims: false,
    cookies: { keys: [randomBytes(16).toString('hex')] },
    features: { devInteractions: { enabled: false } },
    claims: { openid: ['sub'], profile: ['display_name', 'ministry', 'position'] },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/login/${interaction.uid}`,
    },
    findAccount: (_ctx: unknown, id: string) =>
      persons[id]
        ? { accountId: id, claims: () => Promise.resolve({ sub: id, ...persons[id]!.claims }) }
        : undefined,
    loadExistingGrant: async (ctx: OidcContext) => {
      const { client, session, provider: self } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const known = session.grantIdFor(client.clientId);
      if (known) return self.Grant.find(known);
      const grant = new self.Grant({ accountId: session.accountId, clientId: client.clientId });
      grant.addOIDCScope('openid profile');
      await grant.save();
      return grant;
    },
  });
  const serve = provider.callback();
  server.on('request', (request, response) => {
    const match = /^\/login\/([A-Za-z0-9_-]+)$/.exec(request.url ?? '');
    if (!match) return serve(request, response);
    void (async () => {
      if (request.method !== 'POST') {
        await provider.interactionDetails(request, response);
        response.setHeader('content-type', 'text/html');
        response.end(
          `<form method="post" action="/login/${match[1]}"><input name="username"><input name="password"></form>`,
        );
        return;
      }
      let body = '';
      for await (const chunk of request) body += String(chunk);
      const form = new URLSearchParams(body);
      const username = form.get('username') ?? '';
      if (persons[username]?.password !== form.get('password')) {
        response.statusCode = 401;
        response.end('wrong password');
        return;
      }
      await provider.interactionFinished(request, response, { login: { accountId: username } });
    })().catch((error: unknown) => {
      response.statusCode = 500;
      response.end(String(error));
    });
  });
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
