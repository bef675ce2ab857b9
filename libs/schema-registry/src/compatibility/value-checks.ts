// B's keywords that hold for a value of any kind: `type`, `enum` and `const`,
// `format`, the values a validator rejects for a reason no keyword check
// names, and keywords the checker does not understand (proven only by being
// stated alike on A's side).

import {
  describeKinds,
  intersectValues,
  kindsOfType,
  schemaNodes,
  type Conjunction,
  type Kind,
} from './conjunction.js';
import type { Incompatibility } from './incompatibility.js';
import type { Inclusion, Step } from './inclusion.js';
import { field, listValues, placeOf, type Rules, type Walk } from './issue-reporter.js';
import { jsonEqual, showValue } from './json-equal.js';
import { isSchemaObject, siteOf, type SchemaNode } from './schema-graph.js';

export class ValueChecks {
  constructor(private readonly inclusion: Inclusion) {}

  type({ a, b, schema, walk }: Step, kinds: ReadonlySet<Kind>): Incompatibility[] {
    const { report } = this.inclusion;
    const allowed = kindsOfType(schema.type);
    if (!allowed) {
      return [
        report.unverifiable(
          walk,
          siteOf(b, 'type'),
          `${field(walk.at)} has a "type" that is not valid`,
        ),
      ];
    }
    const extra = new Set([...kinds].filter((kind) => !allowed.has(kind)));
    if (extra.size === 0) return [];
    const headline = report.backward
      ? `${field(walk.at)} must now be ${describeKinds(allowed)}, where version ${report.oldVersion} also allowed ${describeKinds(extra)}`
      : `${field(walk.at)} may now also be ${describeKinds(extra)}, where version ${report.oldVersion} allowed only ${describeKinds(allowed)}`;
    return [
      report.issue(
        ['type-narrowed', 'type-widened'],
        walk,
        report.newSite(a, b, 'type'),
        headline,
        `hold ${describeKinds(extra)} there`,
      ),
    ];
  }

  enumeration(
    { a, b, schema, walk }: Step,
    values: readonly unknown[] | undefined,
  ): Incompatibility[] {
    const { report } = this.inclusion;
    let allowed: unknown[] | undefined;
    if (Array.isArray(schema.enum)) allowed = [...schema.enum];
    if ('const' in schema) allowed = intersectValues(allowed ?? [schema.const], [schema.const]);
    if (!allowed) return [];
    const keyword = 'const' in schema ? 'const' : 'enum';
    const site = report.newSite(a, b, keyword);
    if (values) {
      const missing = values.filter((value) => !allowed.some((other) => jsonEqual(value, other)));
      if (missing.length === 0) return [];
      const aHasConst = schemaNodes(a).some(
        (node) => isSchemaObject(node.schema) && 'const' in node.schema,
      );
      const rule: Rules =
        keyword === 'const' && aHasConst
          ? 'const-changed'
          : ['enum-value-removed', 'enum-value-added'];
      return [this.notAllowed(rule, walk, site, missing)];
    }
    if (keyword === 'const') {
      const headline = report.backward
        ? `${field(walk.at)} must now be exactly ${showValue(schema.const)}`
        : `${field(walk.at)} is no longer fixed to ${showValue(schema.const)}`;
      return [
        report.issue(['const-added', 'const-removed'], walk, site, headline, 'hold another value'),
      ];
    }
    const headline = report.backward
      ? `${field(walk.at)} is now limited to ${listValues(allowed)}`
      : `${field(walk.at)} is no longer limited to ${listValues(allowed)}`;
    return [
      report.issue(['enum-added', 'enum-removed'], walk, site, headline, 'hold another value'),
    ];
  }

  /** A's values B rejects for a reason no keyword check names. */
  rejected(a: Conjunction, b: SchemaNode, walk: Walk, values: readonly unknown[]): Incompatibility {
    return this.notAllowed(
      ['enum-value-removed', 'enum-value-added'],
      walk,
      this.inclusion.report.newSite(a, b),
      values,
    );
  }

  private notAllowed(
    rule: Rules,
    walk: Walk,
    site: string,
    values: readonly unknown[],
  ): Incompatibility {
    const { report } = this.inclusion;
    const headline = report.backward
      ? `${field(walk.at)} no longer allows ${listValues(values)}`
      : `${field(walk.at)} now allows ${listValues(values)}, which version ${report.oldVersion} does not`;
    return report.issue(
      rule,
      walk,
      site,
      headline,
      values.length === 1 ? 'hold it' : 'hold one of them',
    );
  }

  format({ a, b, schema, walk }: Step): Incompatibility[] {
    const { report } = this.inclusion;
    const wanted = schema.format;
    const stated = schemaNodes(a)
      .map((node) => (isSchemaObject(node.schema) ? node.schema.format : undefined))
      .filter((format) => format !== undefined);
    if (stated.some((format) => format === wanted)) return [];
    const site = report.newSite(a, b, 'format');
    if (stated.length === 0) {
      const headline = report.backward
        ? `${field(walk.at)} must now be in the ${String(wanted)} format`
        : `${field(walk.at)} no longer has to be in the ${String(wanted)} format`;
      return [
        report.issue(
          ['format-added', 'format-removed'],
          walk,
          site,
          headline,
          'hold a value in another form',
        ),
      ];
    }
    const [before, after] = report.backward ? [stated[0], wanted] : [wanted, stated[0]];
    return [
      report.issue(
        'format-changed',
        walk,
        site,
        `The format of ${placeOf(walk.at)} changed from ${String(before)} to ${String(after)}`,
        'hold a value the other format rejects',
      ),
    ];
  }

  /** A keyword the checker does not understand holds only where A states it alike. */
  unknown({ a, b, schema, walk }: Step, keyword: string): Incompatibility[] {
    const stated = schemaNodes(a).some(
      (node) =>
        isSchemaObject(node.schema) &&
        keyword in node.schema &&
        jsonEqual(node.schema[keyword], schema[keyword]),
    );
    if (stated) return [];
    const { report } = this.inclusion;
    return [
      report.unverifiable(
        walk,
        report.newSite(a, b, keyword),
        `${field(walk.at)} uses "${keyword}", which the checker does not understand, and it is not the same in both versions`,
      ),
    ];
  }
}
