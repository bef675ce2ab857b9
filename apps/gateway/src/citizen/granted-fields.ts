// What goes to GraphQL for a citizen: a plain object whose fields are read as
// they are — no resolver runs per section or field. Where the answer is a
// refusal, the field is a getter that throws; the GraphQLError lands on that
// field's path as FORBIDDEN. Withheld values were removed before this point,
// so nothing withheld can leave even through a bug here.
import type { GatewayErrorCode } from '../common/graphql-error-filter.js';
import {
  getDirectiveValues,
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

/** Sets `field` of `target` to a refusal: reading it throws FORBIDDEN with these extensions. */
export function refuse(
  target: Record<string, unknown>,
  field: string,
  message: string,
  extensions: Record<string, unknown>,
): void {
  Object.defineProperty(target, field, {
    enumerable: true,
    get() {
      throw new GraphQLError(message, {
        extensions: { code: 'FORBIDDEN' satisfies GatewayErrorCode, ...extensions },
      });
    },
  });
}

/** A copy of `payload` with only the `granted` top-level fields. */
export function narrowTo(
  payload: Record<string, unknown>,
  granted: ReadonlySet<string>,
): Record<string, unknown> {
  const narrowed: Record<string, unknown> = {};
  for (const field of granted) if (field in payload) narrowed[field] = payload[field];
  return narrowed;
}

/** The fields selected under a field, through aliases and fragments: field → its own selection (empty for a leaf). */
export type Selection = ReadonlyMap<string, Selection>;

/** What a selection is read from: the field's nodes, the document's fragments, the request's variables. */
export type SelectionSource = Pick<
  GraphQLResolveInfo,
  'fieldNodes' | 'fragments' | 'variableValues'
>;

/**
 * The selection under the resolved field, at every depth: for citizen(...),
 * section → the section's fields asked for → theirs, and so on. Aliases of one
 * field are merged. A field, fragment or section dropped by @skip or @include
 * for this request's variables is not asked for: it is neither read, refused
 * nor audited. `conditional` says whether any was there: then the selection
 * holds for this request's variables only.
 */
export function selectionOf(info: SelectionSource): {
  selection: Selection;
  conditional: boolean;
} {
  const root = new Map<string, Selection>();
  const seen = { conditional: false };
  for (const node of info.fieldNodes as readonly FieldNode[])
    collect(node.selectionSet, info, root, seen);
  return { selection: root, conditional: seen.conditional };
}

function collect(
  selectionSet: SelectionSetNode | undefined,
  info: SelectionSource,
  into: Map<string, Selection>,
  seen: { conditional: boolean },
): void {
  forEachField(selectionSet, info, seen, (field) => {
    let sub = into.get(field.name.value) as Map<string, Selection> | undefined;
    if (!sub) into.set(field.name.value, (sub = new Map()));
    collect(field.selectionSet, info, sub, seen);
  });
}

function forEachField(
  selectionSet: SelectionSetNode | undefined,
  info: SelectionSource,
  seen: { conditional: boolean },
  visit: (field: FieldNode) => void,
): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.directives?.length) {
      seen.conditional = true;
      if (!included(selection, info)) continue;
    }
    if (selection.kind === 'Field') visit(selection);
    else if (selection.kind === 'InlineFragment')
      forEachField(selection.selectionSet, info, seen, visit);
    else forEachField(info.fragments[selection.name.value]?.selectionSet, info, seen, visit);
  }
}

/** Whether graphql-js will answer `node` for this request's variables (its shouldIncludeNode). */
function included(node: SelectionNode, info: SelectionSource): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, info.variableValues);
  if (skip?.['if'] === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues);
  return include?.['if'] !== false;
}
