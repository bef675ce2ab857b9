// Maps intake error codes, and malformed request bodies, to HTTP answers.
import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { IntakeException, IntakeExceptionCode } from './intake.exception.js';

@Catch()
export class IntakeHttpFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof IntakeException) {
      response.status(statusOf(exception.code)).json({
        error: exception.code,
        message: exception.message,
        ...(exception.issues.length > 0 ? { issues: exception.issues } : {}),
      });
      return;
    }
    // The HTTP adapter wraps body-parser's errors; their type says which.
    const cause = exception instanceof HttpException ? exception.cause : exception;
    const bodyError = (cause ?? {}) as { type?: string };
    if (bodyError.type === 'entity.parse.failed') {
      // The parser's message quotes the body, which may hold personal data.
      response
        .status(400)
        .json({ error: 'INVALID_JSON', message: 'the request body is not valid JSON' });
      return;
    }
    if (bodyError.type === 'entity.too.large') {
      response
        .status(413)
        .json({ error: 'TOO_LARGE', message: 'the request body is too large; split it' });
      return;
    }
    if (exception instanceof HttpException) {
      response.status(exception.getStatus()).json(exception.getResponse());
      return;
    }
    response
      .status(500)
      .json({ error: 'INTERNAL', message: 'the record could not be published; retry' });
  }
}

function statusOf(code: IntakeExceptionCode): number {
  switch (code) {
    case IntakeExceptionCode.EMPTY_BATCH:
    case IntakeExceptionCode.MISSING_COLUMNS:
      return 400;
    case IntakeExceptionCode.NO_CSV_IMPORT:
      return 404;
    case IntakeExceptionCode.TOO_MANY_RECORDS:
      return 413;
    case IntakeExceptionCode.NOT_AN_ADAPTER:
    case IntakeExceptionCode.RECORD_TYPE_NOT_PUBLISHED:
    case IntakeExceptionCode.NOT_APPROVED:
      return 403;
    case IntakeExceptionCode.INVALID_RECORDS:
      return 422;
  }
}
