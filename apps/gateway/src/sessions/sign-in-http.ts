// The HTTP status of each sign-in refusal, for the controller and the /graphql
// session check alike.
import type { ServerResponse } from 'node:http';
import { type SignInException, SignInExceptionCode } from './sign-in.exception.js';

export function statusOf(code: SignInExceptionCode): number {
  switch (code) {
    case SignInExceptionCode.UNKNOWN_AUDIENCE:
    case SignInExceptionCode.NO_SIGN_IN:
    case SignInExceptionCode.BAD_OFFICER_HEADER:
      return 400;
    case SignInExceptionCode.NO_SESSION:
    case SignInExceptionCode.PROVIDER_REFUSED:
      return 401;
    case SignInExceptionCode.BAD_CLAIM:
    case SignInExceptionCode.CSRF_TOKEN_MISSING:
      return 403;
    case SignInExceptionCode.PROVIDER_UNAVAILABLE:
      return 502;
  }
}

/** A refusal as plain JSON, for middleware that answers before Nest does. */
export function answerRefusal(response: ServerResponse, error: SignInException): void {
  response.statusCode = statusOf(error.code);
  response.setHeader('Content-Type', 'application/json');
  response.end(JSON.stringify({ error: error.code, message: error.message, ...error.details }));
}
