// A coded exception that carries, beside its message, what its transports
// show (the field and the rule, the issues …): a module states only its codes
// and the shape of its details, not the constructor again. Details with no
// required part may be left out; they are then empty.
import { CodedException } from './coded-exception.js';

type DetailsArgument<Details> =
  Record<never, never> extends Details ? [details?: Details] : [details: Details];

export abstract class DetailedException<
  Code extends string,
  Details extends object = Record<string, unknown>,
> extends CodedException<Code> {
  readonly details: Details;

  constructor(code: Code, message: string, ...[details]: DetailsArgument<Details>) {
    super(code, message);
    this.details = details ?? ({} as Details);
  }
}
