// The values an object holds under each field name, against one of B's
// property models: fields either side lists by name (forbidden, removed from
// a closed model, newly defined in an open one, or compared value against
// value), then the names neither lists (B's patternProperties and
// additionalProperties against what A allows there).

import { flatten, flattenAll, type Conjunction } from './conjunction.js';
import type { Incompatibility } from './incompatibility.js';
import type { Inclusion } from './inclusion.js';
import { field, placeOf, type Walk } from './issue-reporter.js';
import { showValue } from './json-equal.js';
import {
  closedToOthers,
  declares,
  valuesFor,
  type PatternRule,
  type PropertyModel,
} from './property-model.js';
import { acceptsEverything, acceptsNothing, siteOf, type SchemaNode } from './schema-graph.js';

/** What A allows under one field name, and whether each side lists the name. */
interface NamedField {
  readonly statedNodes: readonly SchemaNode[];
  readonly stated: Conjunction;
  readonly declaredByA: boolean;
  readonly declaredByB: boolean;
}

/** What the values under names neither side lists are compared with. */
interface OtherNames {
  readonly mine: readonly PropertyModel[];
  readonly theirs: PropertyModel;
  /** The model of A's to argue from, when all its patterns can be run. */
  readonly usable: PropertyModel | undefined;
  /** Any value: what A allows under a name it says nothing of. */
  readonly anything: SchemaNode;
  readonly walk: Walk;
  readonly here: Walk;
}

export class PropertyChecks {
  constructor(private readonly inclusion: Inclusion) {}

  /** A's values under every property name against one of B's property models. */
  check(
    a: Conjunction,
    mine: readonly PropertyModel[],
    theirs: PropertyModel,
    walk: Walk,
  ): Incompatibility[] {
    const names = new Set<string>(theirs.properties.keys());
    for (const model of mine) for (const name of model.properties.keys()) names.add(name);
    const issues = [...names].flatMap((name) => this.named(mine, theirs, name, walk));
    issues.push(...this.others(mine, theirs, walk));
    return issues;
  }

  private named(
    mine: readonly PropertyModel[],
    theirs: PropertyModel,
    name: string,
    walk: Walk,
  ): Incompatibility[] {
    const at = walk.at.property(name);
    const here: Walk = { at, where: walk.where };
    const wanted = valuesFor(theirs, name);
    if (wanted === undefined) {
      return [
        this.inclusion.report.unverifiable(
          here,
          siteOf(theirs.holder, 'patternProperties'),
          `Whether ${at.label} matches a "patternProperties" pattern cannot be told`,
        ),
      ];
    }
    if (wanted.length === 0) return [];
    const statedNodes = mine.flatMap((model) => valuesFor(model, name) ?? []);
    if (statedNodes.some((node) => acceptsNothing(node.schema))) return [];
    const own: NamedField = {
      statedNodes,
      stated: flattenAll(this.inclusion.graph, statedNodes),
      declaredByA: mine.some((model) => declares(model, name)),
      declaredByB: declares(theirs, name),
    };
    return wanted.flatMap((part) => {
      if (acceptsEverything(part.schema)) return [];
      if (acceptsNothing(part.schema)) return this.forbidden(mine, theirs, own, part, here, walk);
      return this.value(mine, own, part, here);
    });
  }

  /** B allows no value under the name: forbidden where B lists it, else outside B's closed model. */
  private forbidden(
    mine: readonly PropertyModel[],
    theirs: PropertyModel,
    own: NamedField,
    part: SchemaNode,
    here: Walk,
    walk: Walk,
  ): Incompatibility[] {
    const { report } = this.inclusion;
    if (this.inclusion.empty(own.stated, here)) return [];
    const old = report.oldVersion;
    if (own.declaredByB) {
      const headline = report.backward
        ? `${field(here.at)} is now forbidden`
        : `${field(here.at)} is now allowed, where version ${old} forbade it`;
      return [
        report.issue(
          ['property-forbidden', 'property-allowed'],
          here,
          report.newSite(own.stated, part),
          headline,
          'contain it',
        ),
      ];
    }
    const headline = report.backward
      ? `${field(here.at)} is no longer part of ${placeOf(walk.at)}, which does not allow fields it does not list`
      : `${field(here.at)} is new, and version ${old} does not allow fields it does not list`;
    const site = report.backward
      ? siteOf(theirs.holder, 'properties')
      : report.newSite(own.stated, part);
    return [
      report.issue(
        ['property-removed', 'property-added-to-closed-model'],
        here,
        site,
        headline,
        'contain it',
      ),
    ];
  }

