// The change between two versions of a record type's schema, as a data
// steward reads it: each place in the schema that differs (added, removed,
// changed, with the old and new text) and what that change does to
// compatibility. The verdicts come from the registry's own checker
// (compareVersions), run both ways; this file only places them on the changes.

import { escapeJsonPointer } from '../validation-issue.js';
import { compareVersions, type ComparedSchemaVersion } from './check-compatibility.js';
import { directionsOf, type CompatibilityMode } from './compatibility-mode.js';
import type { Incompatibility } from './incompatibility.js';
import { jsonEqual } from './json-equal.js';
import type { SchemaResolver } from './schema-graph.js';

/**
 * FULL: breaks nothing; BACKWARD: consumers on the new version still read old
 * records, but consumers on the old version cannot read new ones; FORWARD: the
 * reverse; BREAKING: neither holds.
 */
export type ChangeImpact = 'FULL' | 'BACKWARD' | 'FORWARD' | 'BREAKING';

export interface SchemaDifference {
  /** JSON pointer into the schema documents, e.g. `/properties/colour`. */
  path: string;
  change: 'added' | 'removed' | 'changed';
  /** The value in `from` (absent when added). */
  before?: unknown;
  /** The value in `to` (absent when removed). */
  after?: unknown;
  impact: ChangeImpact;
  /** The checker's findings this change causes. */
  incompatibilities: Incompatibility[];
}

export interface SchemaDiff {
  from: number;
  to: number;
  /** The record type's mode, and whether `to` could follow `from` under it. */
  mode: CompatibilityMode;
  allowedUnderMode: boolean;
  impact: ChangeImpact;
  differences: SchemaDifference[];
  /** Every finding, including any no single change explains (a referenced schema's). */
  incompatibilities: Incompatibility[];
}

export interface SchemaDiffInput {
  mode: CompatibilityMode;
  from: ComparedSchemaVersion;
  to: ComparedSchemaVersion;
  resolve?: SchemaResolver;
}

/** Set from the version numbers, so never a difference between two versions. */
const IDENTITY_KEYWORDS = new Set(['$id', '$schema']);

export function diffSchemas(input: SchemaDiffInput): SchemaDiff {
  const { from, to } = input;
  const incompatibilities = compareVersions(to, [from], ['backward', 'forward'], input.resolve);
  const changes = structuralChanges(from.schema, to.schema, '');
  const differences = changes.map((change) => {
    const caused = incompatibilities.filter((issue) => causedBy(issue, change, changes));
    return { ...change, impact: impactOf(caused), incompatibilities: caused };
  });
  const directions = directionsOf(input.mode);
  return {
    from: from.version,
    to: to.version,
    mode: input.mode,
    allowedUnderMode: !incompatibilities.some((issue) => directions.includes(issue.direction)),
    impact: impactOf(incompatibilities),
    differences,
    incompatibilities,
  };
}

function impactOf(issues: readonly Incompatibility[]): ChangeImpact {
  const backward = !issues.some((issue) => issue.direction === 'backward');
  const forward = !issues.some((issue) => issue.direction === 'forward');
  if (backward && forward) return 'FULL';
  if (backward) return 'BACKWARD';
  return forward ? 'FORWARD' : 'BREAKING';
}

type Change = Pick<SchemaDifference, 'path' | 'change' | 'before' | 'after'>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects are compared key by key; anything else (arrays included) as one value. */
function structuralChanges(before: unknown, after: unknown, path: string): Change[] {
  if (jsonEqual(before, after)) return [];
  if (!isObject(before) || !isObject(after)) return [{ path, change: 'changed', before, after }];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.flatMap((key): Change[] => {
    if (path === '' && IDENTITY_KEYWORDS.has(key)) return [];
    const at = `${path}/${escapeJsonPointer(key)}`;
    if (!Object.hasOwn(after, key)) return [{ path: at, change: 'removed', before: before[key] }];
    if (!Object.hasOwn(before, key)) return [{ path: at, change: 'added', after: after[key] }];
    return structuralChanges(before[key], after[key], at);
  });
}

/**
 * A finding points into the new schema (`schemaPath`): at the change itself or
 * inside it, or — for something the new version no longer has — at the place
 * above it that it still has. In that last case the change whose last name is
 * the record field named is the one meant, when there is one.
 */
function causedBy(issue: Incompatibility, change: Change, all: readonly Change[]): boolean {
  const within = (site: string, place: string) => site === place || site.startsWith(`${place}/`);
  if (all.some((c) => within(issue.schemaPath, c.path)))
    return within(issue.schemaPath, change.path);
  const below = all.filter((c) => c.path.startsWith(`${issue.schemaPath}/`));
  if (!below.includes(change)) return false;
  const field = issue.path.slice(issue.path.lastIndexOf('/'));
  const named = below.filter((c) => c.path.endsWith(field));
  return named.length === 0 || named.includes(change);
}
