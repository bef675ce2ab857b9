// Maps intake error codes, and malformed request bodies, to HTTP answers.
// Every refusal of bad input (4xx other than 401 and 403) lists issues, each
// with a JSON path and a rule, so a publisher's code can act on it; a refusal
// of the whole request has one issue at the root ("") naming the rule. A 5xx
// means only that something the adapter needs is down: retry.
import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { IntakeException, IntakeExceptionCode } from './intake.exception.js';

type Refusal =
  | {
      status: number;
      error: string;
      message: string;
      issues?: ReadonlyArray<{ path: string; rule: string; message: string }>;
    }
  | { status: number; body: string | object };

@Catch()
export class IntakeHttpFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const refusal = refusalOf(exception);
    const { status, ...answer } = refusal;
    const body = 'body' in refusal ? refusal.body : answer;
    host.switchToHttp().getResponse<Response>().status(status).json(body);
  }
}

function refusalOf(exception: unknown): Refusal {
  if (exception instanceof IntakeException) {
    const { code, message, issues } = exception;
    const rule = wholeRequestRule(code);
    return {
      status: statusOf(code),
      error: code,
      message,
      ...(issues.length > 0
        ? { issues }
        : rule === undefined
          ? {}
          : { issues: [{ path: '', rule, message }] }),
    };
  }
  // The HTTP adapter wraps body-parser's errors; their type says which.
  const cause = exception instanceof HttpException ? exception.cause : exception;
  const bodyError = (cause ?? {}) as { type?: unknown; status?: unknown };
  if (bodyError.type === 'entity.parse.failed') {
    // The parser's message quotes the body, which may hold personal data.
    return root(400, 'INVALID_JSON', 'json-syntax', 'the request body is not valid JSON');
  }
  if (bodyError.type === 'entity.too.large') {
    return root(413, 'TOO_LARGE', 'max-bytes', 'the request body is too large; split it');
  }
  if (
    typeof bodyError.type === 'string' &&
    typeof bodyError.status === 'number' &&
    bodyError.status >= 400 &&
    bodyError.status < 500
  ) {
    // Any other refusal of the body parser (an unsupported charset or encoding, an
    // aborted or mis-sized body) is the sender's to fix; its type is a fixed code.
    return root(
      bodyError.status,
      bodyError.status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'UNREADABLE_BODY',
      bodyError.type,
      `the request body could not be read (${bodyError.type})`,
    );
  }
  if (exception instanceof HttpException) {
    // Nest's own answers (an unknown route ...) keep their shape.
    return { status: exception.getStatus(), body: exception.getResponse() };
  }
  return {
    status: 500,
    error: 'INTERNAL',
    message: 'the record could not be published; retry',
  };
}

function root(status: number, error: string, rule: string, message: string): Refusal {
  return { status, error, message, issues: [{ path: '', rule, message }] };
}

function statusOf(code: IntakeExceptionCode): number {
  switch (code) {
    case IntakeExceptionCode.EMPTY_BATCH:
    case IntakeExceptionCode.MISSING_COLUMNS:
    case IntakeExceptionCode.MALFORMED_CHUNK:
      return 400;
    case IntakeExceptionCode.UNSUPPORTED_MEDIA_TYPE:
      return 415;
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
    case IntakeExceptionCode.VERSION_CONFLICT:
      return 409;
  }
}

/** The rule a refusal of the whole request breaks; none for refusals that are not about input. */
function wholeRequestRule(code: IntakeExceptionCode): string | undefined {
  switch (code) {
    case IntakeExceptionCode.EMPTY_BATCH:
      return 'minItems';
    case IntakeExceptionCode.TOO_MANY_RECORDS:
      return 'maxItems';
    case IntakeExceptionCode.UNSUPPORTED_MEDIA_TYPE:
      return 'content-type';
    case IntakeExceptionCode.MISSING_COLUMNS:
      return 'required-columns';
    case IntakeExceptionCode.MALFORMED_CHUNK:
    case IntakeExceptionCode.INVALID_RECORDS:
    case IntakeExceptionCode.VERSION_CONFLICT:
    case IntakeExceptionCode.NO_CSV_IMPORT:
    case IntakeExceptionCode.NOT_AN_ADAPTER:
    case IntakeExceptionCode.RECORD_TYPE_NOT_PUBLISHED:
    case IntakeExceptionCode.NOT_APPROVED:
      return undefined;
  }
}
