// Persons' sign-in over HTTP: GET /auth/login?as=officer|citizen, GET
// /auth/callback, GET /auth/session (who am I, and the CSRF token), POST
// /auth/logout. Thin: SignInService decides; each outcome has its answer here.
import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GATEWAY_CONFIG } from '../gateway.tokens.js';
import type { GatewayConfig } from '../config/gateway.config.js';
import {
  clearedCookie,
  CSRF_HEADER,
  readCookie,
  SESSION_COOKIE,
  sessionCookie,
  SIGN_IN_COOKIE,
  signInCookie,
} from './session-cookies.js';
import { statusOf } from './sign-in-http.js';
import { SignInException, SignInExceptionCode } from './sign-in.exception.js';
import { SignInService } from './sign-in.service.js';
import { escapeHtml } from './html.js';

/** Where a signed-in person lands. */
const AFTER_SIGN_IN = '/console/';

@Controller('auth')
export class SessionsController {
  private readonly secure: boolean;
  private readonly idleMinutes: number;

  constructor(
    private readonly signIn: SignInService,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.secure = config.sessions.secureCookies;
    this.idleMinutes = config.sessions.idleMinutes;
  }

  @Get('login')
  async login(
    @Query('as') as: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.answer(request, response, async () => {
      const { signInId, redirectTo } = await this.signIn.begin(as);
      response.setHeader('Set-Cookie', signInCookie(signInId, this.secure));
      response.redirect(303, redirectTo);
    });
  }

  @Get('callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.answer(request, response, async () => {
      const query = request.originalUrl.split('?')[1] ?? '';
      const signedIn = await this.signIn.complete(readCookie(request, SIGN_IN_COOKIE), query);
      response.setHeader('Set-Cookie', [
        clearedCookie(SIGN_IN_COOKIE, this.secure),
        sessionCookie(signedIn.sessionId, this.secure),
      ]);
      // A page, not a redirect: the browser arrived from the provider's site, and a
      // SameSite=Strict cookie is sent only on a navigation this site starts.
      response
        .status(200)
        .type('html')
        .send(
          `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${AFTER_SIGN_IN}">` +
            `<title>Signed in</title><p>Signed in. <a href="${AFTER_SIGN_IN}">Continue</a></p>`,
        );
    });
  }

  @Get('session')
  async session(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.answer(request, response, async () => {
      const sessionId = this.sessionId(request);
      const principal = await this.signIn.principalOf(sessionId);
      response.json({
        person: principal.person
          ? { name: principal.person.name, issuer: principal.person.issuer }
          : null,
        role: principal.role,
        agencyId: principal.agencyId,
        ...(principal.nationalId ? { nationalId: principal.nationalId } : {}),
        csrfToken: this.signIn.csrfTokenOf(sessionId),
        // The console clears its screen after this long without a request.
        idleMinutes: this.idleMinutes,
      });
    });
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.answer(request, response, async () => {
      const sessionId = this.sessionId(request);
      await this.signIn.authorise(sessionId, request.header(CSRF_HEADER));
      await this.signIn.end(sessionId);
      response.setHeader('Set-Cookie', clearedCookie(SESSION_COOKIE, this.secure));
      response.status(204).end();
    });
  }

  private sessionId(request: Request): string {
    const sessionId = readCookie(request, SESSION_COOKIE);
    if (!sessionId)
      throw new SignInException(SignInExceptionCode.NO_SESSION, 'not signed in: no session cookie');
    return sessionId;
  }

  /** Every answer is no-store; a refusal is JSON for programs and a short page for browsers. */
  private async answer(
    request: Request,
    response: Response,
    work: () => Promise<void>,
  ): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    try {
      await work();
    } catch (error) {
      if (!(error instanceof SignInException)) throw error;
      response.status(statusOf(error.code));
      if (request.accepts(['json', 'html']) === 'html')
        response
          .type('html')
          .send(
            `<!doctype html><meta charset="utf-8"><title>Not signed in</title>` +
              `<h1>Not signed in</h1><p>${escapeHtml(error.message)}</p><p>(${error.code})</p>`,
          );
      else response.json({ error: error.code, message: error.message, ...error.details });
    }
  }
}
