// The compiled path of POST /graphql for a citizen lookup: after the
// authentication, the rate limit, the body's own checks and the request
// metrics (gateway.app.ts and Nest's middleware run before it), a request whose document compiles to a
// lookup plan (compiled-lookup.ts) is answered here, by the same lookup the
// resolver runs (answerLookup: the same checks, grants, audit entry committed
// before the answer), without Apollo's request pipeline or graphql-js's
// execution. Its answer is the one Apollo would give, byte for byte: the same
// error formatting (formatError), the same content type for the Accept
// header, the same JSON.
//
// It decides before anything is done: a request it cannot answer exactly —
// another document, a directive, an operationName that is not the document's,
// variables that do not coerce, argument text the gateway refuses, an Accept
// header it does not know — goes on to Apollo untouched. It is mounted just
// before Apollo's handler (hardening/gateway-apollo.driver.ts);
// GRAPHQL_COMPILED_LOOKUPS=false leaves it out.
import type { NextFunction, Request, Response } from 'express';
import {
  getArgumentValues,
  getVariableValues,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { AuthenticatedRequest } from '#spean/access';
import type { Metrics } from '#spean/observability';
import { findTextProblem } from '../hardening/argument-text.plugin.js';
import { CitizenGraphqlFilter } from './citizen-graphql.filter.js';
import { CitizenException } from './citizen.exception.js';
import { answerLookup } from './citizen.resolver.js';
import type { CitizenService } from './citizen.service.js';
import {
  answerOf,
  compileLookup,
  type CompileOptions,
  type LookupPlan,
} from './compiled-lookup.js';

export interface CompiledLookupOptions extends CompileOptions {
  /** The gateway's schema, as Nest built it. */
  schema: GraphQLSchema;
  citizens: CitizenService;
  metrics: Metrics;
  /** Apollo's formatError and stack-trace setting, as the general path uses them. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  includeStacktrace: boolean;
}

/** Documents remembered, compiled or not; past this many, they are forgotten and compiled anew. */
const MAX_PLANS = 500;

/** Apollo's content types for one answer (MEDIA_TYPES in @apollo/server). */
const APPLICATION_JSON = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';

/**
 * The content type Apollo chooses for these Accept headers (its negotiation,
 * for the headers clients send); undefined for any other, which Apollo answers.
 */
function contentTypeFor(accept: string | undefined): string | undefined {
  switch (accept) {
    case undefined:
    case '':
    case '*/*':
    case 'application/json':
      return APPLICATION_JSON;
    case 'application/graphql-response+json':
      return GRAPHQL_RESPONSE_JSON;
    default:
      return undefined;
  }
}

/** A POST body's fields as Apollo reads them, when they are all a plan may answer. */
interface LookupBody {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | undefined;
}

function lookupBody(body: unknown): LookupBody | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { query, variables, operationName, ...rest } = body as Record<string, unknown>;
  if (typeof query !== 'string' || Object.keys(rest).length > 0) return undefined;
  if (variables !== undefined && variables !== null) {
    if (typeof variables !== 'object' || Array.isArray(variables)) return undefined;
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
    return undefined;
  return {
    query,
    variables: (variables ?? {}) as Record<string, unknown>,
    operationName: operationName ?? undefined,
  };
}

export function compiledLookups(options: CompiledLookupOptions) {
  const plans = new Map<string, LookupPlan | null>();
  const planOf = (schema: GraphQLSchema, query: string): LookupPlan | null => {
    let plan = plans.get(query);
    if (plan === undefined) {
      plan = compileLookup(schema, query, options) ?? null;
      if (plans.size >= MAX_PLANS) plans.clear();
      plans.set(query, plan);
    }
    return plan;
  };
  const citizenFilter = new CitizenGraphqlFilter();

  return (request: Request, response: Response, next: NextFunction): void => {
    const principal = (request as Request & AuthenticatedRequest).principal;
    const contentType = contentTypeFor(request.headers.accept);
    const body = request.method === 'POST' ? lookupBody(request.body) : undefined;
    if (!principal || !contentType || !body || !isJson(request.headers['content-type'])) {
      next();
      return;
    }
    const { schema } = options;
    const plan = planOf(schema, body.query);
    if (!plan || (body.operationName !== undefined && body.operationName !== plan.operationName)) {
      next();
      return;
    }
    // Refused text and uncoercible variables are Apollo's to answer, as always.
    if (findTextProblem(plan.document, body.variables)) {
      next();
      return;
    }
    const variables = getVariableValues(
      schema,
      plan.operation.variableDefinitions ?? [],
      body.variables,
      { maxErrors: 50 },
    );
    if (variables.errors) {
      next();
      return;
    }
    const args = getArgumentValues(plan.fieldDef, plan.field, variables.coerced);
    options.metrics.compiledLookups.inc();
    answerLookup(
      options.citizens,
      { principal },
      { fieldNodes: [plan.field], fragments: plan.fragments, variableValues: variables.coerced },
      {
        nationalId: args['nationalId'] as string,
        purpose: args['purpose'] as string,
        reference: args['reference'] as string | null | undefined,
      },
    )
      .then(
        (citizen) => answerOf(plan, { citizen }),
        // The resolver's exception filter, as Nest applies it to the resolver's errors.
        (failure: unknown) =>
          answerOf(plan, {
            failure:
              failure instanceof CitizenException
                ? citizenFilter.catch(failure, undefined as never)
                : failure,
          }),
      )
      .then(({ data, errors }) => {
        const text = JSON.stringify(
          errors.length > 0 ? { errors: errors.map((error) => format(error)), data } : { data },
        );
        response.setHeader('content-type', contentType);
        response.statusCode = 200;
        response.setHeader('Content-Length', Buffer.byteLength(text));
        response.end(text);
      })
      .catch(next);
  };

  /** Apollo's normalizeAndFormatErrors for one error of an executed operation. */
  function format(error: GraphQLError): GraphQLFormattedError {
    const extensions: Record<string, unknown> = {
      ...error.extensions,
      code: error.extensions['code'] ?? 'INTERNAL_SERVER_ERROR',
    };
    if (options.includeStacktrace) extensions['stacktrace'] = error.stack?.split('\n');
    try {
      return options.formatError({ ...error.toJSON(), extensions }, error);
    } catch {
      return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
  }
}

/** Apollo refuses a simple (form-like) content type; the compiled path takes application/json only. */
function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const semicolon = contentType.indexOf(';');
  const essence = (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim();
  return essence.toLowerCase() === 'application/json';
}
