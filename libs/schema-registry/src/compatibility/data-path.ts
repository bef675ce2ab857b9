// A place in a record payload that a schema change concerns, written two ways:
// as a JSON pointer for code (`/owners/*/share`) and with dots and brackets
// for stewards reading a message (`owners[].share`). A `*` stands for every
// item of an array or for every property a schema does not list by name.

import { escapeJsonPointer } from '../validation-issue.js';

type Segment =
  | { readonly kind: 'property'; readonly name: string }
  | { readonly kind: 'item' }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'other' };

export class DataPath {
  static readonly ROOT = new DataPath([]);

  private constructor(private readonly segments: readonly Segment[]) {}

  get isRoot(): boolean {
    return this.segments.length === 0;
  }

  /** Whether the path ends at "any property not listed by name". */
  get isOther(): boolean {
    return this.segments.at(-1)?.kind === 'other';
  }

  /** The path one step up; the root's parent is the root. */
  get parent(): DataPath {
    return this.segments.length === 0 ? this : new DataPath(this.segments.slice(0, -1));
  }

  /** The value of a named property. */
  property(name: string): DataPath {
    return this.with({ kind: 'property', name });
  }

  /** Any item of an array. */
  item(): DataPath {
    return this.with({ kind: 'item' });
  }

  /** The item at one position of a tuple (prefixItems). */
  index(index: number): DataPath {
    return this.with({ kind: 'index', index });
  }

  /** Any property the schema does not list by name (additionalProperties, patternProperties). */
  other(): DataPath {
    return this.with({ kind: 'other' });
  }

  /** `/owner/nationalId`, `/owners/*\/share`, `/*`; the empty string for the payload itself. */
  get pointer(): string {
    return this.segments
      .map((segment) => {
        switch (segment.kind) {
          case 'property':
            return `/${escapeJsonPointer(segment.name)}`;
          case 'index':
            return `/${segment.index}`;
          case 'item':
          case 'other':
            return '/*';
        }
      })
      .join('');
  }

  /** `owner.nationalId`, `owners[].share`, `location.*`; `the record` for the payload itself. */
  get label(): string {
    if (this.isRoot) return 'the record';
    let label = '';
    for (const segment of this.segments) {
      switch (segment.kind) {
        case 'property':
          label += label === '' ? segment.name : `.${segment.name}`;
          break;
        case 'index':
          label += `[${segment.index}]`;
          break;
        case 'item':
          label += '[]';
          break;
        case 'other':
          label += label === '' ? '*' : '.*';
          break;
      }
    }
    return label;
  }

  private with(segment: Segment): DataPath {
    return new DataPath([...this.segments, segment]);
  }
}
