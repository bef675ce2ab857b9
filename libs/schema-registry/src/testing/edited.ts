// Specs derive a broken document from a good fixture by naming only what they
// change, so a reader sees the one difference that matters.

/**
 * A copy of a JSON document with `changes` made: each key is a JSON pointer,
 * its value the new value there, or undefined to remove the property.
 */
export function edited<T>(document: T, changes: Readonly<Record<string, unknown>>): T {
  const copy = structuredClone(document);
  for (const [pointer, value] of Object.entries(changes)) {
    const keys = pointer
      .slice(1)
      .split('/')
      .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop()!;
    let parent = copy as Record<string, unknown>;
    for (const key of keys) parent = parent[key] as Record<string, unknown>;
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return copy;
}
