// B's keywords for objects: which fields and what values under them (handed
// to the property checks, model by model), `required`, field counts (from the
// shared table of counted limits), `dependentRequired`, `dependentSchemas`
// and `propertyNames`.

import { flatten, flattenAll, schemaNodes, type Atom, type Conjunction } from './conjunction.js';
import { COUNT_LIMITS, countLimitIssues, statedLimit } from './count-limits.js';
import type { Incompatibility } from './incompatibility.js';
import type { Inclusion, Settled } from './inclusion.js';
import { field, placeOf, type Walk } from './issue-reporter.js';
import { PropertyChecks } from './property-checks.js';
import {
  closedToOthers,
  propertyModel,
  unevaluatedView,
  valuesFor,
  type PropertyModel,
} from './property-model.js';
import {
  acceptsEverything,
  acceptsNothing,
  isSchemaObject,
  type SchemaNode,
  type SchemaObject,
} from './schema-graph.js';

/** What A states about its objects, gathered once for every check of them. */
interface ObjectFacts {
  readonly nodes: readonly SchemaNode[];
  readonly objects: readonly SchemaObject[];
  readonly mine: readonly PropertyModel[];
  readonly required: ReadonlySet<string>;
}

/** Whether A allows no value at all under `name`. */
function forbids(models: readonly PropertyModel[], name: string): boolean {
  return models.some((model) =>
    (valuesFor(model, name) ?? []).some((node) => acceptsNothing(node.schema)),
  );
}

export class ObjectChecks {
  private readonly properties: PropertyChecks;

  constructor(private readonly inclusion: Inclusion) {
    this.properties = new PropertyChecks(inclusion);
  }

  check(
    a: Conjunction,
    b: SchemaNode,
    schema: SchemaObject,
    walk: Walk,
    settled: Settled,
  ): Incompatibility[] {
    const nodes = schemaNodes(a).filter((node) => isSchemaObject(node.schema));
    const facts: ObjectFacts = {
      nodes,
      objects: nodes.map((node) => node.schema as SchemaObject),
      mine: this.inclusion.facts.modelsOf(nodes),
      required: this.inclusion.facts.requiredNames(a),
    };
    const issues = this.fields(a, b, schema, walk, facts);
    if (Array.isArray(schema.required) && !settled('required')) {
      issues.push(...this.required(a, b, schema.required, walk, facts));
    }
    issues.push(...this.counts(a, b, schema, walk, facts, settled));
    if (isSchemaObject(schema.dependentRequired) && !settled('dependentRequired')) {
      issues.push(...this.dependentRequired(a, b, schema.dependentRequired, walk, facts));
    }
    if (isSchemaObject(schema.dependentSchemas)) {
      issues.push(...this.dependentSchemas(a, b, schema.dependentSchemas, walk, facts));
    }
    if ('propertyNames' in schema && !acceptsEverything(schema.propertyNames)) {
      issues.push(...this.propertyNames(a, b, walk, facts));
    }
    return issues;
  }

  /** The fields B's property models allow, and their values, against A's models. */
  private fields(
    a: Conjunction,
    b: SchemaNode,
    schema: SchemaObject,
    walk: Walk,
    facts: ObjectFacts,
  ): Incompatibility[] {
    const { graph, report } = this.inclusion;
    const issues: Incompatibility[] = [];
    const theirs: PropertyModel[] = [];
    const own = propertyModel(graph, b);
    if (own) theirs.push(own);
    if (!('additionalProperties' in schema)) {
      const view = unevaluatedView(graph, b, 'exact');
      if (view.kind === 'model') theirs.push(view.model);
      if (view.kind === 'uncertain') {
        issues.push(
          report.unverifiable(
            walk,
            report.newSite(a, b, 'unevaluatedProperties'),
            `Which fields of ${placeOf(walk.at)} "unevaluatedProperties" applies to depends on subschemas that apply only to some records`,
          ),
        );
      }
    }
    for (const model of theirs) issues.push(...this.properties.check(a, facts.mine, model, walk));
    return issues;
  }

  private required(
    a: Conjunction,
    b: SchemaNode,
    names: readonly unknown[],
    walk: Walk,
    facts: ObjectFacts,
  ): Incompatibility[] {
    const { report } = this.inclusion;
    const issues: Incompatibility[] = [];
    for (const name of names) {
      if (typeof name !== 'string' || facts.required.has(name)) continue;
      const at = walk.at.property(name);
      const headline = report.backward
        ? `${field(at)} is now required`
        : `${field(at)} is no longer required`;
      issues.push(
        report.issue(
          ['required-added', 'required-removed'],
          { at, where: walk.where },
          report.newSite(a, b, 'required'),
          headline,
          'lack it',
        ),
      );
    }
    return issues;
  }

