// The registry's gate for a new schema version: is it compatible, under the
// record type's mode, with the versions before it? Pure: schemas in, verdict
// out; other published schemas are reached only through `resolve`.

import {
  directionsOf,
  isTransitive,
  type CompatibilityDirection,
  type CompatibilityMode,
} from './compatibility-mode.js';
import type { CompatibilityResult, Incompatibility } from './incompatibility.js';
import { SchemaEquivalence } from './schema-equivalence.js';
import { SchemaGraph, type SchemaNode, type SchemaResolver } from './schema-graph.js';
import { SubsetChecker } from './subset-checker.js';
import { subjectChanges } from './subject-placement.js';
import { ValueOracle } from './value-oracle.js';

export interface ComparedSchemaVersion {
  version: number;
  schema: object;
}

export interface CompatibilityInput {
  mode: CompatibilityMode;
  candidate: ComparedSchemaVersion;
  /**
   * Earlier versions, in any order: transitive modes check all, the others
   * only the latest. A version not below the candidate's is not earlier and
   * is not checked (`checkedAgainst` says which were).
   */
  previous: readonly ComparedSchemaVersion[];
  /** Resolves a cross-file `$ref` by its absolute `$id` (without fragment). */
  resolve?: SchemaResolver;
}

const DIRECTION_ORDER: Record<CompatibilityDirection, number> = { backward: 0, forward: 1 };

function byPlace(x: Incompatibility, y: Incompatibility): number {
  return (
    x.against - y.against ||
    DIRECTION_ORDER[x.direction] - DIRECTION_ORDER[y.direction] ||
    (x.path < y.path ? -1 : x.path > y.path ? 1 : 0) ||
    (x.rule < y.rule ? -1 : x.rule > y.rule ? 1 : 0)
  );
}

export function checkCompatibility(input: CompatibilityInput): CompatibilityResult {
  const { mode, candidate } = input;
  const directions = directionsOf(mode);
  const earlier = input.previous
    .filter((previous) => previous.version < candidate.version)
    .sort((x, y) => x.version - y.version)
    .filter((previous, i, all) => i === 0 || all[i - 1]!.version !== previous.version);
  const targets = directions.length === 0 ? [] : isTransitive(mode) ? earlier : earlier.slice(-1);

  const incompatibilities = compareVersions(candidate, targets, directions, input.resolve);
  return {
    compatible: incompatibilities.length === 0,
    mode,
    checkedAgainst: targets.map((target) => target.version),
    incompatibilities,
  };
}

/**
 * What breaks, in each direction asked, between `next` and each of `olds`,
 * whatever their order in history: a diff of version 3 against version 1 is
 * as meaningful as the gate for version 3 after version 1.
 */
export function compareVersions(
  next: ComparedSchemaVersion,
  olds: readonly ComparedSchemaVersion[],
  directions: readonly CompatibilityDirection[],
  resolve?: SchemaResolver,
): Incompatibility[] {
  const graph = new SchemaGraph(resolve);
  const equivalence = new SchemaEquivalence(graph);
  const oracle = new ValueOracle(graph);
  const candidate = graph.side(next.schema, next.version, 'candidate');
  const incompatibilities: Incompatibility[] = [];
  for (const target of olds) {
    const old = graph.side(target.schema, target.version, 'previous');
    for (const direction of directions) {
      incompatibilities.push(...differences(graph, equivalence, oracle, old, candidate, direction));
    }
  }
  return incompatibilities.sort(byPlace);
}

function differences(
  graph: SchemaGraph,
  equivalence: SchemaEquivalence,
  oracle: ValueOracle,
  old: SchemaNode,
  next: SchemaNode,
  direction: CompatibilityDirection,
): Incompatibility[] {
  const checker = new SubsetChecker(graph, equivalence, oracle, {
    direction,
    oldVersion: old.side.version,
    newVersion: next.side.version,
    newSide: next.side,
  });
  // backward: every record of the old version is valid under the new; forward: the reverse.
  const found = direction === 'backward' ? checker.check(old, next) : checker.check(next, old);
  return [...found, ...subjectChanges(graph, old, next, direction)];
}
