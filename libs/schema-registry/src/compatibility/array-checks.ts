// B's keywords for arrays: item counts (from the shared table of counted
// limits), `uniqueItems`, the schema of each position (`prefixItems`, then
// `items` or `unevaluatedItems` for the rest) and `contains` with
// `minContains`/`maxContains`.

import { flatten, flattenAll, schemaNodes, type Conjunction } from './conjunction.js';
import { COUNT_LIMITS, countLimitIssues, statedLimit } from './count-limits.js';
import type { Incompatibility } from './incompatibility.js';
import type { Inclusion, Step } from './inclusion.js';
import { field, placeOf, type Walk } from './issue-reporter.js';
import { jsonEqual } from './json-equal.js';
import { numberOr } from './numeric-bounds.js';
import {
  acceptsEverything,
  acceptsNothing,
  descriptionOf,
  isSchemaObject,
  type SchemaNode,
  type SchemaObject,
} from './schema-graph.js';

// Applicators that may evaluate items in place, so that which items
// unevaluatedItems reaches depends on the record.
const IN_PLACE_APPLICATORS = ['$ref', 'allOf', 'anyOf', 'oneOf', 'if', 'dependentSchemas'];

/** The step, with what A states about its arrays gathered once for every check of them. */
interface ArrayStep extends Step {
  readonly nodes: readonly SchemaNode[];
  readonly objects: readonly SchemaObject[];
  readonly minItems: number;
  readonly maxItems: number;
}

export class ArrayChecks {
  constructor(private readonly inclusion: Inclusion) {}

  check(base: Step): Incompatibility[] {
    const { report } = this.inclusion;
    const nodes = schemaNodes(base.a).filter((node) => isSchemaObject(node.schema));
    const objects = nodes.map((node) => node.schema as SchemaObject);
    const step: ArrayStep = {
      ...base,
      nodes,
      objects,
      minItems: statedLimit(COUNT_LIMITS.minItems, objects),
      maxItems: statedLimit(COUNT_LIMITS.maxItems, objects),
    };
    // Unlike text and fields, item counts are judged from the limits A
    // states even where A's finitely many values would settle them.
    const issues = [
      ...countLimitIssues(report, COUNT_LIMITS.minItems, step, step.minItems),
      ...countLimitIssues(report, COUNT_LIMITS.maxItems, step, step.maxItems),
      ...this.uniqueItems(step),
      ...this.listItems(step),
      ...this.positions(step),
    ];
    if ('contains' in step.schema || 'maxContains' in step.schema) {
      issues.push(...this.contains(step));
    }
    return issues;
  }

  private uniqueItems(step: ArrayStep): Incompatibility[] {
    const { a, b, schema, walk } = step;
    if (schema.uniqueItems !== true || step.maxItems <= 1) return [];
    if (step.objects.some((node) => node.uniqueItems === true)) return [];
    const { report } = this.inclusion;
    const headline = report.backward
      ? `The items of ${placeOf(walk.at)} must now all be different`
      : `The items of ${placeOf(walk.at)} no longer have to be all different`;
    return [
      report.issue(
        ['unique-items-added', 'unique-items-removed'],
        walk,
        report.newSite(a, b, 'uniqueItems'),
        headline,
        'repeat an item',
      ),
    ];
  }

  /** The draft-07 tuple form, which 2020-12 spells prefixItems: compared only as a whole. */
  private listItems(step: ArrayStep): Incompatibility[] {
    const { a, b, schema, walk } = step;
    if (!Array.isArray(schema.items)) return [];
    if (step.objects.some((node) => jsonEqual(node.items, schema.items))) return [];
    const { report } = this.inclusion;
    return [
      report.unverifiable(
        walk,
        report.newSite(a, b, 'items'),
        `${field(walk.at)} uses "items" as a list (the form before draft 2020-12), which the checker does not compare`,
      ),
    ];
  }

  /** Each position any tuple (prefixItems) on either side names, then the rest. */
  private positions(step: ArrayStep): Incompatibility[] {
    const { a, b, schema, walk } = step;
    const { graph } = this.inclusion;
    const ownPrefix = Array.isArray(schema.prefixItems) ? schema.prefixItems.length : 0;
    const positions = Math.max(
      ownPrefix,
      ...step.objects.map((node) =>
        Array.isArray(node.prefixItems) ? node.prefixItems.length : 0,
      ),
    );
    const issues: Incompatibility[] = [];
    const rest = this.rest(step, issues);
    for (let i = 0; i < positions && i < step.maxItems; i++) {
      const wanted = i < ownPrefix ? graph.child(b, 'prefixItems', i) : rest;
      if (!wanted || acceptsEverything(wanted.schema)) continue;
      const stated = flattenAll(
        graph,
        step.nodes.flatMap((node) => this.itemAt(node, i)),
      );
      issues.push(
        ...this.items(a, b, stated, wanted, { at: walk.at.index(i), where: walk.where }, i),
      );
    }
    if (rest && !acceptsEverything(rest.schema) && step.maxItems > positions) {
      const stated = flattenAll(
        graph,
        step.nodes.flatMap((node) => this.itemAt(node)),
      );
      issues.push(
        ...this.items(a, b, stated, rest, { at: walk.at.item(), where: walk.where }, positions),
      );
    }
    return issues;
  }

