// The OpenID provider `npm start` runs inside the gateway (at /oidc) so persons
// can sign in with no identity provider of their own: a real oidc-provider,
// with a plain HTML login form for the demo persons (demo-persons.ts). It signs
// in through the very code a real provider is used with; nothing here is
// special-cased by the sign-in. Never started in production (the gateway's
// configuration refuses OIDC_EMBEDDED_PROVIDER there). Its keys and sessions
// are in memory: a restart signs persons out of the provider, not of Spean.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@nestjs/common';
import Provider, { type OidcContext } from 'oidc-provider';
import { checkPassword, readDemoPersons, type DemoPerson } from './demo-persons.js';
import {
  AUDIENCES,
  EMBEDDED_CLIENT_IDS,
  EMBEDDED_PROVIDER_PATH,
  type Audience,
} from './sessions.config.js';
import { escapeHtml } from './html.js';

export interface EmbeddedProviderOptions {
  issuer: string;
  /** Where the gateway's sign-in takes the provider's answer. */
  callbackUrl: string;
  accountsFile: string;
  /** The secret of each audience's client, shared with the gateway's sign-in. */
  clientSecrets: Record<Audience, string>;
  log: Logger;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** An express-style handler for everything under /oidc. */
export function embeddedProvider(options: EmbeddedProviderOptions): Handler {
  // Made on first use: a gateway nobody signs in to spends nothing on it (its key, its timers).
  let made: { provider: Provider; serve: Handler } | undefined;
  const make = () => {
    const provider = new Provider(options.issuer, configuration(options));
    provider.on('server_error', (_ctx, error) =>
      options.log.error(`embedded OpenID provider: ${String(error)}`),
    );
    return { provider, serve: provider.callback() };
  };
  return (request, response) => {
    made ??= make();
    const { provider, serve } = made;
    const url = new URL(request.url ?? '/', 'http://local');
    const match = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/.exec(url.pathname);
    if (!match) {
      serve(request, response);
      return;
    }
    const uid = match[1]!;
    const work =
      request.method === 'POST' && match[2]
        ? login(provider, options.accountsFile, uid, request, response)
        : showForm(provider, uid, request, response, '', 200);
    work.catch((error: unknown) => {
      options.log.warn(`embedded OpenID provider: interaction failed: ${String(error)}`);
      page(response, 400, '<p>This sign-in expired or is not valid. Start again.</p>');
    });
  };
}

function configuration(options: EmbeddedProviderOptions): Record<string, unknown> {
  const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  });
  return {
    clients: AUDIENCES.map((audience) => ({
      client_id: EMBEDDED_CLIENT_IDS[audience],
      client_secret: options.clientSecrets[audience],
      redirect_uris: [options.callbackUrl],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [{ ...jwk, kid: randomBytes(8).toString('hex'), use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    // Seconds. Sign-in is the only use of its tokens: the gateway reads them once, at the callback.
    ttl: {
      AccessToken: 300,
      AuthorizationCode: 60,
      IdToken: 300,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    renderError: (ctx: { type: string; body: string }, out: { error?: string }) => {
      ctx.type = 'html';
      ctx.body =
        '<!doctype html><meta charset="utf-8"><title>Sign-in failed</title>' +
        `<p>Sign-in failed (${escapeHtml(out.error ?? 'error')}). Start again.</p>`;
    },
    features: { devInteractions: { enabled: false } },
    claims: {
      openid: ['sub'],
      profile: ['name', 'spean_role', 'spean_agency', 'spean_national_id'],
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) =>
        `${EMBEDDED_PROVIDER_PATH}/interaction/${interaction.uid}`,
    },
    findAccount: (_ctx: unknown, id: string) => {
      const person = readDemoPersons(options.accountsFile).find((p) => p.username === id);
      return person
        ? { accountId: id, claims: () => Promise.resolve(claimsOf(person)) }
        : undefined;
    },
    // Spean's own console: the person consents by signing in, so the grant is made here.
    loadExistingGrant: async (ctx: OidcContext) => {
      const { client, session, result, provider, params } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (existing) return provider.Grant.find(existing);
      const grant = new provider.Grant({ accountId: session.accountId, clientId: client.clientId });
      grant.addOIDCScope(typeof params?.scope === 'string' ? params.scope : 'openid');
      await grant.save();
      return grant;
    },
  };
}

function claimsOf(person: DemoPerson): Record<string, unknown> {
  return {
    sub: person.username,
    name: person.name,
    spean_role: person.role,
    ...(person.agencyId ? { spean_agency: person.agencyId } : {}),
    ...(person.nationalId ? { spean_national_id: person.nationalId } : {}),
  };
}

async function showForm(
  provider: Provider,
  uid: string,
  request: IncomingMessage,
  response: ServerResponse,
  message: string,
  status: number,
): Promise<void> {
  // Refuses an unknown or expired interaction (and one of another browser: its cookie).
  await provider.interactionDetails(request, response);
  page(
    response,
    status,
    `<h1>Sign in to Spean (demo)</h1>${message ? `<p role="alert">${message}</p>` : ''}
<form method="post" action="${EMBEDDED_PROVIDER_PATH}/interaction/${uid}/login">
<label>Username <input name="username" autocomplete="username" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>
<p>The demo logins are in demo-credentials.json in the data directory.</p>`,
  );
}

async function login(
  provider: Provider,
  accountsFile: string,
  uid: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const form = new URLSearchParams(await readBody(request));
  const person = checkPassword(
    readDemoPersons(accountsFile),
    form.get('username') ?? '',
    form.get('password') ?? '',
  );
  if (!person) {
    await showForm(provider, uid, request, response, 'Wrong username or password.', 401);
    return;
  }
  await provider.interactionFinished(
    request,
    response,
    { login: { accountId: person.username } },
    { mergeWithLastSubmission: false },
  );
}

/** The form body: already parsed by the gateway's urlencoded parser, or read here. */
async function readBody(request: IncomingMessage): Promise<string> {
  const parsed = (request as IncomingMessage & { body?: unknown }).body;
  if (parsed && typeof parsed === 'object')
    return new URLSearchParams(parsed as Record<string, string>).toString();
  let body = '';
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > 4096) throw new Error('form too large');
  }
  return body;
}

function page(response: ServerResponse, status: number, body: string): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.end(`<!doctype html><meta charset="utf-8"><title>Spean sign-in</title>${body}`);
}
