// GraphQL validation rules that refuse an operation asking for too much before
// any resolver runs: too deep, too many aliases, too costly. Apollo answers
// each refusal with HTTP 400 and extensions.code GRAPHQL_VALIDATION_FAILED;
// extensions.limit names the limit, `maximum` its value and `actual` the
// operation's measure. Messages never quote the document (it may hold ids).
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { GatewayLimits } from '../config/gateway-limits.config.js';
import { OperationMeasurer } from './operation-measurer.js';

export type LimitName = 'depth' | 'aliases' | 'cost';

const DESCRIBE: Record<LimitName, string> = {
  depth: 'query depth',
  aliases: 'number of aliases',
  cost: 'query cost',
};

export function maxDepthRule(maximum: number, measurer: OperationMeasurer): ValidationRule {
  return limitRule('depth', maximum, measurer);
}

export function maxAliasesRule(maximum: number, measurer: OperationMeasurer): ValidationRule {
  return limitRule('aliases', maximum, measurer);
}

/** Cost counts fields, each under a list `measurer.listFactor` times. */
export function maxCostRule(maximum: number, measurer: OperationMeasurer): ValidationRule {
  return limitRule('cost', maximum, measurer);
}

/** The three rules for the gateway's settings, sharing one measure per operation. */
export function graphqlLimitRules(
  limits: Pick<GatewayLimits, 'maxDepth' | 'maxAliases' | 'maxCost' | 'listFactor'>,
): ValidationRule[] {
  const measurer = new OperationMeasurer(limits.listFactor);
  return [
    maxDepthRule(limits.maxDepth, measurer),
    maxAliasesRule(limits.maxAliases, measurer),
    maxCostRule(limits.maxCost, measurer),
  ];
}

function limitRule(limit: LimitName, maximum: number, measurer: OperationMeasurer): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const measured = measurer.measure(context, operation)[limit];
      if (measured <= maximum) return;
      // A fragment bomb's cost can pass 2^53; it is then reported as 2^53 - 1.
      const actual = Math.min(measured, Number.MAX_SAFE_INTEGER);
      context.reportError(
        new GraphQLError(`${DESCRIBE[limit]} ${actual} exceeds the limit of ${maximum}`, {
          nodes: [operation],
          extensions: { limit, maximum, actual },
        }),
      );
    },
  });
}
