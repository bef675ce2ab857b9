// Body errors of every route without a handler of its own (/graphql and
// /auth/token answer theirs in their own shapes): a body the general parsers
// could not read — not JSON, too large, an unsupported charset or encoding,
// cut short — is the sender's to fix, so it is answered 4xx in JSON naming the
// body and the rule, never a 500. The parsers' own messages quote the body,
// which may hold national ids, so none of them is passed on.
import { STATUS_CODES } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

const RULES: Record<string, { rule: string; message: string }> = {
  'entity.parse.failed': { rule: 'json', message: 'the request body is not valid JSON' },
  'entity.too.large': { rule: 'max-size', message: 'the request body is too large' },
  'charset.unsupported': {
    rule: 'charset',
    message: 'the request body’s charset is not supported: send UTF-8',
  },
  'encoding.unsupported': {
    rule: 'content-encoding',
    message: 'the request body’s content encoding is not supported: send it as is, or gzip',
  },
  'request.aborted': { rule: 'complete', message: 'the request body ended before it was whole' },
  'request.size.invalid': {
    rule: 'content-length',
    message: 'the request body’s length differs from its Content-Length',
  },
  'parameters.too.many': { rule: 'max-fields', message: 'the form body has too many fields' },
};

/** Express error middleware, after the body parsers and the routes' own body handlers. */
export function bodyErrors(
  error: unknown,
  _request: Request,
  response: Response,
  next: NextFunction,
): void {
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  if (typeof type !== 'string' || typeof status !== 'number' || status < 400 || status >= 500) {
    next(error);
    return;
  }
  const known = RULES[type] ?? {
    rule: 'readable',
    message: `the request body could not be read: ${STATUS_CODES[status] ?? 'Bad Request'}`,
  };
  response
    .status(status)
    .setHeader('Cache-Control', 'no-store')
    .json({ error: 'bad_request', field: 'body', ...known });
}
