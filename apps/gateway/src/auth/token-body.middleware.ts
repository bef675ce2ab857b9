// The bodies of /auth/token: a form parser of its own whose verify hook
// refuses a value that is not valid percent-encoding (the general parser would
// pass it on half-decoded), and an error handler answering every body error
// as OAuth2 does — 400 (or 413, 415) with `invalid_request`, naming the field
// and the rule — with messages that never quote the body.
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import { urlencoded, type NextFunction, type Request, type Response } from 'express';
import { badlyEncodedFormField } from './token-request.js';

const FORM_ENCODING = 'token.form.encoding';

class FormEncodingError extends Error {
  readonly status = 400;
  readonly type = FORM_ENCODING;
  constructor(readonly field: string) {
    super(`${field} is not valid percent-encoding`);
  }
}

export const TOKEN_FORM_LIMIT = '16kb';

/** Mounted on /auth/token before the general parsers, which then skip the read body. */
export function tokenFormParser() {
  return urlencoded({
    limit: TOKEN_FORM_LIMIT,
    extended: false,
    verify: (_request: IncomingMessage, _response: unknown, raw: Buffer) => {
      const field = badlyEncodedFormField(raw.toString('latin1'));
      if (field !== undefined) throw new FormEncodingError(field);
    },
  });
}

interface BodyError {
  type?: unknown;
  status?: unknown;
  field?: unknown;
}

/** Express error middleware for /auth/token, registered after the body parsers. */
export function tokenBodyErrors(
  error: unknown,
  _request: Request,
  response: Response,
  next: NextFunction,
): void {
  const { type, status, field } = (error ?? {}) as BodyError;
  if (typeof type !== 'string' || typeof status !== 'number' || status < 400 || status >= 500) {
    next(error);
    return;
  }
  let answer: { field: string; rule: string; error_description: string };
  if (type === FORM_ENCODING && typeof field === 'string') {
    answer = {
      field,
      rule: 'percent-encoding',
      error_description: `${field} in the form body is not valid percent-encoding`,
    };
  } else if (type === 'entity.too.large') {
    answer = { field: 'body', rule: 'max-size', error_description: 'the body is too large' };
  } else if (type === 'entity.parse.failed') {
    answer = { field: 'body', rule: 'json', error_description: 'the body is not valid JSON' };
  } else {
    answer = {
      field: 'body',
      rule: type,
      error_description: `the body could not be read: ${STATUS_CODES[status] ?? 'Bad Request'}`,
    };
  }
  response
    .status(type === FORM_ENCODING ? 400 : status)
    .setHeader('Cache-Control', 'no-store')
    .json({ error: 'invalid_request', ...answer });
}
