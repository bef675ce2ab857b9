// Nest's Apollo driver, serving /graphql with a handler of its own instead of
// @as-integrations/express5, whose per-request work a lookup paid for nothing:
// it parses every URL with the legacy url.parse to find a query string (a POST
// has none; here it is cut from the URL), and answers through Express's
// res.send, which hashes the whole answer for an ETag that no POST is ever
// revalidated with (here the answer is written as it is, with its length).
// Everything else is Nest's ApolloDriver: the options it prepares (plugins,
// error formatting, the context with `req`), the server's start and stop.
// A handler that answers some requests before Apollo (the compiled citizen
// lookups, citizen/compiled-lookup.middleware.ts) is mounted just before it,
// after every middleware, so a request it answers passes all the same checks.
import {
  ApolloServer,
  HeaderMap,
  type ApolloServerOptions,
  type BaseContext,
} from '@apollo/server';
import type { HTTPGraphQLResponse } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { GraphQLSchema } from 'graphql';

type ContextOf = (http: { req: Request; res: Response }) => Promise<BaseContext> | BaseContext;

/** The gateway's Apollo options: Nest's, and a handler that may answer a request before Apollo. */
export interface GatewayDriverConfig extends ApolloDriverConfig {
  /**
   * Given the schema Nest built and the options as Apollo gets them (the
   * formatError Nest wraps, the stack-trace setting); undefined for none.
   */
  before?: (schema: GraphQLSchema, apollo: ApolloDriverConfig) => RequestHandler | undefined;
}

@Injectable()
export class GatewayApolloDriver extends ApolloDriver {
  protected override async registerExpress(options: GatewayDriverConfig): Promise<void> {
    const httpAdapter = this.httpAdapterHost.httpAdapter;
    const server = new ApolloServer<BaseContext>({
      ...(options as ApolloServerOptions<BaseContext>),
      // As Nest's driver: requests in flight finish before the server stops.
      plugins: [
        ...(options.plugins ?? []),
        ApolloServerPluginDrainHttpServer({ httpServer: httpAdapter.getHttpServer() }),
      ],
    });
    await server.start();
    const app = httpAdapter.getInstance<{ use(path: string, handler: unknown): void }>();
    const path = options.path ?? '/graphql';
    const before = options.schema && options.before?.(options.schema, options);
    if (before) app.use(path, before);
    app.use(path, graphqlHandler(server, options.context as ContextOf));
    this.apolloServer = server;
  }
}

/** One GraphQL-over-HTTP request handed to Apollo, and its answer written back. */
export function graphqlHandler(server: ApolloServer<BaseContext>, contextOf?: ContextOf) {
  const context = contextOf ?? (() => ({}));
  return (request: Request, response: Response, next: NextFunction): void => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    server
      .executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: request.method.toUpperCase(),
          headers,
          search: searchOf(request.url),
          // Express leaves no body on a request without one (a GET).
          body: (request.body as unknown) ?? {},
        },
        context: async () => context({ req: request, res: response }),
      })
      .then((answer) => write(request, response, answer))
      .catch(next);
  };
}

/** `?…` of a URL up to its fragment, or '' (what url.parse(url).search gave). */
export function searchOf(url: string): string {
  const hash = url.indexOf('#');
  const beforeHash = hash === -1 ? url : url.slice(0, hash);
  const start = beforeHash.indexOf('?');
  return start === -1 ? '' : beforeHash.slice(start);
}

async function write(
  request: Request,
  response: Response,
  answer: HTTPGraphQLResponse,
): Promise<void> {
  for (const [key, value] of answer.headers) response.setHeader(key, value);
  response.statusCode = answer.status ?? 200;
  if (answer.body.kind === 'complete') {
    response.setHeader('Content-Length', Buffer.byteLength(answer.body.string));
    response.end(request.method === 'HEAD' ? undefined : answer.body.string);
    return;
  }
  for await (const chunk of answer.body.asyncIterator) response.write(chunk);
  response.end();
}