  /**
   * A's value against B's; where only B defines the field and A accepted any
   * value under its name, that is the change to name, not what the value lacks.
   */
  private value(
    mine: readonly PropertyModel[],
    own: NamedField,
    part: SchemaNode,
    here: Walk,
  ): Incompatibility[] {
    const found = this.inclusion.subset(own.stated, part, here);
    if (found.length === 0) return [];
    const newlyDefined =
      !own.declaredByA &&
      own.declaredByB &&
      own.statedNodes.every((node) => acceptsEverything(node.schema));
    if (!newlyDefined) return found;
    const { report } = this.inclusion;
    const old = report.oldVersion;
    const headline = report.backward
      ? `${field(here.at)} is new with a definition of its own, where version ${old} accepted any value under that name`
      : `${field(here.at)} is no longer defined, so any value is accepted under that name, where version ${old} defined it`;
    const site = report.backward ? siteOf(part) : report.newSiteOfModels(mine, 'properties');
    return [
      report.issue(
        ['property-added-to-open-model', 'property-removed-from-open-model'],
        here,
        site,
        headline,
        'hold a value the definition rejects',
      ),
    ];
  }

  /** Values under names neither side lists: B's patternProperties and additionalProperties. */
  private others(
    mine: readonly PropertyModel[],
    theirs: PropertyModel,
    walk: Walk,
  ): Incompatibility[] {
    const patterns = theirs.patterns.filter((pattern) => !acceptsEverything(pattern.node.schema));
    const additional =
      theirs.additional && !acceptsEverything(theirs.additional.schema)
        ? theirs.additional
        : undefined;
    if (patterns.length === 0 && !additional) return [];
    if (mine.some(closedToOthers)) return [];
    // One of A's models is enough to argue from; the most telling is one with
    // a schema for other names and no patterns.
    const model =
      mine.find((m) => m.additional && m.patterns.length === 0) ??
      mine.find((m) => m.additional || m.patterns.length > 0);
    const others: OtherNames = {
      mine,
      theirs,
      usable: model?.patterns.every((pattern) => pattern.regex) ? model : undefined,
      anything: this.inclusion.graph.synthetic(true, theirs.holder),
      walk,
      here: { at: walk.at.other(), where: walk.where },
    };
    const issues = patterns.flatMap((pattern) => this.patternValues(others, pattern));
    if (additional) issues.push(...this.additional(others, additional));
    return issues;
  }

  /** A's values under names that match one of B's patterns. */
  private patternValues(others: OtherNames, pattern: PatternRule): Incompatibility[] {
    const { usable, anything, here } = others;
    if (!pattern.regex) {
      return [
        this.inclusion.report.unverifiable(
          here,
          siteOf(pattern.node),
          `A "patternProperties" pattern of ${placeOf(others.walk.at)} is not a regular expression the checker can run`,
        ),
      ];
    }
    const same = usable?.patterns.find((mineP) => mineP.source === pattern.source);
    const candidates = same
      ? [same.node]
      : usable
        ? [usable.additional ?? anything, ...usable.patterns.map((p) => p.node)]
        : [anything];
    return candidates.flatMap((candidate) =>
      this.inclusion.subset(flatten(this.inclusion.graph, candidate), pattern.node, here),
    );
  }

  /** A's values under names B lists nowhere, against B's additionalProperties. */
  private additional(others: OtherNames, additional: SchemaNode): Incompatibility[] {
    const { usable, anything, theirs } = others;
    const theirSources = new Set(theirs.patterns.map((pattern) => pattern.source));
    const candidates: Array<{ node: SchemaNode; pattern?: string }> = usable
      ? [
          { node: usable.additional ?? anything },
          ...usable.patterns
            .filter((p) => !theirSources.has(p.source))
            .map((p) => ({ node: p.node, pattern: p.source })),
        ]
      : [{ node: anything }];
    return candidates.flatMap(({ node, pattern }) => {
      if (!acceptsNothing(additional.schema)) {
        return this.inclusion.subset(flatten(this.inclusion.graph, node), additional, others.here);
      }
      if (acceptsNothing(node.schema)) return [];
      return [this.closed(others, pattern)];
    });
  }

  /** B allows no other fields: those A allows by its additionalProperties, or by one of its patterns. */
  private closed(others: OtherNames, pattern: string | undefined): Incompatibility {
    const { mine, theirs, here, walk } = others;
    const { report } = this.inclusion;
    const old = report.oldVersion;
    const site = report.backward
      ? siteOf(theirs.holder, theirs.additionalKeyword)
      : report.newSiteOfModels(
          mine,
          pattern === undefined ? 'additionalProperties' : 'patternProperties',
        );
    if (pattern === undefined) {
      const headline = report.backward
        ? `${field(walk.at)} no longer allows fields it does not list`
        : `${field(walk.at)} now allows fields it does not list, where version ${old} did not`;
      return report.issue(
        ['model-closed', 'model-opened'],
        here,
        site,
        headline,
        'contain such fields',
      );
    }
    const headline = report.backward
      ? `${field(walk.at)} no longer allows fields whose names match ${showValue(pattern)}`
      : `${field(walk.at)} now allows fields whose names match ${showValue(pattern)}, which version ${old} does not`;
    return report.issue(
      ['pattern-property-removed', 'pattern-property-added'],
      here,
      site,
      headline,
      'contain such fields',
    );
  }
}