  /**
   * B's schema for the items after its tuple: `items`, or `unevaluatedItems`
   * where no in-place applicator makes which items it reaches uncertain
   * (then that is reported in `issues`, and there is none).
   */
  private rest({ a, b, schema, walk }: Step, issues: Incompatibility[]): SchemaNode | undefined {
    const { graph, report } = this.inclusion;
    if ('items' in schema && !Array.isArray(schema.items)) return graph.child(b, 'items');
    if (!('unevaluatedItems' in schema) || acceptsEverything(schema.unevaluatedItems)) {
      return undefined;
    }
    const inPlace =
      IN_PLACE_APPLICATORS.some((keyword) => keyword in schema) || 'contains' in schema;
    if (!inPlace) return graph.child(b, 'unevaluatedItems');
    issues.push(
      report.unverifiable(
        walk,
        report.newSite(a, b, 'unevaluatedItems'),
        `Which items of ${placeOf(walk.at)} "unevaluatedItems" applies to depends on subschemas that apply only to some records`,
      ),
    );
    return undefined;
  }

  /** The schema one of A's nodes gives the item at `position`, or to the items after its tuple. */
  private itemAt(node: SchemaNode, position?: number): SchemaNode[] {
    const { graph } = this.inclusion;
    const own = node.schema as SchemaObject;
    if (
      position !== undefined &&
      Array.isArray(own.prefixItems) &&
      position < own.prefixItems.length
    ) {
      return [graph.child(node, 'prefixItems', position)];
    }
    return 'items' in own && !Array.isArray(own.items) ? [graph.child(node, 'items')] : [];
  }

  private items(
    a: Conjunction,
    b: SchemaNode,
    stated: Conjunction,
    wanted: SchemaNode,
    walk: Walk,
    from: number,
  ): Incompatibility[] {
    if (!acceptsNothing(wanted.schema)) return this.inclusion.subset(stated, wanted, walk);
    if (this.inclusion.empty(stated, walk)) return [];
    const { report } = this.inclusion;
    const headline = report.backward
      ? `${field(walk.at)}: items from position ${from + 1} on are no longer allowed`
      : `${field(walk.at)}: items from position ${from + 1} on are now allowed, where version ${report.oldVersion} forbade them`;
    return [
      report.issue(
        ['items-forbidden', 'items-allowed'],
        walk,
        report.newSite(a, b, 'items'),
        headline,
        'hold more items',
      ),
    ];
  }

  private contains(step: ArrayStep): Incompatibility[] {
    const { a, b, schema, walk } = step;
    if (!('contains' in schema)) return [];
    const wanted = this.inclusion.graph.child(b, 'contains');
    const stated = step.nodes
      .filter((node) => 'contains' in (node.schema as SchemaObject))
      .map((node) => {
        const own = node.schema as SchemaObject;
        return {
          node: this.inclusion.graph.child(node, 'contains'),
          min: numberOr(own.minContains, 1),
          max: numberOr(own.maxContains, Infinity),
        };
      });
    if (this.containsProven(step, wanted, stated)) return [];
    const { report } = this.inclusion;
    const what = descriptionOf(wanted) ?? 'an item of the form its schema requires';
    const site = report.newSite(a, b, 'contains');
    if (stated.length === 0) {
      const headline = report.backward
        ? `${field(walk.at)} must now include ${what}`
        : `${field(walk.at)} no longer has to include ${what}`;
      return [
        report.issue(
          ['contains-added', 'contains-removed'],
          walk,
          site,
          headline,
          'lack such an item',
        ),
      ];
    }
    return [
      report.issue(
        'contains-changed',
        walk,
        site,
        `What ${placeOf(walk.at)} must include (${what}) changed`,
        'lack an item of the form now asked for',
      ),
    ];
  }

  /** Whether A's arrays always hold as many matching items as B asks for, and no more than it allows. */
  private containsProven(
    step: ArrayStep,
    wanted: SchemaNode,
    stated: ReadonlyArray<{ node: SchemaNode; min: number; max: number }>,
  ): boolean {
    const { graph } = this.inclusion;
    const { schema, walk } = step;
    const wantedMin = numberOr(schema.minContains, 1);
    const wantedMax = numberOr(schema.maxContains, Infinity);
    // Only a yes or no is wanted here; the reasons of a failed attempt are not reported.
    const quiet = (x: Conjunction, y: SchemaNode): boolean => this.inclusion.proves(x, y, walk);
    let proven = true;
    if (wantedMin > 0) {
      const everyItem =
        !step.nodes.some((node) => 'prefixItems' in (node.schema as SchemaObject)) &&
        step.minItems >= wantedMin &&
        quiet(
          flattenAll(
            graph,
            step.nodes
              .filter((node) => 'items' in (node.schema as SchemaObject))
              .map((node) => graph.child(node, 'items')),
          ),
          wanted,
        );
      proven =
        everyItem ||
        stated.some((own) => own.min >= wantedMin && quiet(flatten(graph, own.node), wanted));
    }
    if (proven && wantedMax < Infinity && step.maxItems > wantedMax) {
      proven = stated.some(
        (own) => own.max <= wantedMax && quiet(flatten(graph, wanted), own.node),
      );
    }
    return proven;
  }
}
