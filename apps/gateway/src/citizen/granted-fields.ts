// What goes to GraphQL for a citizen: a plain object whose fields are read as
// they are — no resolver runs per section or field. Where the answer is a
// refusal, the field is a getter that throws; the GraphQLError lands on that
// field's path as FORBIDDEN. Withheld values were removed before this point,
// so nothing withheld can leave even through a bug here.
import type { GatewayErrorCode } from '../common/graphql-error-filter.js';
import {
  GraphQLError,
  type FieldNode,
  type GraphQLResolveInfo,
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

/**
 * The selection under the resolved field, at every depth: for citizen(...),
 * section → the section's fields asked for → theirs, and so on. Aliases of one
 * field are merged.
 */
export function selectionOf(info: GraphQLResolveInfo): Selection {
  const root = new Map<string, Selection>();
  for (const node of info.fieldNodes as readonly FieldNode[])
    collect(node.selectionSet, info, root);
  return root;
}

function collect(
  selectionSet: SelectionSetNode | undefined,
  info: GraphQLResolveInfo,
  into: Map<string, Selection>,
): void {
  forEachField(selectionSet, info, (field) => {
    let sub = into.get(field.name.value) as Map<string, Selection> | undefined;
    if (!sub) into.set(field.name.value, (sub = new Map()));
    collect(field.selectionSet, info, sub);
  });
}

function forEachField(
  selectionSet: SelectionSetNode | undefined,
  info: GraphQLResolveInfo,
  visit: (field: FieldNode) => void,
): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === 'Field') visit(selection);
    else if (selection.kind === 'InlineFragment') forEachField(selection.selectionSet, info, visit);
    else forEachField(info.fragments[selection.name.value]?.selectionSet, info, visit);
  }
}
