// A coded exception about one input: the field at fault, when there is one,
// and the rule it broke ("required", "pattern", "check-digit" …).
import { DetailedException } from './detailed-exception.js';

export abstract class FieldException<Code extends string> extends DetailedException<
  Code,
  { field?: string; rule?: string }
> {
  get field(): string | undefined {
    return this.details.field;
  }

  get rule(): string | undefined {
    return this.details.rule;
  }
}
