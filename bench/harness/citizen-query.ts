// The full citizen lookup the bench sends: every section and every field of
// each, read from the running gateway's own schema (introspection), so the
// bench keeps asking for everything as the models grow.
import { BENCH_PURPOSE } from './populations.ts';

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}

interface IntrospectedType {
  name: string;
  kind: string;
  fields: Array<{ name: string; type: TypeRef; args: Array<{ type: TypeRef }> }> | null;
}

const INTROSPECTION = `{ __schema { types { name kind fields {
  name args { type { kind } }
  type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
} } } }`;

/** The lookup's GraphQL document; its one variable is $id, the national id. */
export async function fullCitizenQuery(gatewayUrl: string, token: string): Promise<string> {
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: INTROSPECTION }),
  });
  const body = (await response.json()) as {
    data?: { __schema: { types: IntrospectedType[] } };
    errors?: unknown;
  };
  if (!body.data)
    throw new Error(`the gateway refused introspection: ${JSON.stringify(body.errors)}`);
  const types = new Map(body.data.__schema.types.map((type) => [type.name, type]));
  const selection = selectionOf('Citizen', types, new Set());
  return (
    `query BenchLookup($id: ID!) {\n` +
    `  citizen(nationalId: $id, purpose: "${BENCH_PURPOSE}", reference: "BENCH-LOOKUP") ${selection}\n}`
  );
}

function namedType(type: TypeRef): TypeRef {
  return type.ofType ? namedType(type.ofType) : type;
}

function selectionOf(
  typeName: string,
  types: Map<string, IntrospectedType>,
  visiting: Set<string>,
): string {
  const type = types.get(typeName);
  if (!type?.fields) throw new Error(`the gateway's schema has no object type ${typeName}`);
  const parts: string[] = [];
  for (const field of type.fields) {
    // Fields that need arguments are not part of a plain lookup.
    if (field.args.some((arg) => arg.type.kind === 'NON_NULL')) continue;
    const named = namedType(field.type);
    if (named.kind === 'SCALAR' || named.kind === 'ENUM') parts.push(field.name);
    else if (named.kind === 'OBJECT' && named.name && !visiting.has(named.name)) {
      visiting.add(named.name);
      parts.push(`${field.name} ${selectionOf(named.name, types, visiting)}`);
      visiting.delete(named.name);
    }
  }
  return `{ ${parts.join(' ')} }`;
}
