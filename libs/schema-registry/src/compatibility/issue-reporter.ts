// How an incompatibility is told: its rule for the direction being checked,
// its place in the record and in the new schema, and a sentence for a data
// steward that says what changed and whom it breaks.

import type { CompatibilityDirection } from './compatibility-mode.js';
import { schemaNodes, type Conjunction } from './conjunction.js';
import type { DataPath } from './data-path.js';
import type { Incompatibility, IncompatibilityRule } from './incompatibility.js';
import { showValue } from './json-equal.js';
import type { PropertyModel } from './property-model.js';
import { isSchemaObject, siteOf, type SchemaNode, type SchemaSide } from './schema-graph.js';

/** Which way a check runs: A is the old schema going backward, the new one going forward. */
export interface Perspective {
  readonly direction: CompatibilityDirection;
  readonly oldVersion: number;
  readonly newVersion: number;
  /** The side of the new version: issues point into it. */
  readonly newSide: SchemaSide;
}

export interface Walk {
  readonly at: DataPath;
  /** The condition under which this part applies, for messages (dependentSchemas, if/then). */
  readonly where: readonly string[];
}

/** The rule to report going backward, and the one going forward, or one for both. */
export type Rules = IncompatibilityRule | readonly [IncompatibilityRule, IncompatibilityRule];

export function listValues(values: readonly unknown[]): string {
  return values.map(showValue).join(', ');
}

/** A place in the record for the middle of a sentence: `owner.name`, `the record`. */
export function placeOf(at: DataPath): string {
  if (at.isRoot) return 'the record';
  if (at.isOther) return `the fields of ${placeOf(at.parent)} it does not list by name`;
  return at.label;
}

/** A place in the record to start a sentence with: `Field owner.name`, `The record`. */
export function field(at: DataPath): string {
  if (at.isRoot) return 'The record';
  if (at.isOther) return `Fields of ${placeOf(at.parent)} it does not list by name`;
  return `Field ${at.label}`;
}

/** `1 item`, `5 items`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export class IssueReporter {
  constructor(private readonly perspective: Perspective) {}

  get backward(): boolean {
    return this.perspective.direction === 'backward';
  }

  get oldVersion(): number {
    return this.perspective.oldVersion;
  }

  /** The new schema's place for a keyword: B going backward, A's node going forward. */
  newSite(a: Conjunction, b: SchemaNode, keyword?: string): string {
    if (this.backward) return siteOf(b, keyword);
    // Versions mostly keep their shape: the new node at the old node's place
    // is the one that changed, else one that states the keyword.
    const nodes = this.newNodes(a);
    const states = (node: SchemaNode): boolean =>
      keyword === undefined || (isSchemaObject(node.schema) && keyword in node.schema);
    const same = nodes.filter((n) => n.site === b.site);
    const exact = same.find(states) ?? same[0];
    if (exact) return siteOf(exact, keyword);
    // What the old version said at a place the new one no longer has: point
    // at the nearest place above it that the new one does have.
    const enclosing = nodes
      .filter((n) => b.site.startsWith(`${n.site}/`))
      .sort((x, y) => y.site.length - x.site.length)[0];
    if (enclosing) return siteOf(enclosing);
    const node = nodes.find(states) ?? nodes[0];
    return node ? siteOf(node, keyword) : '';
  }

  private newNodes(a: Conjunction): SchemaNode[] {
    return schemaNodes(a).filter(
      (node) => node.side === this.perspective.newSide && !node.synthetic,
    );
  }

  /** The new schema's place for whichever of `keywords` it has. */
  newSiteOfAny(a: Conjunction, b: SchemaNode, keywords: readonly string[]): string {
    const nodes = this.backward ? [b] : this.newNodes(a);
    const keyword = keywords.find((k) =>
      nodes.some((node) => isSchemaObject(node.schema) && k in node.schema),
    );
    return this.newSite(a, b, keyword);
  }

  newSiteOfModels(models: readonly PropertyModel[], keyword: string): string {
    const model = models.find((m) => m.holder.side === this.perspective.newSide);
    return model ? siteOf(model.holder, keyword) : '';
  }

  issue(
    rules: Rules,
    walk: Walk,
    schemaPath: string,
    headline: string,
    consequence: string,
  ): Incompatibility {
    const rule = typeof rules === 'string' ? rules : rules[this.backward ? 0 : 1];
    const { oldVersion, newVersion } = this.perspective;
    const where = walk.where.length > 0 ? ` (${walk.where.join(', ')})` : '';
    const [writers, readers] = this.backward
      ? [`records written with version ${oldVersion}`, `consumers on version ${newVersion}`]
      : [`records written with version ${newVersion}`, `consumers still on version ${oldVersion}`];
    return {
      path: walk.at.pointer,
      schemaPath,
      rule,
      direction: this.perspective.direction,
      against: oldVersion,
      message: `${headline}${where}: ${writers} may ${consequence}, so ${readers} could not read them.`,
    };
  }

  /** A place that now allows no value (backward), or now allows one (forward). */
  forbidden(walk: Walk, schemaPath: string): Incompatibility {
    return this.issue(
      ['value-forbidden', 'value-allowed'],
      walk,
      schemaPath,
      this.backward
        ? `${field(walk.at)} is no longer allowed`
        : `${field(walk.at)} is now allowed where version ${this.perspective.oldVersion} forbade it`,
      'have it',
    );
  }

  unverifiable(walk: Walk, schemaPath: string, headline: string): Incompatibility {
    const { oldVersion, newVersion } = this.perspective;
    const where = walk.where.length > 0 ? ` (${walk.where.join(', ')})` : '';
    const claim = this.backward
      ? `every record written with version ${oldVersion} is valid under version ${newVersion}`
      : `every record written with version ${newVersion} is valid under version ${oldVersion}`;
    return {
      path: walk.at.pointer,
      schemaPath,
      rule: 'unverifiable-change',
      direction: this.perspective.direction,
      against: oldVersion,
      message: `${headline}${where}: the checker cannot prove that ${claim}, so it reports the change rather than assume it is safe.`,
    };
  }

  unresolved(
    walk: Walk,
    node: SchemaNode,
    ref: string,
    reason: string,
    schemaPath = siteOf(node, '$ref'),
  ): Incompatibility {
    return {
      path: walk.at.pointer,
      schemaPath,
      rule: 'unresolved-reference',
      direction: this.perspective.direction,
      against: this.perspective.oldVersion,
      message: `The reference ${showValue(ref)} of version ${node.side.version} ${reason}, so ${placeOf(walk.at)} cannot be compared: pass a resolver that knows every published schema.`,
    };
  }
}
