// Lower and upper limits on numbers as JSON Schema states them (minimum,
// exclusiveMinimum, maximum, exclusiveMaximum), compared as limits rather
// than keyword by keyword, so that `exclusiveMinimum: 0` and `minimum: 1` are
// known to say the same about integers.

import type { SchemaObject } from './schema-graph.js';

export interface Bound {
  readonly value: number;
  readonly exclusive: boolean;
}

/** A keyword's number, or what its absence means. */
export function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** The tightest of the bounds several schemas state together; undefined when none states one. */
export function tightest(
  bounds: readonly (Bound | undefined)[],
  tighter: (x: Bound, y: Bound) => boolean,
): Bound | undefined {
  return bounds.reduce<Bound | undefined>(
    (best, bound) => (!bound || (best && tighter(best, bound)) ? best : bound),
    undefined,
  );
}

export function isMultiple(value: number, divisor: number): boolean {
  if (divisor <= 0) return false;
  const ratio = value / divisor;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9 && Math.round(ratio) >= 1;
}

export function lowerBoundOf(schema: SchemaObject): Bound | undefined {
  const candidates: Bound[] = [];
  if (typeof schema.minimum === 'number')
    candidates.push({ value: schema.minimum, exclusive: false });
  if (typeof schema.exclusiveMinimum === 'number') {
    candidates.push({ value: schema.exclusiveMinimum, exclusive: true });
  }
  return candidates.reduce<Bound | undefined>(
    (best, bound) => (best && !tighterLower(bound, best) ? best : bound),
    undefined,
  );
}

export function upperBoundOf(schema: SchemaObject): Bound | undefined {
  const candidates: Bound[] = [];
  if (typeof schema.maximum === 'number')
    candidates.push({ value: schema.maximum, exclusive: false });
  if (typeof schema.exclusiveMaximum === 'number') {
    candidates.push({ value: schema.exclusiveMaximum, exclusive: true });
  }
  return candidates.reduce<Bound | undefined>(
    (best, bound) => (best && !tighterUpper(bound, best) ? best : bound),
    undefined,
  );
}

/** Whether lower bound x admits no value lower bound y rejects. */
export function tighterLower(x: Bound, y: Bound): boolean {
  return x.value > y.value || (x.value === y.value && (x.exclusive || !y.exclusive));
}

export function tighterUpper(x: Bound, y: Bound): boolean {
  return x.value < y.value || (x.value === y.value && (x.exclusive || !y.exclusive));
}

// Over integers `> 0` is `>= 1`: bounds are compared in that form when only integers are possible.
export function integerLower(bound: Bound): Bound {
  return {
    value: bound.exclusive ? Math.floor(bound.value) + 1 : Math.ceil(bound.value),
    exclusive: false,
  };
}

export function integerUpper(bound: Bound): Bound {
  return {
    value: bound.exclusive ? Math.ceil(bound.value) - 1 : Math.floor(bound.value),
    exclusive: false,
  };
}

export function describeLower(bound: Bound): string {
  return bound.exclusive ? `greater than ${bound.value}` : `at least ${bound.value}`;
}

export function describeUpper(bound: Bound): string {
  return bound.exclusive ? `less than ${bound.value}` : `at most ${bound.value}`;
}
