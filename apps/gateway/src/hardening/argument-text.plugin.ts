// One check of every string a GraphQL operation passes as an argument —
// written in the document or sent as a variable, at any depth of input
// objects and lists — before any resolver runs. Two kinds of text are
// refused with BAD_USER_INPUT naming the argument path and the rule:
//   - no-nul: U+0000, which PostgreSQL text cannot hold (it used to come back
//     as the database's own error);
//   - well-formed-unicode: a lone UTF-16 surrogate, which is no character at
//     all and would be stored as U+FFFD, silently changed.
// A variable nested deeper than MAX_VARIABLE_DEPTH (no argument of ours
// comes near it) is refused as well (max-depth): the check must not be
// where a deeply nested body overflows the stack.
// Everything else (Khmer, bidi marks, long strings) is the resolvers' to judge.
import type { GatewayErrorCode } from '../common/graphql-error-filter.js';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  visit,
  type ArgumentNode,
  type ASTNode,
  type DocumentNode,
  type ValueNode,
} from 'graphql';

export interface TextProblem {
  /** e.g. `createClient.input.name`, `replayDeadLetters.ids[1]`. */
  argument: string;
  /** The variable it came in, when it came in one (`$input.name`). */
  variable?: string;
  rule: 'no-nul' | 'well-formed-unicode' | 'max-depth';
}

export const MAX_VARIABLE_DEPTH = 32;

const RULE_TEXT: Record<TextProblem['rule'], string> = {
  'no-nul': 'must not contain the NUL character (U+0000)',
  'well-formed-unicode': 'must be well-formed Unicode (it contains a lone surrogate)',
  'max-depth': `must not nest lists and objects more than ${MAX_VARIABLE_DEPTH} deep`,
};

function ruleBroken(text: string): TextProblem['rule'] | undefined {
  if (text.includes('\u0000')) return 'no-nul';
  if (!text.isWellFormed()) return 'well-formed-unicode';
  return undefined;
}

/** The first string argument of the document, with these variables, that breaks a rule. */
export function findTextProblem(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): TextProblem | undefined {
  let found: TextProblem | undefined;
  const checkedVariables = new Set<string>();

  const checkVariable = (
    value: unknown,
    argument: string,
    variable: string,
    depth = 0,
  ): TextProblem | undefined => {
    if (depth > MAX_VARIABLE_DEPTH) return { argument, variable, rule: 'max-depth' };
    if (typeof value === 'string') {
      const rule = ruleBroken(value);
      return rule ? { argument, variable, rule } : undefined;
    }
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) {
        const problem = checkVariable(
          item,
          `${argument}[${index}]`,
          `${variable}[${index}]`,
          depth + 1,
        );
        if (problem) return problem;
      }
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const problem =
          checkVariable(key, `${argument}.<key>`, `${variable}.<key>`) ??
          checkVariable(item, `${argument}.${key}`, `${variable}.${key}`, depth + 1);
        if (problem) return problem;
      }
    }
    return undefined;
  };

  const checkValue = (node: ValueNode, argument: string): TextProblem | undefined => {
    switch (node.kind) {
      case Kind.STRING: {
        const rule = ruleBroken(node.value);
        return rule ? { argument, rule } : undefined;
      }
      case Kind.LIST:
        for (const [index, item] of node.values.entries()) {
          const problem = checkValue(item, `${argument}[${index}]`);
          if (problem) return problem;
        }
        return undefined;
      case Kind.OBJECT:
        for (const field of node.fields) {
          const problem = checkValue(field.value, `${argument}.${field.name.value}`);
          if (problem) return problem;
        }
        return undefined;
      case Kind.VARIABLE: {
        const name = node.name.value;
        checkedVariables.add(name);
        return checkVariable(variables?.[name], argument, `$${name}`);
      }
      default:
        return undefined;
    }
  };

  for (const site of argumentSites(document)) {
    found = checkValue(site.value, site.argument);
    if (found) break;
  }
  // Variables sent but used by no argument: refused as well, named by their own path.
  for (const [name, value] of Object.entries(variables ?? {})) {
    if (found) break;
    if (!checkedVariables.has(name)) found = checkVariable(value, `$${name}`, `$${name}`);
  }
  return found;
}

/** An argument written in a document: its path (`field.name`) and the value written there. */
interface ArgumentSite {
  argument: string;
  value: ValueNode;
}

/**
 * Apollo keeps one parsed document per query text and hands the same object to
 * every request that sends it, so where its arguments sit is found once per
 * document, not by walking its whole tree on each request; only the values,
 * whose variables change per request, are checked each time.
 */
const sitesOfDocument = new WeakMap<DocumentNode, readonly ArgumentSite[]>();

/** The document's arguments, in the order a walk of the document meets them. */
function argumentSites(document: DocumentNode): readonly ArgumentSite[] {
  let sites = sitesOfDocument.get(document);
  if (!sites) {
    const found: ArgumentSite[] = [];
    visit(document, {
      Argument(node: ArgumentNode, _key, _parent, _path, ancestors) {
        found.push({ argument: `${nearestOwner(ancestors)}${node.name.value}`, value: node.value });
        return false;
      },
    });
    sitesOfDocument.set(document, (sites = found));
  }
  return sites;
}

/** `field.` or `@directive.` for the argument being visited. */
function nearestOwner(ancestors: ReadonlyArray<ASTNode | ReadonlyArray<ASTNode>>): string {
  for (let index = ancestors.length - 1; index >= 0; index--) {
    const node = ancestors[index];
    if (!node || Array.isArray(node)) continue;
    const ast = node as ASTNode;
    if (ast.kind === Kind.FIELD) return `${ast.name.value}.`;
    if (ast.kind === Kind.DIRECTIVE) return `@${ast.name.value}.`;
  }
  return '';
}

export function textProblemError(problem: TextProblem): GraphQLError {
  const where = problem.variable ? ` (variable ${problem.variable})` : '';
  return new GraphQLError(`Argument ${problem.argument}${where} ${RULE_TEXT[problem.rule]}`, {
    extensions: {
      code: 'BAD_USER_INPUT' satisfies GatewayErrorCode,
      argument: problem.argument,
      ...(problem.variable ? { variable: problem.variable } : {}),
      rule: problem.rule,
      http: { status: 400 },
    },
  });
}

/** Runs the check once the operation is known, before it is executed. */
export function argumentTextPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, request }) {
          const problem = findTextProblem(document, request.variables);
          if (problem) return Promise.reject(textProblemError(problem));
          return Promise.resolve();
        },
      });
    },
  };
}
