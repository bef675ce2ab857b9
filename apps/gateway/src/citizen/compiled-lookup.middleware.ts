// The compiled path of POST /graphql for a citizen lookup. After the
// authentication, the rate limit, the body's own checks and the request
// metrics have run (gateway.app.ts, Nest's middleware), a request whose
// document compiles to a lookup plan (compiled-lookup.ts) is answered here by
// the same lookup the resolver runs (answerLookup: the same checks, grants,
// audit entry committed before the answer), without Apollo's request pipeline
// or graphql-js's execution. Its answer is the one Apollo would give, byte for
// byte: the same error formatting (formatError), the same content type for
// the Accept header, the same JSON.
//
// It decides before anything is done: a request it cannot answer exactly —
// another document, a directive, an operationName that is not the document's,
// variables that do not coerce, argument text the gateway refuses, a null
// into a non-null argument, an Accept header it does not know — goes on to
// Apollo untouched. It is mounted just before Apollo's handler
// (hardening/gateway-apollo.driver.ts); GRAPHQL_COMPILED_LOOKUPS=false leaves it out.
import type { NextFunction, Request, Response } from 'express';
import {
  getArgumentValues,
  getVariableValues,
  GraphQLError,
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

/**
 * Documents remembered, compiled or not; past this many, or this much query
 * text in all, they are forgotten and compiled anew.
 */
const MAX_PLANS = 500;
const MAX_PLAN_TEXT = 8 * 1024 * 1024;

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

/** A request the compiled path takes: its plan, the content type to answer in, the arguments. */
interface Taken {
  plan: LookupPlan;
  contentType: string;
  variables: Record<string, unknown>;
  args: { nationalId: string; purpose: string; reference?: string | null };
}

/** Plans by query text, compiled or not; forgotten all at once past MAX_PLANS or MAX_PLAN_TEXT. */
class PlanCache {
  private readonly plans = new Map<string, LookupPlan | null>();
  private text = 0;

  constructor(private readonly options: CompiledLookupOptions) {}

  planOf(query: string): LookupPlan | null {
    let plan = this.plans.get(query);
    if (plan === undefined) {
      plan = compileLookup(this.options.schema, query, this.options) ?? null;
      if (this.plans.size >= MAX_PLANS || this.text + query.length > MAX_PLAN_TEXT) {
        this.plans.clear();
        this.text = 0;
      }
      this.plans.set(query, plan);
      this.text += query.length;
    }
    return plan;
  }
}

/** The request's plan and arguments, when the compiled path can answer it exactly. */
function take(request: Request, plans: PlanCache, schema: GraphQLSchema): Taken | undefined {
  const contentType = contentTypeFor(request.headers.accept);
  const body = request.method === 'POST' ? lookupBody(request.body) : undefined;
  if (!contentType || !body || !isJson(request.headers['content-type'])) return undefined;
  const plan = plans.planOf(body.query);
  if (!plan || (body.operationName !== undefined && body.operationName !== plan.operationName))
    return undefined;
  // Refused text and uncoercible variables are Apollo's to answer, as always.
  if (findTextProblem(plan.document, body.variables)) return undefined;
  const variables = getVariableValues(
    schema,
    plan.operation.variableDefinitions ?? [],
    body.variables,
    { maxErrors: 50 },
  );
  if (variables.errors) return undefined;
  // Throws for a null sent into a non-null argument (through a nullable
  // variable with a default): graphql-js answers that as a field error.
  const args = getArgumentValues(plan.fieldDef, plan.field, variables.coerced);
  return {
    plan,
    contentType,
    variables: variables.coerced,
    args: {
      nationalId: args['nationalId'] as string,
      purpose: args['purpose'] as string,
      reference: args['reference'] as string | null | undefined,
    },
  };
}

export function compiledLookups(options: CompiledLookupOptions) {
  const plans = new PlanCache(options);
  const citizenFilter = new CitizenGraphqlFilter();
  return (request: Request, response: Response, next: NextFunction): void => {
    const principal = (request as Request & AuthenticatedRequest).principal;
    let taken: Taken | undefined;
    try {
      taken = principal && take(request, plans, options.schema);
    } catch {
      // Nothing has been done yet: Apollo answers it.
      taken = undefined;
    }
    if (!principal || !taken) {
      next();
      return;
    }
    const { plan, contentType, variables, args } = taken;
    options.metrics.compiledLookups.inc();
    answerLookup(
      options.citizens,
      { principal },
      { fieldNodes: [plan.field], fragments: plan.fragments, variableValues: variables },
      args,
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
        response.statusCode = 200;
        const formatted = errors.map((error) => format(error, response, options));
        const text = JSON.stringify(formatted.length > 0 ? { errors: formatted, data } : { data });
        response.setHeader('content-type', contentType);
        response.setHeader('Content-Length', Buffer.byteLength(text));
        response.end(text);
      })
      .catch(next);
  };
}

/**
 * Apollo's normalizeAndFormatErrors for one error of an executed operation:
 * its `http` extension (a status, headers) goes to the response, not the body.
 */
function format(
  error: GraphQLError,
  response: Response,
  options: Pick<CompiledLookupOptions, 'formatError' | 'includeStacktrace'>,
): GraphQLFormattedError {
  const enrich = (raw: Error): GraphQLFormattedError => {
    const graphqlError = ensureGraphQLError(raw);
    const extensions: Record<string, unknown> = {
      ...graphqlError.extensions,
      code: graphqlError.extensions['code'] ?? 'INTERNAL_SERVER_ERROR',
    };
    const http = extensions['http'] as { status?: unknown; headers?: unknown } | undefined;
    if (http && typeof http === 'object') {
      if (typeof http.status === 'number') response.statusCode = http.status;
      if (http.headers instanceof Map) {
        for (const [name, value] of http.headers as Map<string, string>)
          response.setHeader(name, value);
      }
      delete extensions['http'];
    }
    if (options.includeStacktrace) extensions['stacktrace'] = graphqlError.stack?.split('\n');
    return { ...graphqlError.toJSON(), extensions };
  };
  try {
    return options.formatError(enrich(error), error);
  } catch (formattingError) {
    return options.includeStacktrace
      ? enrich(
          formattingError instanceof Error ? formattingError : new Error(String(formattingError)),
        )
      : { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
}

/** Apollo's ensureGraphQLError: a GraphQLError as it is, any other error wrapped in one. */
function ensureGraphQLError(error: Error): GraphQLError {
  return error instanceof GraphQLError
    ? error
    : new GraphQLError(error.message, { originalError: error });
}

/** Apollo refuses a simple (form-like) content type; the compiled path takes application/json only. */
function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const semicolon = contentType.indexOf(';');
  const essence = (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim();
  return essence.toLowerCase() === 'application/json';
}
