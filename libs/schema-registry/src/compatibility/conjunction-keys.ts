// Names for the pairs the inclusion proof is in the middle of, so that a
// recursive schema met again with the same conjunction is recognised: schema
// objects are numbered as they are met, a conjunction is its sorted atoms.

import type { Atom, Conjunction } from './conjunction.js';
import type { SchemaNode } from './schema-graph.js';

export class ConjunctionKeys {
  private readonly objectIds = new WeakMap<object, number>();
  private nextObjectId = 1;

  pair(a: Conjunction, b: SchemaNode): string {
    const atoms = a.map((atom) => this.atom(atom)).sort();
    return `${atoms.join(',')}→${this.node(b)}`;
  }

  private atom(atom: Atom): string {
    switch (atom.kind) {
      case 'schema':
      case 'not':
        return `${atom.kind}:${this.node(atom.node)}`;
      case 'anyOf':
      case 'oneOf':
      case 'cond':
        return `${atom.kind}:${this.node(atom.holder)}`;
      case 'present':
        return `present:${atom.name}`;
      case 'unresolved':
        return `unresolved:${this.node(atom.node)}`;
    }
  }

  private node(node: SchemaNode): string {
    const schema = node.schema;
    if (typeof schema !== 'object' || schema === null) return String(schema);
    let id = this.objectIds.get(schema);
    if (id === undefined) {
      id = this.nextObjectId++;
      this.objectIds.set(schema, id);
    }
    return `${node.document.id}#${id}`;
  }
}
