// The base of every domain exception: a string-enum code a transport maps
// (GraphQL: the filters in apps/gateway; HTTP and the CLI: their own small
// maps) and a message that names the field and the rule, never a value.
export abstract class CodedException<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
