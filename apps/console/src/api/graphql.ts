// The console's one way to the gateway's GraphQL API: the signed-in
// session's cookie (HttpOnly, sent by the browser) and its CSRF token (kept
// in memory only, never in storage), one POST per operation. A GraphQL error
// becomes an ApiError carrying the gateway's code, rule and the field it names.
import type { TypedDocumentString } from '../gql/graphql';
import { csrfToken, sessionEnded } from './session';

export interface ApiProblem {
  message: string;
  code?: string;
  reason?: string;
  /** Where the problem is: the argument, field or JSON path the gateway names. */
  where?: string;
  rule?: string;
  /** Schema checks answer several problems at once, each with its path and rule. */
  issues?: Array<{ path?: string; rule?: string; message?: string }>;
  /** The answer's field the error sits on, e.g. citizen.vehicles (a refused section). */
  fieldPath?: string;
}

export class ApiError extends Error {
  constructor(
    readonly problems: ApiProblem[],
    readonly status: number,
  ) {
    super(problems.map((problem) => problem.message).join('; '));
  }

  get code(): string | undefined {
    return this.problems[0]?.code;
  }
}

interface GraphqlAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

function problemOf(error: NonNullable<GraphqlAnswer<unknown>['errors']>[number]): ApiProblem {
  const ext = error.extensions ?? {};
  const text = (key: string) => (typeof ext[key] === 'string' ? (ext[key] as string) : undefined);
  return {
    message: error.message,
    code: text('code'),
    reason: text('reason'),
    where: text('path') ?? text('field') ?? text('argument'),
    rule: text('rule'),
    // A refused schema names its incompatibilities, each with its path and rule, as issues do.
    issues: Array.isArray(ext['issues'])
      ? (ext['issues'] as ApiProblem['issues'])
      : Array.isArray(ext['incompatibilities'])
        ? (ext['incompatibilities'] as ApiProblem['issues'])
        : undefined,
    fieldPath: Array.isArray(error.path) ? error.path.join('.') : undefined,
  };
}

export interface Answer<T> {
  data: T;
  /** Errors beside data: sections refused in a lookup, for example. */
  partial: ApiProblem[];
}

/** Runs one operation; throws ApiError when nothing came back. */
export async function request<T, V>(
  document: TypedDocumentString<T, V>,
  ...[variables]: V extends Record<string, never> ? [] | [V] : [V]
): Promise<Answer<T>> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'x-csrf-token': csrfToken() ?? '',
    },
    body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
  });
  if (response.status === 401) {
    sessionEnded();
    throw new ApiError(
      [{ message: 'Your session has ended: sign in again.', code: 'UNAUTHENTICATED' }],
      401,
    );
  }
  let answer: GraphqlAnswer<T>;
  try {
    answer = (await response.json()) as GraphqlAnswer<T>;
  } catch {
    throw new ApiError([{ message: `The gateway answered ${response.status}.` }], response.status);
  }
  const problems = (answer.errors ?? []).map(problemOf);
  if (answer.data == null) throw new ApiError(problems, response.status);
  return { data: answer.data, partial: problems };
}

/** Runs one operation and returns its data only (errors beside data are thrown too). */
export async function requestAll<T, V>(
  document: TypedDocumentString<T, V>,
  ...variables: V extends Record<string, never> ? [] | [V] : [V]
): Promise<T> {
  const { data, partial } = await request(document, ...variables);
  if (partial.length > 0) throw new ApiError(partial, 200);
  return data;
}
