// The last Express error handler of the gateway: an error that no earlier
// handler answered (a database that failed while bearer authentication looked
// a citizen up, a key set that could not be read) is answered 500 in JSON
// with a generic message — never Express's own page, which in development
// shows the error's text and stack — and logged by kind and database code,
// never by its text, which may quote a national id.
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { describeFault } from './fault-description.js';

const log = new Logger('http');

export function internalErrors(
  error: unknown,
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  if (response.headersSent) {
    next(error);
    return;
  }
  log.error(`internal error on ${request.method} ${request.path}: ${describeFault(error)}`);
  response.status(500).setHeader('Cache-Control', 'no-store').json({
    error: 'internal_error',
    message: 'The gateway could not answer this request; the fault is logged.',
  });
}
