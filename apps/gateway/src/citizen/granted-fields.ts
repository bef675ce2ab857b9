// Grants may open only some fields of a section. The service hands such a
// section's objects to GraphQL with the set of fields granted attached (out of
// sight of JSON and of the resolvers); this field middleware answers any other
// field with FORBIDDEN on its path. The field's value was already removed, so
// nothing withheld can leave even if this check were bypassed.
import type { FieldMiddleware, MiddlewareContext, NextFn } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

const GRANTED_FIELDS = Symbol('grantedFields');

/** A copy of `payload` with only `granted` fields, remembering which those were. */
export function narrowTo(
  payload: Record<string, unknown>,
  granted: ReadonlySet<string>,
): Record<string, unknown> {
  const narrowed: Record<string, unknown> = {};
  for (const field of granted) if (field in payload) narrowed[field] = payload[field];
  Object.defineProperty(narrowed, GRANTED_FIELDS, { value: granted, enumerable: false });
  return narrowed;
}

export const grantedFieldsMiddleware: FieldMiddleware = (
  { source, info }: MiddlewareContext,
  next: NextFn,
) => {
  const granted = (source as { [GRANTED_FIELDS]?: ReadonlySet<string> } | null)?.[GRANTED_FIELDS];
  if (granted && info && !granted.has(info.fieldName)) {
    throw new GraphQLError(
      `your agency holds no grant to see ${info.parentType.name}.${info.fieldName} for this purpose`,
      { extensions: { code: 'FORBIDDEN', reason: 'FIELD_DENIED', field: info.fieldName } },
    );
  }
  return next();
};
