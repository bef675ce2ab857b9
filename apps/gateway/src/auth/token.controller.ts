// OAuth2 token endpoint (client credentials, RFC 6749 §4.4) and the public
// key set adapters use to verify the tokens (RFC 7517).
import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ClientCredentialsService, type SigningKey } from '#spean/access';
import { SIGNING_KEY } from '../gateway.tokens.js';

interface TokenRequest {
  grant_type?: unknown;
  client_id?: unknown;
  client_secret?: unknown;
}

@Controller()
export class TokenController {
  constructor(
    private readonly credentials: ClientCredentialsService,
    @Inject(SIGNING_KEY) private readonly signingKey: SigningKey,
  ) {}

  @Post('auth/token')
  @HttpCode(200)
  async token(
    @Body() body: TokenRequest | undefined,
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<object> {
    response.setHeader('Cache-Control', 'no-store');
    const basic = parseBasic(authorization);
    const grantType = body?.grant_type;
    const clientId = basic?.id ?? body?.client_id;
    const clientSecret = basic?.secret ?? body?.client_secret;
    if (grantType !== 'client_credentials') {
      response.status(400);
      return {
        error: grantType === undefined ? 'invalid_request' : 'unsupported_grant_type',
        error_description: 'grant_type must be client_credentials',
      };
    }
    if (
      typeof clientId !== 'string' ||
      typeof clientSecret !== 'string' ||
      !clientId ||
      !clientSecret
    ) {
      response.status(400);
      return {
        error: 'invalid_request',
        error_description: 'client_id and client_secret are required',
      };
    }
    const issued = await this.credentials.exchange(clientId, clientSecret);
    if (!issued) {
      response.status(401);
      if (basic) response.setHeader('WWW-Authenticate', 'Basic realm="spean"');
      return {
        error: 'invalid_client',
        error_description: 'unknown client, wrong secret, or revoked',
      };
    }
    return issued;
  }

  @Get('.well-known/jwks.json')
  jwks(): object {
    return { keys: [this.signingKey.publicJwk] };
  }
}

function parseBasic(header: string | undefined): { id: string; secret: string } | undefined {
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return {
    id: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}
