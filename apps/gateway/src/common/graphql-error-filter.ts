// The one way a domain exception becomes a GraphQL error. Every code a filter
// may answer with is on GATEWAY_ERROR_CODES, and formatError passes exactly
// those (plus Apollo's own) to the client: a filter cannot give a code that
// would then be masked as an internal error, because the type refuses it.
import { Catch, type Type } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import type { CodedException } from '#spean/contracts';

export const GATEWAY_ERROR_CODES = [
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  // verifyCitizen past the wrong-claim limit (see verification-lock/).
  'VERIFICATION_LOCKED',
  // A grant requires the officer who asks (signed in, or X-Spean-Officer), and none was named.
  'OFFICER_REQUIRED',
] as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];

/** What a filter answers for one exception: the GraphQL code and any extensions beside it. */
export interface GraphqlErrorAnswer {
  code: GatewayErrorCode;
  extensions?: Record<string, unknown>;
}

/** A filter for one exception class, answering what `answer` says. */
export function graphqlErrorFilter<E extends Error>(
  exception: abstract new (...args: never[]) => E,
  answer: (exception: E) => GraphqlErrorAnswer,
): Type<GqlExceptionFilter> {
  @Catch(exception)
  class GraphqlErrorFilter implements GqlExceptionFilter {
    catch(caught: E): GraphQLError {
      const { code, extensions } = answer(caught);
      return new GraphQLError(caught.message, { extensions: { code, ...extensions } });
    }
  }
  Object.defineProperty(GraphqlErrorFilter, 'name', { value: `${exception.name}GraphqlFilter` });
  return GraphqlErrorFilter;
}

/**
 * A filter for an exception with a string-enum code: `codes` maps every code
 * (the type makes the table complete) and the answer carries the domain code
 * as `reason`, with whatever `details` adds (the field, the rule).
 */
export function codedGraphqlErrorFilter<C extends string, E extends CodedException<C>>(
  exception: abstract new (...args: never[]) => E,
  codes: Readonly<Record<C, GatewayErrorCode>>,
  details: (exception: E) => Record<string, unknown> = () => ({}),
): Type<GqlExceptionFilter> {
  return graphqlErrorFilter(exception, (caught) => ({
    code: codes[caught.code],
    extensions: { reason: caught.code, ...details(caught) },
  }));
}
