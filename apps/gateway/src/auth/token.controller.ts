// OAuth2 token endpoint (client credentials, RFC 6749 §4.4) and the public
// key set adapters use to verify the tokens (RFC 7517). Thin: the request is
// read and checked (token-request.ts), the exchange is TokenService's, and
// each outcome has its HTTP answer here.
import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { SigningKey } from '#spean/access';
import { SIGNING_KEY } from '../gateway.tokens.js';
import { readTokenRequest } from './token-request.js';
import { TokenService } from './token.service.js';

@Controller()
export class TokenController {
  constructor(
    private readonly tokens: TokenService,
    @Inject(SIGNING_KEY) private readonly signingKey: SigningKey,
  ) {}

  @Post('auth/token')
  @HttpCode(200)
  async token(
    @Body() body: unknown,
    @Headers('authorization') authorization: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<object> {
    response.setHeader('Cache-Control', 'no-store');
    const reading = readTokenRequest(body, authorization);
    if (!reading.ok) {
      response.status(400);
      return reading.refusal;
    }
    // request.ip honours X-Forwarded-For only from TRUSTED_PROXIES (gateway.app.ts).
    const outcome = await this.tokens.exchange(reading.credentials, request.ip);
    switch (outcome.kind) {
      case 'issued':
        return outcome.token;
      case 'refused':
        response.status(401);
        if (reading.credentials.via === 'basic') {
          response.setHeader('WWW-Authenticate', 'Basic realm="spean"');
        }
        return {
          error: 'invalid_client',
          error_description: 'unknown client, wrong secret, or revoked',
        };
      case 'limited': {
        const { limit, perMinute, burst, retryAfterSeconds } = outcome.refusal;
        response.status(429);
        response.setHeader('Retry-After', String(retryAfterSeconds));
        const scope =
          limit === 'AUTH_TOKEN_FAILURES_PER_MINUTE'
            ? 'for this client from this address'
            : 'for this client';
        return {
          error: 'rate_limited',
          error_description:
            `too many wrong secrets ${scope}: the limit is ${perMinute} per minute ` +
            `(burst ${burst}); retry after ${retryAfterSeconds} s`,
          limit,
          perMinute,
          burst,
          retryAfterSeconds,
        };
      }
      case 'busy':
        response.status(503);
        response.setHeader('Retry-After', '1');
        return {
          error: 'temporarily_unavailable',
          error_description: 'too many client authentications at once; retry after 1 s',
          limit: 'AUTH_TOKEN_CHECK_QUEUE',
          retryAfterSeconds: 1,
        };
    }
  }

  @Get('.well-known/jwks.json')
  jwks(): object {
    return { keys: [this.signingKey.publicJwk] };
  }
}
