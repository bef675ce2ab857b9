import { describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { internalErrors } from './internal-errors.middleware.js';

function run(error: unknown, headersSent = false) {
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = {
    headers: {},
  };
  const response = {
    headersSent,
    status(code: number) {
      sent.status = code;
      return this;
    },
    setHeader(name: string, value: string) {
      sent.headers[name] = value;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const passed: unknown[] = [];
  const logged: string[] = [];
  const original = Logger.prototype.error;
  Logger.prototype.error = function (message: unknown) {
    logged.push(String(message));
  };
  try {
    internalErrors(
      error,
      { method: 'POST', path: '/graphql' } as Request,
      response as unknown as Response,
      ((passedOn: unknown) => passed.push(passedOn)) as NextFunction,
    );
  } finally {
    Logger.prototype.error = original;
  }
  return { sent, passed, logged };
}

describe('internalErrors', () => {
  it('answers a generic 500 in JSON and logs the kind and code, never the text', () => {
    const error = Object.assign(new Error('invalid input syntax near "4016698706"'), {
      code: '22P02',
    });
    const { sent, passed, logged } = run(error);
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toContain('4016698706');
    expect(sent.body).toEqual({
      error: 'internal_error',
      message: 'The gateway could not answer this request; the fault is logged.',
    });
    expect(logged).toEqual(['internal error on POST /graphql: Error (code 22P02)']);
    expect(passed).toEqual([]);
  });

  it('logs the database code of an error the ORM wrapped, as GraphQL errors are logged', () => {
    // TypeORM's QueryFailedError keeps PostgreSQL's SQLSTATE on driverError.
    class QueryFailedError extends Error {
      readonly driverError = { code: '23505' };
    }
    const { logged } = run(new QueryFailedError('duplicate key (4016698706)'));
    expect(logged).toEqual(['internal error on POST /graphql: QueryFailedError (code 23505)']);
  });

  it('leaves a response already under way to Express', () => {
    const error = new Error('late');
    const { sent, passed } = run(error, true);
    expect(sent.status).toBeUndefined();
    expect(passed).toEqual([error]);
  });
});
