// Equality of JSON values as JSON Schema compares them (enum, const,
// uniqueItems): by value, with object keys in any order.

export function jsonEqual(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  if (Array.isArray(x) && Array.isArray(y)) {
    return x.length === y.length && x.every((item, i) => jsonEqual(item, y[i]));
  }
  const xs = x as Record<string, unknown>;
  const ys = y as Record<string, unknown>;
  const keys = Object.keys(xs);
  return (
    keys.length === Object.keys(ys).length &&
    keys.every((key) => Object.hasOwn(ys, key) && jsonEqual(xs[key], ys[key]))
  );
}

/** Whether two lists hold the same values, in any order and ignoring repeats. */
export function sameValues(xs: readonly unknown[], ys: readonly unknown[]): boolean {
  return (
    xs.every((x) => ys.some((y) => jsonEqual(x, y))) &&
    ys.every((y) => xs.some((x) => jsonEqual(x, y)))
  );
}

/** A value for a message: strings in double quotes, everything else as JSON. */
export function showValue(value: unknown): string {
  return JSON.stringify(value);
}
