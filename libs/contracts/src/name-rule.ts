// The names stewards and integrators give (purposes, adapters): short,
// lower-case and safe in topics, URLs and SQL identifiers.
export const NAME_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;

/** The rule a name breaks, as a sentence that names the field and shows an example. */
export function nameRule(field: string, example: string): string {
  return `${field} must be 2 to 63 lower-case letters, digits and dashes, starting with a letter, e.g. ${example}`;
}
