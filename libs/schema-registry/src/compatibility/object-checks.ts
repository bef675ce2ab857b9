// B's keywords for objects: which fields and what values under them (handed
// to the property checks, model by model), `required`, field counts (from the
// shared table of counted limits), `dependentRequired`, `dependentSchemas`
// and `propertyNames`.

import { flatten, flattenAll, schemaNodes, type Atom } from './conjunction.js';
import { COUNT_LIMITS, countLimitIssues, statedLimit } from './count-limits.js';
import type { Incompatibility } from './incompatibility.js';
import type { Inclusion, Settled, Step } from './inclusion.js';
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

/** The step, with what A states about its objects gathered once for every check of them. */
interface ObjectStep extends Step {
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

  check(base: Step, settled: Settled): Incompatibility[] {
    const { schema } = base;
    const nodes = schemaNodes(base.a).filter((node) => isSchemaObject(node.schema));
    const step: ObjectStep = {
      ...base,
      nodes,
      objects: nodes.map((node) => node.schema as SchemaObject),
      mine: this.inclusion.facts.modelsOf(nodes),
      required: this.inclusion.facts.requiredNames(base.a),
    };
    const issues = this.fields(step);
    if (Array.isArray(schema.required) && !settled('required')) {
      issues.push(...this.required(step, schema.required));
    }
    issues.push(...this.counts(step, settled));
    if (isSchemaObject(schema.dependentRequired) && !settled('dependentRequired')) {
      issues.push(...this.dependentRequired(step, schema.dependentRequired));
    }
    if (isSchemaObject(schema.dependentSchemas)) {
      issues.push(...this.dependentSchemas(step, schema.dependentSchemas));
    }
    if ('propertyNames' in schema && !acceptsEverything(schema.propertyNames)) {
      issues.push(...this.propertyNames(step));
    }
    return issues;
  }

  /** The fields B's property models allow, and their values, against A's models. */
  private fields(step: ObjectStep): Incompatibility[] {
    const { a, b, schema, walk } = step;
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
    for (const model of theirs) issues.push(...this.properties.check(a, step.mine, model, walk));
    return issues;
  }

  private required(step: ObjectStep, names: readonly unknown[]): Incompatibility[] {
    const { a, b, walk } = step;
    const { report } = this.inclusion;
    const issues: Incompatibility[] = [];
    for (const name of names) {
      if (typeof name !== 'string' || step.required.has(name)) continue;
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
  private counts(step: ObjectStep, settled: Settled): Incompatibility[] {
    const { schema } = step;
    const { report } = this.inclusion;
    const issues: Incompatibility[] = [];
    const { minProperties, maxProperties } = COUNT_LIMITS;
    if (typeof schema.minProperties === 'number' && !settled('minProperties')) {
      const stated = statedLimit(minProperties, step.objects, [step.required.size]);
      issues.push(...countLimitIssues(report, minProperties, step, stated));
    }
    if (typeof schema.maxProperties === 'number' && !settled('maxProperties')) {
      const closed = step.mine.filter(closedToOthers).map((model) => model.properties.size);
      const stated = statedLimit(maxProperties, step.objects, closed);
      issues.push(...countLimitIssues(report, maxProperties, step, stated));
    }
    return issues;
  }

  private dependentRequired(step: ObjectStep, dependencies: SchemaObject): Incompatibility[] {
    const { a, b, walk } = step;
    const { report } = this.inclusion;
    const issues: Incompatibility[] = [];
    for (const [trigger, names] of Object.entries(dependencies)) {
      if (!Array.isArray(names) || forbids(step.mine, trigger)) continue;
      for (const name of names) {
        if (typeof name !== 'string' || step.required.has(name)) continue;
        if (this.statesDependency(step, trigger, name)) continue;
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

  private statesDependency(step: ObjectStep, trigger: string, name: string): boolean {
    return step.objects.some((node) => {
      const dependent = isSchemaObject(node.dependentRequired)
        ? node.dependentRequired[trigger]
        : undefined;
      return Array.isArray(dependent) && dependent.includes(name);
    });
  }

  /** Each of B's dependent schemas, in records that have its trigger. */
  private dependentSchemas(step: ObjectStep, dependencies: SchemaObject): Incompatibility[] {
    const { a, b, walk } = step;
    const { graph } = this.inclusion;
    const issues: Incompatibility[] = [];
    for (const trigger of Object.keys(dependencies)) {
      const wanted = graph.child(b, 'dependentSchemas', trigger);
      if (acceptsEverything(wanted.schema) || forbids(step.mine, trigger)) continue;
      const stated = step.nodes
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
  private propertyNames(step: ObjectStep): Incompatibility[] {
    const { a, b, walk } = step;
    const { graph, oracle, report } = this.inclusion;
    const wanted = graph.child(b, 'propertyNames');
    const here: Walk = { at: walk.at.other(), where: walk.where };
    const byOwn = step.nodes.some(
      (node) =>
        'propertyNames' in (node.schema as SchemaObject) &&
        this.inclusion.proves(flatten(graph, graph.child(node, 'propertyNames')), wanted, here),
    );
    const byList = step.mine.some(
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
