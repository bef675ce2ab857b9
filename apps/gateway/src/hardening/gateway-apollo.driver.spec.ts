import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApolloServer, type BaseContext } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { graphqlHandler, searchOf } from './gateway-apollo.driver.js';

describe('searchOf', () => {
  it('is the query string with its ?, up to a fragment, or empty', () => {
    expect(searchOf('/')).toBe('');
    expect(searchOf('/?query=%7Bx%7D&variables=%7B%7D')).toBe('?query=%7Bx%7D&variables=%7B%7D');
    expect(searchOf('/?a=1#frag')).toBe('?a=1');
    expect(searchOf('/#frag?no')).toBe('');
  });
});

interface Written {
  status?: number;
  headers: Record<string, unknown>;
  body?: string;
  passedOn?: unknown;
}

describe('graphqlHandler', () => {
  const server = new ApolloServer<BaseContext>({
    typeDefs: 'type Query { hello(name: String): String, who: String }',
    resolvers: {
      Query: {
        hello: (_: unknown, { name }: { name: string }) => `hello ${name}`,
        who: (_: unknown, __: unknown, context: { who?: string }) => context.who ?? null,
      },
    },
  });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  function ask(request: Partial<Request>): Promise<Written> {
    const written: Written = { headers: {} };
    return new Promise((resolve) => {
      const response = {
        statusCode: 0,
        setHeader(name: string, value: unknown) {
          written.headers[name.toLowerCase()] = value;
        },
        write(chunk: string) {
          written.body = (written.body ?? '') + chunk;
        },
        end(body?: string) {
          written.status = this.statusCode;
          if (body !== undefined) written.body = (written.body ?? '') + body;
          resolve(written);
        },
      };
      const handler = graphqlHandler(server, ({ req }) => ({
        who: req.headers['x-who'] as string | undefined,
      }));
      handler(
        { headers: {}, ...request } as Request,
        response as unknown as Response,
        ((error: unknown) => {
          written.passedOn = error;
          resolve(written);
        }) as NextFunction,
      );
    });
  }

  it('answers a POST with Apollo status, headers and body, and the body length', async () => {
    const written = await ask({
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/json', 'x-who': 'desk 7' },
      body: { query: 'query($n: String) { hello(name: $n) who }', variables: { n: 'Sokha' } },
    });
    expect(written.status).toBe(200);
    expect(written.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(written.body!)).toEqual({ data: { hello: 'hello Sokha', who: 'desk 7' } });
    expect(written.headers['content-length']).toBe(Buffer.byteLength(written.body!));
  });

  it('reads a GET query from the query string, and sends no body to a HEAD', async () => {
    const get = await ask({
      method: 'GET',
      url: '/?query=%7Bhello(name%3A%22%C3%A9%22)%7D',
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(JSON.parse(get.body!)).toEqual({ data: { hello: 'hello é' } });
    expect(get.headers['content-length']).toBe(Buffer.byteLength(get.body!));
    const head = await ask({ method: 'HEAD', url: '/', headers: {} });
    expect(head.body).toBeUndefined();
  });

  it("answers a request Apollo refuses with Apollo's status and error", async () => {
    const written = await ask({
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/json' },
      body: { query: '{ nosuch }' },
    });
    expect(written.status).toBe(400);
    expect(JSON.parse(written.body!)).toMatchObject({
      errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });
  });
});
