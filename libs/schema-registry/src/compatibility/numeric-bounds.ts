// Lower and upper limits on numbers as JSON Schema states them (minimum,
// exclusiveMinimum, maximum, exclusiveMaximum), compared as limits rather
// than keyword by keyword, so that `exclusiveMinimum: 0` and `minimum: 1` are
// known to say the same about integers.

import type { SchemaObject } from './schema-graph.js';

export interface Bound {
  readonly value: number;
  readonly exclusive: boolean;
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
