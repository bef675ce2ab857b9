// What a keyword family may ask of the inclusion proof it is part of: to
// prove a sub-inclusion (a property's value, an item, a branch), to show a
// conjunction empty, and to tell what it finds. The families check B's
// keywords one kind of value at a time; only the proof recurses.

import type { Conjunction } from './conjunction.js';
import type { ConjunctionFacts } from './conjunction-facts.js';
import type { Incompatibility } from './incompatibility.js';
import type { IssueReporter, Walk } from './issue-reporter.js';
import type { SchemaGraph, SchemaNode, SchemaObject } from './schema-graph.js';
import type { ValueOracle } from './value-oracle.js';

export interface Inclusion {
  readonly graph: SchemaGraph;
  readonly oracle: ValueOracle;
  readonly report: IssueReporter;
  readonly facts: ConjunctionFacts;
  /** Whether subschemas that say the same thing are recognised before reasoning about them. */
  readonly useEquivalence: boolean;
  /** Whether x and y are known to say the same thing (never, with equivalence off). */
  equivalent(x: SchemaNode, y: SchemaNode): boolean;
  /** Why not every instance of `a` is valid under `b`; empty when inclusion is proven. */
  subset(a: Conjunction, b: SchemaNode, walk: Walk): Incompatibility[];
  /** Whether inclusion holds, as a yes/no sub-proof (no case analysis, reasons not kept). */
  proves(a: Conjunction, b: SchemaNode, walk: Walk): boolean;
  /** Whether A can be shown to accept nothing. */
  empty(a: Conjunction, walk: Walk): boolean;
  /** Whether A and `node` together can be shown to accept nothing. */
  emptyWith(a: Conjunction, node: SchemaNode, walk: Walk): boolean;
}

/** One step of the proof: what A states, against B's own keywords, at one place in the record. */
export interface Step {
  readonly a: Conjunction;
  readonly b: SchemaNode;
  /** B's schema, known here to be an object. */
  readonly schema: SchemaObject;
  readonly walk: Walk;
}

/** Whether B's keyword is already satisfied by every one of A's finitely many values. */
export type Settled = (keyword: string) => boolean;