  /** Required fields imply a minimum count, and a closed list of fields a maximum. */
  private counts(
    a: Conjunction,
    b: SchemaNode,
    schema: SchemaObject,
    walk: Walk,
    facts: ObjectFacts,
    settled: Settled,
  ): Incompatibility[] {
    const { report } = this.inclusion;
    const issues: Incompatibility[] = [];
    const { minProperties, maxProperties } = COUNT_LIMITS;
    if (typeof schema.minProperties === 'number' && !settled('minProperties')) {
      const stated = statedLimit(minProperties, facts.objects, [facts.required.size]);
      issues.push(...countLimitIssues(report, minProperties, a, b, walk, stated));
    }
    if (typeof schema.maxProperties === 'number' && !settled('maxProperties')) {
      const closed = facts.mine.filter(closedToOthers).map((model) => model.properties.size);
      const stated = statedLimit(maxProperties, facts.objects, closed);
      issues.push(...countLimitIssues(report, maxProperties, a, b, walk, stated));
    }
    return issues;
  }

  private dependentRequired(
    a: Conjunction,
    b: SchemaNode,
    dependencies: SchemaObject,
    walk: Walk,
    facts: ObjectFacts,
  ): Incompatibility[] {
    const { report } = this.inclusion;
    const issues: Incompatibility[] = [];
    for (const [trigger, names] of Object.entries(dependencies)) {
      if (!Array.isArray(names) || forbids(facts.mine, trigger)) continue;
      for (const name of names) {
        if (typeof name !== 'string' || facts.required.has(name)) continue;
        if (this.statesDependency(facts, trigger, name)) continue;
        const at = walk.at.property(name);
        const headline = report.backward
          ? `${field(at)} is now required whenever ${trigger} is present`
          : `${field(at)} is no longer required when ${trigger} is present`;
        issues.push(
          report.issue(
            ['dependent-required-added', 'dependent-required-removed'],
            { at, where: walk.where },
            report.newSite(a, b, 'dependentRequired'),
            headline,
            `have ${trigger} without ${name}`,
          ),
        );
      }
    }
    return issues;
  }

  private statesDependency(facts: ObjectFacts, trigger: string, name: string): boolean {
    return facts.objects.some((node) => {
      const dependent = isSchemaObject(node.dependentRequired)
        ? node.dependentRequired[trigger]
        : undefined;
      return Array.isArray(dependent) && dependent.includes(name);
    });
  }

  /** Each of B's dependent schemas, in records that have its trigger. */
  private dependentSchemas(
    a: Conjunction,
    b: SchemaNode,
    dependencies: SchemaObject,
    walk: Walk,
    facts: ObjectFacts,
  ): Incompatibility[] {
    const { graph } = this.inclusion;
    const issues: Incompatibility[] = [];
    for (const trigger of Object.keys(dependencies)) {
      const wanted = graph.child(b, 'dependentSchemas', trigger);
      if (acceptsEverything(wanted.schema) || forbids(facts.mine, trigger)) continue;
      const stated = facts.nodes
        .filter(
          (node) =>
            isSchemaObject((node.schema as SchemaObject).dependentSchemas) &&
            Object.hasOwn((node.schema as SchemaObject).dependentSchemas as object, trigger),
        )
        .map((node) => graph.child(node, 'dependentSchemas', trigger));
      const present: Atom = { kind: 'present', name: trigger, holder: b };
      issues.push(
        ...this.inclusion.subset([...a, present, ...flattenAll(graph, stated)], wanted, {
          at: walk.at,
          where: [...walk.where, `in records that have ${walk.at.property(trigger).label}`],
        }),
      );
    }
    return issues;
  }

  /** Proven by an own propertyNames that is as strict, or by a closed list of names B allows. */
  private propertyNames(
    a: Conjunction,
    b: SchemaNode,
    walk: Walk,
    facts: ObjectFacts,
  ): Incompatibility[] {
    const { graph, oracle, report } = this.inclusion;
    const wanted = graph.child(b, 'propertyNames');
    const here: Walk = { at: walk.at.other(), where: walk.where };
    const byOwn = facts.nodes.some(
      (node) =>
        'propertyNames' in (node.schema as SchemaObject) &&
        this.inclusion.proves(flatten(graph, graph.child(node, 'propertyNames')), wanted, here),
    );
    const byList = facts.mine.some(
      (model) =>
        closedToOthers(model) &&
        [...model.properties.entries()]
          .filter(([, node]) => !acceptsNothing(node.schema))
          .every(([name]) => oracle.accepts(wanted, name) === true),
    );
    if (byOwn || byList) return [];
    const label = placeOf(walk.at);
    const headline = report.backward
      ? `The names of the fields of ${label} are now restricted further`
      : `The names of the fields of ${label} are now less restricted than version ${report.oldVersion} allows`;
    return [
      report.issue(
        ['property-names-narrowed', 'property-names-widened'],
        walk,
        report.newSite(a, b, 'propertyNames'),
        headline,
        'use a field name that is no longer allowed',
      ),
    ];
  }
}
