// What goes to GraphQL for a citizen: a plain object whose fields are read as
// they are — no resolver runs per section or field. Where the answer is a
// refusal, the field is a getter that throws; the GraphQLError lands on that
// field's path as FORBIDDEN. Withheld values were removed before this point,
// so nothing withheld can leave even through a bug here.
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
      throw new GraphQLError(message, { extensions: { code: 'FORBIDDEN', ...extensions } });
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

/**
 * The fields selected under each field of the resolved one (through aliases
 * and fragments): for citizen(...), section → the section's fields asked for.
 */
export function selectedSubfields(info: GraphQLResolveInfo): Map<string, Set<string>> {
  const selected = new Map<string, Set<string>>();
  for (const node of info.fieldNodes as readonly FieldNode[]) {
    forEachField(node.selectionSet, info, (field) => {
      let sub = selected.get(field.name.value);
      if (!sub) selected.set(field.name.value, (sub = new Set()));
      forEachField(field.selectionSet, info, (inner) => sub.add(inner.name.value));
    });
  }
  return selected;
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
