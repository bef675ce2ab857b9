// Where a schema marks the record's subject (x-spean-subject) and the other
// citizens it concerns (x-spean-related-subject). These are annotations, so
// they never make a record invalid, but they decide under which citizens a
// record is filed and whose national ids are checked: consumers on two
// versions that mark different places would disagree about whom a record is
// about. Any difference is reported, in whichever direction is checked.

import { RELATED_SUBJECT_KEYWORD, SUBJECT_KEYWORD } from '../national-id-locations.js';
import type { CompatibilityDirection } from './compatibility-mode.js';
import { DataPath } from './data-path.js';
import type { Incompatibility } from './incompatibility.js';
import { jsonEqual, showValue } from './json-equal.js';
import { isSchemaObject, type SchemaGraph, type SchemaNode } from './schema-graph.js';

interface Placement {
  readonly keyword: string;
  readonly value: unknown;
  readonly path: DataPath;
  /** The data path, with items a `contains` picks told apart from every item. */
  readonly place: string;
  readonly schemaPath: string;
}

interface Placements {
  readonly placements: Placement[];
  /** The first place in the schema that describes each data path, for pointing at a removal. */
  readonly sites: Map<string, string>;
}

const KEYWORDS = [SUBJECT_KEYWORD, RELATED_SUBJECT_KEYWORD] as const;
const IN_PLACE_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;
const IN_PLACE_SINGLE = ['then', 'else'] as const;

function placementsOf(graph: SchemaGraph, root: SchemaNode): Placements {
  const placements: Placement[] = [];
  const sites = new Map<string, string>();
  const onPath = new Set<unknown>();

  function walk(node: SchemaNode, path: DataPath, place: string): void {
    const schema = node.schema;
    if (!isSchemaObject(schema) || onPath.has(schema)) return;
    onPath.add(schema);
    if (!sites.has(path.pointer)) sites.set(path.pointer, node.site);
    for (const keyword of KEYWORDS) {
      if (keyword in schema) {
        placements.push({ keyword, value: schema[keyword], path, place, schemaPath: node.site });
      }
    }
    if (typeof schema.$ref === 'string') {
      const resolved = graph.deref(node);
      if ('node' in resolved) walk(resolved.node, path, place);
    }
    for (const name of Object.keys(isSchemaObject(schema.properties) ? schema.properties : {})) {
      walk(graph.child(node, 'properties', name), path.property(name), `${place}/${name}`);
    }
    if (isSchemaObject(schema.items)) walk(graph.child(node, 'items'), path.item(), `${place}/[]`);
    if (Array.isArray(schema.prefixItems)) {
      schema.prefixItems.forEach((_item, i) =>
        walk(graph.child(node, 'prefixItems', i), path.index(i), `${place}/[${i}]`),
      );
    }
    if (isSchemaObject(schema.contains)) {
      walk(graph.child(node, 'contains'), path.item(), `${place}/[contains]`);
    }
    for (const keyword of IN_PLACE_LISTS) {
      const branches = schema[keyword];
      if (Array.isArray(branches)) {
        branches.forEach((_branch, i) => walk(graph.child(node, keyword, i), path, place));
      }
    }
    for (const keyword of IN_PLACE_SINGLE) {
      if (keyword in schema) walk(graph.child(node, keyword), path, place);
    }
    for (const name of Object.keys(
      isSchemaObject(schema.dependentSchemas) ? schema.dependentSchemas : {},
    )) {
      walk(graph.child(node, 'dependentSchemas', name), path, place);
    }
    onPath.delete(schema);
  }

  walk(root, DataPath.ROOT, '');
  return { placements, sites };
}

function what(keyword: string): string {
  return keyword === SUBJECT_KEYWORD ? 'the record\u2019s subject' : 'a related subject';
}

function where(placement: Placement): string {
  const value = placement.value === true ? '' : ` (at ${showValue(placement.value)} below it)`;
  const contains = placement.place.includes('[contains]')
    ? ' among the items "contains" picks'
    : '';
  return `${placement.path.label}${value}${contains}`;
}

/** Every difference in where the two versions mark subjects, as `subject-changed` issues. */
export function subjectChanges(
  graph: SchemaGraph,
  previous: SchemaNode,
  candidate: SchemaNode,
  direction: CompatibilityDirection,
): Incompatibility[] {
  const before = placementsOf(graph, previous);
  const after = placementsOf(graph, candidate);
  const oldVersion = previous.side.version;
  const newVersion = candidate.side.version;
  const same = (x: Placement, y: Placement): boolean =>
    x.keyword === y.keyword && x.place === y.place && jsonEqual(x.value, y.value);
  const consequence = `consumers on versions ${oldVersion} and ${newVersion} would not agree on which citizens a record is about.`;
  const issues: Incompatibility[] = [];
  const report = (path: DataPath, schemaPath: string, headline: string): void => {
    issues.push({
      path: path.pointer,
      schemaPath,
      rule: 'subject-changed',
      direction,
      against: oldVersion,
      message: `${headline}: ${consequence}`,
    });
  };

  const added = after.placements.filter((x) => !before.placements.some((y) => same(x, y)));
  const removed = before.placements.filter((x) => !after.placements.some((y) => same(x, y)));
  for (const placement of added) {
    // The same marker on the same field with another value (the subject now
    // the second owner rather than the first) is one change, not two.
    const replaced = removed.findIndex(
      (old) => old.keyword === placement.keyword && old.place === placement.place,
    );
    if (replaced >= 0) {
      const [old] = removed.splice(replaced, 1);
      report(
        placement.path,
        placement.schemaPath,
        `Version ${newVersion} marks ${where(placement)} as ${what(placement.keyword)} (${placement.keyword}), where version ${oldVersion} marks ${where(old!)}`,
      );
      continue;
    }
    report(
      placement.path,
      placement.schemaPath,
      `Version ${newVersion} marks ${where(placement)} as ${what(placement.keyword)} (${placement.keyword}); version ${oldVersion} does not`,
    );
  }
  for (const placement of removed) {
    report(
      placement.path,
      after.sites.get(placement.path.pointer) ?? '',
      `Version ${newVersion} no longer marks ${where(placement)} as ${what(placement.keyword)} (${placement.keyword}); version ${oldVersion} does`,
    );
  }
  return issues;
}
